using System.Runtime.CompilerServices;

namespace Sessionizer.Core.Visits;

/// <summary>
/// A single-threaded cache in front of <see cref="Vocabulary.MetadataOfInterned"/>: the four strings
/// are interned, so the key compares and hashes by reference, with no lock.
/// </summary>
internal sealed class MetadataCache(Vocabulary vocabulary)
{
    private readonly Dictionary<Key, VisitMetadata> _known = new(new ReferenceComparer());

    public VisitMetadata Get(string? site, string? apiVersion, string? browser, string? language)
    {
        var key = new Key(site, apiVersion, browser, language);
        if (!_known.TryGetValue(key, out var metadata))
        {
            metadata = vocabulary.MetadataOfInterned(site, apiVersion, browser, language);
            _known[key] = metadata;
        }

        return metadata;
    }

    private readonly record struct Key(string? Site, string? ApiVersion, string? Browser, string? Language);

    private sealed class ReferenceComparer : IEqualityComparer<Key>
    {
        public bool Equals(Key x, Key y) =>
            ReferenceEquals(x.Site, y.Site) && ReferenceEquals(x.ApiVersion, y.ApiVersion)
            && ReferenceEquals(x.Browser, y.Browser) && ReferenceEquals(x.Language, y.Language);

        public int GetHashCode(Key key) => HashCode.Combine(
            RuntimeHelpers.GetHashCode(key.Site), RuntimeHelpers.GetHashCode(key.ApiVersion),
            RuntimeHelpers.GetHashCode(key.Browser), RuntimeHelpers.GetHashCode(key.Language));
    }
}
