using System.Collections.Concurrent;

namespace Sessionizer.Core.Visits;

/// <summary>
/// The process-wide table of interned page names, metadata strings and metadata, each with a dense
/// int id. Visits hold ids, not references, so an array of millions of visits holds no object
/// reference for the garbage collector to trace, and each distinct string exists once however many
/// visits name it (as <see cref="string.Intern"/> does, for the process's lifetime). Lookups by id
/// take no lock; adding a new value takes a short one.
/// </summary>
internal static class Interned
{
    private static readonly ConcurrentDictionary<string, int> StringIds = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> StringIdsByChars =
        StringIds.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ConcurrentDictionary<(int, int, int, int), int> MetadataIds = new();
    private static readonly Lock Gate = new();
    private static string[] _strings = new string[1024];
    private static VisitMetadata[] _metadata = [VisitMetadata.None, .. new VisitMetadata[1023]];
    private static int _stringCount;
    private static int _metadataCount = 1;

    /// <summary>The id of <see cref="VisitMetadata.None"/> (all four fields null).</summary>
    public const int NoMetadata = 0;

    /// <summary>The id standing for a null string in a metadata key.</summary>
    public const int Null = -1;

    public static int StringCount => Volatile.Read(ref _stringCount);

    public static string StringOf(int id) => Volatile.Read(ref _strings)[id];

    public static VisitMetadata MetadataOf(int id) => Volatile.Read(ref _metadata)[id];

    public static int IdOf(string value) => StringIds.TryGetValue(value, out var id) ? id : Add(value);

    public static int IdOf(ReadOnlySpan<char> value) => StringIdsByChars.TryGetValue(value, out var id) ? id : Add(value.ToString());

    public static int IdOrNull(string? value) => value is null ? Null : IdOf(value);

    public static string? StringOrNull(int id) => id == Null ? null : StringOf(id);

    /// <summary>The id of the metadata with these four string ids (<see cref="Null"/> for null).</summary>
    public static int MetadataIdOf(int site, int apiVersion, int browser, int language)
    {
        var key = (site, apiVersion, browser, language);
        if (key == (Null, Null, Null, Null))
        {
            return NoMetadata;
        }

        return MetadataIds.TryGetValue(key, out var id) ? id : AddMetadata(key);
    }

    public static int MetadataIdOf(VisitMetadata metadata) =>
        MetadataIdOf(IdOrNull(metadata.Site), IdOrNull(metadata.ApiVersion), IdOrNull(metadata.Browser), IdOrNull(metadata.Language));

    private static int Add(string value)
    {
        lock (Gate)
        {
            if (StringIds.TryGetValue(value, out var id))
            {
                return id;
            }

            id = _stringCount;
            // The slot is filled, and a grown array published, before the id can be found.
            var strings = Grow(ref _strings, id);
            strings[id] = value;
            Volatile.Write(ref _stringCount, id + 1);
            StringIds[value] = id;
            return id;
        }
    }

    private static int AddMetadata((int Site, int ApiVersion, int Browser, int Language) key)
    {
        lock (Gate)
        {
            if (MetadataIds.TryGetValue(key, out var id))
            {
                return id;
            }

            id = _metadataCount;
            var metadata = Grow(ref _metadata, id);
            metadata[id] = new VisitMetadata(StringOrNull(key.Site), StringOrNull(key.ApiVersion), StringOrNull(key.Browser), StringOrNull(key.Language));
            Volatile.Write(ref _metadataCount, id + 1);
            MetadataIds[key] = id;
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
