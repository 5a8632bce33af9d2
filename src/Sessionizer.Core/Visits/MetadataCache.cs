using System.Numerics;

namespace Sessionizer.Core.Visits;

/// <summary>
/// A single-threaded cache in front of the interning table's metadata, with no lock: by the four
/// string ids (packed in two numbers, hashed with two multiplications), and by the four values' text
/// as a line holds them, so that a line costs one lookup. Open addressing: a Dictionary of tuples
/// cost as much as scanning a third of the line.
/// </summary>
internal sealed class MetadataCache
{
    private Entry[] _entries = new Entry[64];
    private int _count;
    private TextEntry[] _texts = new TextEntry[64];
    private int _textCount;

    /// <summary>
    /// The metadata id of a line's four values as text: one lookup for the four, where interning
    /// each first cost four lookups and this one more (the combinations are few, and repeat).
    /// </summary>
    public int IdOf(scoped in MetadataText text, Utf8Interner strings)
    {
        var hash = Mix(Mix(Mix(Mix((ulong)text.Strings, text.Site), text.ApiVersion), text.Browser), text.Language);
        var entries = _texts;
        var mask = entries.Length - 1;
        for (var slot = (int)(hash >> 40) & mask; ; slot = (slot + 1) & mask)
        {
            ref var entry = ref entries[slot];
            if (entry.Id == 0)
            {
                return AddText(text, hash, strings);
            }

            if (entry.Hash == hash && entry.Strings == text.Strings && text.Site.SequenceEqual(entry.Site)
                && text.ApiVersion.SequenceEqual(entry.ApiVersion) && text.Browser.SequenceEqual(entry.Browser)
                && text.Language.SequenceEqual(entry.Language))
            {
                return entry.Id - 1;
            }
        }
    }

    public int IdOf(int site, int apiVersion, int browser, int language)
    {
        var first = ((ulong)(uint)site << 32) | (uint)apiVersion;
        var second = ((ulong)(uint)browser << 32) | (uint)language;
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var slot = Slot(first, second, mask); ; slot = (slot + 1) & mask)
        {
            ref var entry = ref entries[slot];
            if (entry.Id == 0)
            {
                return Add(first, second, Interned.MetadataIdOf(site, apiVersion, browser, language));
            }

            if (entry.First == first && entry.Second == second)
            {
                return entry.Id - 1;
            }
        }
    }

    private int Add(ulong first, ulong second, int id)
    {
        if (++_count * 2 > _entries.Length)
        {
            var larger = new Entry[_entries.Length * 2];
            foreach (var entry in _entries)
            {
                if (entry.Id != 0)
                {
                    Place(larger, entry);
                }
            }

            _entries = larger;
        }

        Place(_entries, new Entry(first, second, id + 1));
        return id;
    }

    private static void Place(Entry[] entries, Entry entry)
    {
        var mask = entries.Length - 1;
        var slot = Slot(entry.First, entry.Second, mask);
        while (entries[slot].Id != 0)
        {
            slot = (slot + 1) & mask;
        }

        entries[slot] = entry;
    }

    private int AddText(scoped in MetadataText text, ulong hash, Utf8Interner strings)
    {
        var id = IdOf(
            Intern(text.Site, text.Strings, MetadataText.SiteBit, strings),
            Intern(text.ApiVersion, text.Strings, MetadataText.ApiVersionBit, strings),
            Intern(text.Browser, text.Strings, MetadataText.BrowserBit, strings),
            Intern(text.Language, text.Strings, MetadataText.LanguageBit, strings));
        if (++_textCount * 2 > _texts.Length)
        {
            var larger = new TextEntry[_texts.Length * 2];
            foreach (var entry in _texts)
            {
                if (entry.Id != 0)
                {
                    PlaceText(larger, entry);
                }
            }

            _texts = larger;
        }

        PlaceText(_texts, new TextEntry(hash, text.Strings, text.Site.ToArray(), text.ApiVersion.ToArray(),
            text.Browser.ToArray(), text.Language.ToArray(), id + 1));
        return id;
    }

    private static int Intern(ReadOnlySpan<byte> value, int strings, int bit, Utf8Interner interner) =>
        (strings & bit) == 0 ? Interned.Null : interner.IdOf(value);

    private static void PlaceText(TextEntry[] entries, TextEntry entry)
    {
        var mask = entries.Length - 1;
        var slot = (int)(entry.Hash >> 40) & mask;
        while (entries[slot].Id != 0)
        {
            slot = (slot + 1) & mask;
        }

        entries[slot] = entry;
    }

    private static ulong Mix(ulong hash, ReadOnlySpan<byte> value) =>
        BitOperations.RotateLeft(hash * 0x9E3779B97F4A7C15UL, 23) ^ Utf8Interner.Hash(value);

    private static int Slot(ulong first, ulong second, int mask)
    {
        var h = (first * 0x9E3779B97F4A7C15UL) ^ (second * 0xC2B2AE3D27D4EB4FUL);
        return (int)(h >> 40) & mask;
    }

    /// <summary>A cached key; <see cref="Id"/> is the metadata id plus one, so that 0 marks an empty slot.</summary>
    private readonly record struct Entry(ulong First, ulong Second, int Id);

    /// <summary>A cached text key (null values are empty arrays, told apart by <see cref="Strings"/>); <see cref="Id"/> as in <see cref="Entry"/>.</summary>
    private readonly record struct TextEntry(ulong Hash, int Strings, byte[] Site, byte[] ApiVersion, byte[] Browser, byte[] Language, int Id);
}
