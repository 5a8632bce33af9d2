using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

public class MetadataCacheTests : VocabularyTests
{
    [Fact]
    public void Every_combination_gets_the_vocabularys_id_as_the_cache_grows()
    {
        var cache = new MetadataCache(Vocabulary);
        var ids = Enumerable.Range(0, 12).Select(i => Vocabulary.IdOf($"value {i}")).Prepend(Vocabulary.Null).ToArray();
        var keys = (from site in ids
                    from api in ids.Take(4)
                    from browser in ids
                    from language in ids.Take(3)
                    select (site, api, browser, language)).ToList();

        var first = keys.Select(k => cache.IdOf(k.site, k.api, k.browser, k.language)).ToList();
        var again = keys.Select(k => cache.IdOf(k.site, k.api, k.browser, k.language)).ToList();

        Assert.Equal(keys.Select(k => Vocabulary.MetadataIdOf(k.site, k.api, k.browser, k.language)), first);
        Assert.Equal(first, again);
        Assert.Equal(keys.Count, first.Distinct().Count());
    }

    [Fact]
    public void Four_values_as_text_get_the_id_of_their_interned_strings_and_null_is_not_empty()
    {
        var cache = new MetadataCache(Vocabulary);
        var strings = new Utf8Interner(Vocabulary);
        string?[] values = [null, "", "mysite.com", "v1", "Firefox 53", "en", "été"];
        foreach (var site in values)
        {
            foreach (var api in values.Take(4))
            {
                foreach (var browser in values)
                {
                    foreach (var language in values.Skip(3))
                    {
                        var expected = Vocabulary.MetadataIdOf(Vocabulary.IdOrNull(site), Vocabulary.IdOrNull(api),
                            Vocabulary.IdOrNull(browser), Vocabulary.IdOrNull(language));

                        Assert.Equal(expected, cache.IdOf(Text(site, api, browser, language), strings));
                        Assert.Equal(expected, cache.IdOf(Text(site, api, browser, language), strings));
                    }
                }
            }
        }
    }

    private static MetadataText Text(string? site, string? api, string? browser, string? language) => new()
    {
        Site = Bytes(site),
        ApiVersion = Bytes(api),
        Browser = Bytes(browser),
        Language = Bytes(language),
        Strings = (site is null ? 0 : MetadataText.SiteBit) | (api is null ? 0 : MetadataText.ApiVersionBit)
            | (browser is null ? 0 : MetadataText.BrowserBit) | (language is null ? 0 : MetadataText.LanguageBit),
    };

    private static byte[] Bytes(string? value) => value is null ? [] : System.Text.Encoding.UTF8.GetBytes(value);
}
