namespace Sessionizer.Core.Visits;

/// <summary>
/// A single-threaded cache in front of the interning table's metadata: the key is the four string
/// ids, so it hashes and compares as numbers, with no lock.
/// </summary>
internal sealed class MetadataCache
{
    private readonly Dictionary<(int, int, int, int), int> _known = [];

    public int IdOf(int site, int apiVersion, int browser, int language)
    {
        var key = (site, apiVersion, browser, language);
        if (!_known.TryGetValue(key, out var id))
        {
            id = Interned.MetadataIdOf(site, apiVersion, browser, language);
            _known[key] = id;
        }

        return id;
    }
}
