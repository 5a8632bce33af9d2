namespace Sessionizer.Engine.Report;

/// <summary>
/// Sums of manifest counts for the page. Manifests lie in a folder others can write to, so a count
/// may be as large as a long holds; the page then shows the largest long instead of failing with an
/// overflow (<see cref="Enumerable.Sum{TSource}(IEnumerable{TSource}, Func{TSource, long})"/> is checked).
/// </summary>
internal static class Totals
{
    public static long Total<T>(this IEnumerable<T> source, Func<T, long> value)
    {
        long total = 0;
        foreach (var item in source)
        {
            var v = value(item);
            total = v > 0 && total > long.MaxValue - v ? long.MaxValue : total + v;
        }

        return total;
    }
}
