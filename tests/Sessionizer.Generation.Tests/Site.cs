using System.Globalization;

namespace Sessionizer.Generation.Tests;

/// <summary>The simulated website as the issue describes it, written independently of the generator's tables.</summary>
internal static class Site
{
    public static readonly string[] Statics = ["index", "about", "my-account"];

    public static readonly HashSet<string> Pages =
    [
        .. Enumerable.Range(1, 25).Select(Category),
        .. Enumerable.Range(1, 25).SelectMany(x => Enumerable.Range(1, 25).Select(y => Article(x, y))),
        .. Statics,
    ];

    public static string Category(int x) => string.Create(CultureInfo.InvariantCulture, $"category {x}");

    public static string Article(int x, int y) => string.Create(CultureInfo.InvariantCulture, $"article category {x}-{y}");

    /// <summary>Whether the site has a link from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool Links(string from, string to)
    {
        var toCategoryOrStatic = to.StartsWith("category ", StringComparison.Ordinal) || Statics.Contains(to);
        if (from.StartsWith("category ", StringComparison.Ordinal))
        {
            // A category also links to its own 25 articles.
            return toCategoryOrStatic || to.StartsWith("article " + from + "-", StringComparison.Ordinal);
        }

        return toCategoryOrStatic;
    }
}
