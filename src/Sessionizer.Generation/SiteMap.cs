using System.Globalization;
using System.Text;

namespace Sessionizer.Generation;

/// <summary>
/// The simulated website: 25 categories, 25 articles in each, and three static pages (653 pages),
/// plus <c>logout</c>, which is only visited when closing pages are asked for. Pages are numbered;
/// their names are kept as quoted UTF-8 JSON strings, ready to copy into a line.
/// </summary>
internal static class SiteMap
{
    public const int Categories = 25;

    /// <summary>The pages a visit can browse, <c>logout</c> excluded.</summary>
    public const int PageCount = Categories + (Categories * Categories) + 3;

    /// <summary>The closing page, numbered after the site's pages.</summary>
    public const int Logout = PageCount;

    private const int FirstArticle = Categories;
    private const int FirstStatic = FirstArticle + (Categories * Categories);

    private static readonly string[] StaticPages = ["index", "about", "my-account"];

    /// <summary>Page names as quoted JSON strings, by page number (<see cref="Logout"/> included).</summary>
    public static byte[][] QuotedNames { get; } = BuildNames();

    /// <summary>The pages each page links to, by page number; a next page is a uniform choice among them.</summary>
    public static short[][] Links { get; } = BuildLinks();

    public static string Name(int page) => page switch
    {
        < FirstArticle => string.Create(CultureInfo.InvariantCulture, $"category {page + 1}"),
        < FirstStatic => string.Create(CultureInfo.InvariantCulture,
            $"article category {((page - FirstArticle) / Categories) + 1}-{((page - FirstArticle) % Categories) + 1}"),
        < PageCount => StaticPages[page - FirstStatic],
        _ => "logout",
    };

    private static byte[][] BuildNames()
    {
        var names = new byte[PageCount + 1][];
        for (var page = 0; page <= PageCount; page++)
        {
            names[page] = Encoding.UTF8.GetBytes("\"" + Name(page) + "\"");
        }

        return names;
    }

    private static short[][] BuildLinks()
    {
        var categories = Enumerable.Range(0, Categories);
        var statics = Enumerable.Range(FirstStatic, StaticPages.Length);
        var links = new short[PageCount][];
        for (var page = 0; page < PageCount; page++)
        {
            // A category links to every category, the static pages and its own articles; an article
            // and a static page link to the categories and the static pages.
            var targets = page < FirstArticle
                ? categories.Concat(statics).Concat(Enumerable.Range(FirstArticle + (page * Categories), Categories))
                : categories.Concat(statics);
            links[page] = [.. targets.Select(p => (short)p)];
        }

        return links;
    }
}
