using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Unicode;
using Sessionizer.Core.Text;

namespace Sessionizer.Core.Visits;

/// <summary>
/// The page names, metadata strings and metadata of one run, each with a dense int id. Visits hold
/// ids, not references, so an array of millions of visits holds no object reference for the garbage
/// collector to trace, and each distinct string exists once however many visits name it. A
/// <see cref="Visit"/> means something only with the vocabulary that made it: its page, metadata and
/// order are read through it (<see cref="PageOf"/>, <see cref="MetadataOf(in Visit)"/>,
/// <see cref="Order"/>). A run makes one and drops it when its window is done, so a long-running
/// process does not grow. Lookups by id take no lock; adding a new value takes a short one, so
/// parsers on several threads can share one.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The id of <see cref="VisitMetadata.None"/> (all four fields null).</summary>
    internal const int NoMetadata = 0;

    /// <summary>The id standing for a null string in a metadata key, and for bytes that are not text.</summary>
    internal const int Null = -1;

    private const int StackChars = 256;

    private readonly ConcurrentDictionary<string, int> _stringIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stringIdsByChars;
    private readonly ConcurrentDictionary<(int, int, int, int), int> _metadataIds = new();
    private readonly Lock _gate = new();
    private string[] _strings = new string[1024];
    private VisitMetadata[] _metadata = [VisitMetadata.None, .. new VisitMetadata[1023]];
    private int _stringCount;
    private int _metadataCount = 1;

    public Vocabulary()
    {
        _stringIdsByChars = _stringIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct strings in this vocabulary.</summary>
    public int StringCount => Volatile.Read(ref _stringCount);

    /// <summary>The order of visits of this vocabulary (docs/reference.md §3.3).</summary>
    public VisitOrder Order => new(this);

    /// <summary>A visit of this vocabulary.</summary>
    public Visit Visit(long userId, long eventTimeMs, string page, VisitMetadata metadata, bool fromState = false) =>
        new(userId, eventTimeMs, IdOf(page), MetadataIdOf(metadata), fromState);

    /// <summary>The page a visit of this vocabulary names.</summary>
    public string PageOf(in Visit visit) => StringOf(visit.PageId);

    /// <summary>The metadata a visit of this vocabulary carries.</summary>
    public VisitMetadata MetadataOf(in Visit visit) => MetadataOf(visit.MetadataId);

    public string Intern(ReadOnlySpan<char> value) => StringOf(IdOf(value));

    public string Intern(string value) => StringOf(IdOf(value));

    /// <summary>Interns a UTF-8 string; returns null when the bytes are not valid UTF-8 (e.g. a lone surrogate).</summary>
    public string? InternUtf8(ReadOnlySpan<byte> utf8)
    {
        var id = IdOfUtf8(utf8);
        return id == Null ? null : StringOf(id);
    }

    /// <summary>The interned metadata of these values.</summary>
    public VisitMetadata Metadata(string? site, string? apiVersion, string? browser, string? language) =>
        MetadataOf(MetadataIdOf(IdOrNull(site), IdOrNull(apiVersion), IdOrNull(browser), IdOrNull(language)));

    internal string StringOf(int id) => Volatile.Read(ref _strings)[id];

    internal VisitMetadata MetadataOf(int id) => Volatile.Read(ref _metadata)[id];

    internal int IdOf(string value) => _stringIds.TryGetValue(value, out var id) ? id : Add(value);

    internal int IdOf(ReadOnlySpan<char> value) => _stringIdsByChars.TryGetValue(value, out var id) ? id : Add(value.ToString());

    /// <summary>The id of a UTF-8 string, or <see cref="Null"/> when the bytes are not valid UTF-8.</summary>
    internal int IdOfUtf8(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        var buffer = utf8.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            var status = Utf8.ToUtf16(utf8, buffer, out _, out var written, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? IdOf(buffer[..written]) : Null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The id of the metadata with these four string ids (<see cref="Null"/> for null).</summary>
    internal int MetadataIdOf(int site, int apiVersion, int browser, int language)
    {
        var key = (site, apiVersion, browser, language);
        if (key == (Null, Null, Null, Null))
        {
            return NoMetadata;
        }

        return _metadataIds.TryGetValue(key, out var id) ? id : AddMetadata(key);
    }

    internal int MetadataIdOf(VisitMetadata metadata) =>
        MetadataIdOf(IdOrNull(metadata.Site), IdOrNull(metadata.ApiVersion), IdOrNull(metadata.Browser), IdOrNull(metadata.Language));

    /// <summary>Canonical order of two different pages: by code point (docs/reference.md §3.3).</summary>
    internal int ComparePages(int page, int otherPage) => CodePointOrder.Compare(StringOf(page), StringOf(otherPage));

    internal int CompareMetadata(int metadata, int otherMetadata) => VisitMetadata.Compare(MetadataOf(metadata), MetadataOf(otherMetadata));

    internal int IdOrNull(string? value) => value is null ? Null : IdOf(value);

    private string? StringOrNull(int id) => id == Null ? null : StringOf(id);

    private int Add(string value)
    {
        lock (_gate)
        {
            if (_stringIds.TryGetValue(value, out var id))
            {
                return id;
            }

            id = _stringCount;
            // The slot is filled, and a grown array published, before the id can be found.
            var strings = Grow(ref _strings, id);
            strings[id] = value;
            Volatile.Write(ref _stringCount, id + 1);
            _stringIds[value] = id;
            return id;
        }
    }

    private int AddMetadata((int Site, int ApiVersion, int Browser, int Language) key)
    {
        lock (_gate)
        {
            if (_metadataIds.TryGetValue(key, out var id))
            {
                return id;
            }

            id = _metadataCount;
            var metadata = Grow(ref _metadata, id);
            metadata[id] = new VisitMetadata(StringOrNull(key.Site), StringOrNull(key.ApiVersion), StringOrNull(key.Browser), StringOrNull(key.Language));
            Volatile.Write(ref _metadataCount, id + 1);
            _metadataIds[key] = id;
            return id;
        }
    }

    private static T[] Grow<T>(ref T[] array, int index)
    {
        if (index < array.Length)
        {
            return array;
        }

        var grown = new T[array.Length * 2];
        array.CopyTo(grown, 0);
        Volatile.Write(ref array, grown);
        return grown;
    }
}
