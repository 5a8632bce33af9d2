using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sessionizer.Core.Visits;

/// <summary>
/// A single-threaded cache in front of a <see cref="Vocabulary"/>'s metadata, with no lock: by the four
/// string ids (packed in two numbers), and by the four values' text as a line holds them, so that a
/// line costs one lookup. Open addressing (<see cref="HashSlots{T, TKey}"/>): a Dictionary of tuples cost
/// as much as scanning a third of the line.
/// </summary>
internal sealed class MetadataCache(Vocabulary vocabulary)
{
    private readonly HashSlots<IdEntry, IdKey> _byIds = new(64);
    private readonly HashSlots<TextEntry, MetadataText> _byText = new(64);

    /// <summary>
    /// The metadata id of a line's four values as text: one lookup for the four, where interning
    /// each first cost four lookups and this one more (the combinations are few, and repeat).
    /// </summary>
    public int IdOf(scoped in MetadataText text, Utf8Interner strings)
    {
        var hash = Mix(Mix(Mix(Mix((ulong)text.Strings, text.Site), text.ApiVersion), text.Browser), text.Language);
        ref var entry = ref _byText.Find(hash, in text);
        return entry.IsEmpty ? AddText(text, hash, strings) : entry.Id - 1;
    }

    public int IdOf(int site, int apiVersion, int browser, int language)
    {
        var first = ((ulong)(uint)site << 32) | (uint)apiVersion;
        var second = ((ulong)(uint)browser << 32) | (uint)language;
        var hash = (first * 0x9E3779B97F4A7C15UL) ^ (second * 0xC2B2AE3D27D4EB4FUL);
        hash ^= hash >> 31;
        ref var entry = ref _byIds.Find(hash, new IdKey(first, second));
        if (!entry.IsEmpty)
        {
            return entry.Id - 1;
        }

        var id = vocabulary.MetadataIdOf(site, apiVersion, browser, language);
        _byIds.Add(new IdEntry(hash, first, second, id + 1));
        return id;
    }

    private int AddText(scoped in MetadataText text, ulong hash, Utf8Interner strings)
    {
        var id = IdOf(
            Intern(text.Site, text.Strings, MetadataText.SiteBit, strings),
            Intern(text.ApiVersion, text.Strings, MetadataText.ApiVersionBit, strings),
            Intern(text.Browser, text.Strings, MetadataText.BrowserBit, strings),
            Intern(text.Language, text.Strings, MetadataText.LanguageBit, strings));
        _byText.Add(new TextEntry(hash, text.Strings, text.Site.ToArray(), text.ApiVersion.ToArray(),
            text.Browser.ToArray(), text.Language.ToArray(), id + 1));
        return id;
    }

    private static int Intern(ReadOnlySpan<byte> value, int strings, int bit, Utf8Interner interner) =>
        (strings & bit) == 0 ? Vocabulary.Null : interner.IdOf(value);

    private static ulong Mix(ulong hash, ReadOnlySpan<byte> value) =>
        BitOperations.RotateLeft(hash * 0x9E3779B97F4A7C15UL, 23) ^ Utf8Interner.Hash(value);

    /// <summary>A cached key by ids; <see cref="Id"/> is the metadata id plus one, so that 0 marks an empty slot.</summary>
    private readonly record struct IdEntry(ulong Hash, ulong First, ulong Second, int Id) : IHashSlot<IdKey>
    {
        public bool IsEmpty => Id == 0;

        public bool Holds(scoped in IdKey key) => First == key.First && Second == key.Second;
    }

    /// <summary>The four ids, packed two by two.</summary>
    private readonly record struct IdKey(ulong First, ulong Second);

    /// <summary>A cached key by text (null values are empty arrays, told apart by <see cref="Strings"/>); <see cref="Id"/> as in <see cref="IdEntry"/>.</summary>
    private readonly record struct TextEntry(ulong Hash, int Strings, byte[] Site, byte[] ApiVersion, byte[] Browser, byte[] Language, int Id)
        : IHashSlot<MetadataText>
    {
        public bool IsEmpty => Id == 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Holds(scoped in MetadataText text) =>
            Strings == text.Strings && text.Site.SequenceEqual(Site) && text.ApiVersion.SequenceEqual(ApiVersion)
            && text.Browser.SequenceEqual(Browser) && text.Language.SequenceEqual(Language);
    }
}
