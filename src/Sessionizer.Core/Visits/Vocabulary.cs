using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace Sessionizer.Core.Visits;

/// <summary>
/// Interns page names and metadata so that a window of millions of events holds each distinct
/// string once. Thread-safe: parsers on several threads share one vocabulary. A lookup of a known
/// value allocates nothing.
/// </summary>
public sealed class Vocabulary
{
    private const int StackChars = 256;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private readonly ConcurrentDictionary<MetadataKey, VisitMetadata> _metadata = new(new MetadataKeyComparer());

    public Vocabulary()
    {
        _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct strings held.</summary>
    public int StringCount => _strings.Count;

    public string Intern(ReadOnlySpan<char> value)
    {
        if (_byChars.TryGetValue(value, out var known))
        {
            return known;
        }

        var s = value.ToString();
        return _strings.GetOrAdd(s, s);
    }

    public string Intern(string value) => _strings.GetOrAdd(value, value);

    /// <summary>Interns a UTF-8 string; returns null when the bytes are not valid UTF-8.</summary>
    public string? InternUtf8(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        var buffer = utf8.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            var status = Utf8.ToUtf16(utf8, buffer, out _, out var written, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? Intern(buffer[..written]) : null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The interned metadata of these values.</summary>
    public VisitMetadata Metadata(string? site, string? apiVersion, string? browser, string? language) =>
        MetadataOfInterned(InternOrNull(site), InternOrNull(apiVersion), InternOrNull(browser), InternOrNull(language));

    private string? InternOrNull(string? value) => value is null ? null : Intern(value);

    /// <summary>The interned metadata of strings that this vocabulary interned already (the parser's fast path).</summary>
    internal VisitMetadata MetadataOfInterned(string? site, string? apiVersion, string? browser, string? language)
    {
        if (site is null && apiVersion is null && browser is null && language is null)
        {
            return VisitMetadata.None;
        }

        // The strings come from this vocabulary, so the key compares by reference; the record is
        // allocated only on a miss.
        var key = new MetadataKey(site, apiVersion, browser, language);
        return _metadata.TryGetValue(key, out var known)
            ? known
            : _metadata.GetOrAdd(key, static k => new VisitMetadata(k.Site, k.ApiVersion, k.Browser, k.Language));
    }

    private readonly record struct MetadataKey(string? Site, string? ApiVersion, string? Browser, string? Language);

    private sealed class MetadataKeyComparer : IEqualityComparer<MetadataKey>
    {
        public bool Equals(MetadataKey x, MetadataKey y) =>
            ReferenceEquals(x.Site, y.Site) && ReferenceEquals(x.ApiVersion, y.ApiVersion)
            && ReferenceEquals(x.Browser, y.Browser) && ReferenceEquals(x.Language, y.Language);

        public int GetHashCode(MetadataKey key) => HashCode.Combine(
            RuntimeHelpers.GetHashCode(key.Site), RuntimeHelpers.GetHashCode(key.ApiVersion),
            RuntimeHelpers.GetHashCode(key.Browser), RuntimeHelpers.GetHashCode(key.Language));
    }
}
