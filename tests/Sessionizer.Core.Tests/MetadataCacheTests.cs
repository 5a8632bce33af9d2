using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

public class MetadataCacheTests
{
    [Fact]
    public void Every_combination_gets_the_interning_tables_id_as_the_cache_grows()
    {
        var cache = new MetadataCache();
        var ids = Enumerable.Range(0, 12).Select(i => Interned.IdOf($"value {i}")).Prepend(Interned.Null).ToArray();
        var keys = (from site in ids
                    from api in ids.Take(4)
                    from browser in ids
                    from language in ids.Take(3)
                    select (site, api, browser, language)).ToList();

        var first = keys.Select(k => cache.IdOf(k.site, k.api, k.browser, k.language)).ToList();
        var again = keys.Select(k => cache.IdOf(k.site, k.api, k.browser, k.language)).ToList();

        Assert.Equal(keys.Select(k => Interned.MetadataIdOf(k.site, k.api, k.browser, k.language)), first);
        Assert.Equal(first, again);
        Assert.Equal(keys.Count, first.Distinct().Count());
    }
}
