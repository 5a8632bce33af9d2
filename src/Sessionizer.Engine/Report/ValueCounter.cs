using System.Runtime.InteropServices;
using System.Text;

namespace Sessionizer.Engine.Report;

/// <summary>
/// How many sessions have each value of a field (a site, a browser, an entry page), null apart.
/// Exact: its memory grows with the number of distinct values (a string and a count each), which
/// is small for sites and browsers and, for pages, the site's number of distinct page names over
/// the range read (docs/decisions.md, The report). UTF-8 values are looked up without making a
/// string; a string is made once per distinct value.
/// </summary>
internal sealed class ValueCounter
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _chars = new char[256];

    public ValueCounter() => _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Sessions whose value is null (absent).</summary>
    public long Nulls { get; private set; }

    /// <summary>Sessions counted, nulls included.</summary>
    public long Total { get; private set; }

    /// <summary>Distinct values, null counted as one when it occurs.</summary>
    public long Distinct => _counts.Count + (Nulls > 0 ? 1 : 0);

    public void AddNull(long count = 1)
    {
        Nulls += count;
        Total += count;
    }

    public void Add(string value, long count = 1)
    {
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _) += count;
        Total += count;
    }

    /// <summary>Counts a value given as UTF-8 (unescaped).</summary>
    public void AddUtf8(ReadOnlySpan<byte> utf8)
    {
        if (_chars.Length < utf8.Length)
        {
            // A UTF-8 text of n bytes has at most n UTF-16 units.
            _chars = new char[Math.Max(utf8.Length, _chars.Length * 2)];
        }

        var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
        CollectionsMarshal.GetValueRefOrAddDefault(_lookup, chars, out _)++;
        Total++;
    }

    public void Merge(ValueCounter other)
    {
        foreach (var (value, count) in other._counts)
        {
            Add(value, count);
        }

        if (other.Nulls > 0)
        {
            AddNull(other.Nulls);
        }
    }

    /// <summary>
    /// The <paramref name="n"/> most frequent values, by count (descending), then value (ordinal,
    /// null first), with the totals needed to say what the rest holds.
    /// </summary>
    public TopValues Top(int n)
    {
        var all = _counts.Select(p => new ValueCount(p.Key, p.Value));
        if (Nulls > 0)
        {
            all = all.Append(new ValueCount(null, Nulls));
        }

        var top = all.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(n).ToList();
        return new TopValues(top, Total, Distinct);
    }
}

/// <summary>A value (null: the field was null) and the number of sessions that have it.</summary>
internal readonly record struct ValueCount(string? Value, long Count);

/// <summary>The most frequent values of a field, and the totals over all values.</summary>
/// <param name="Values">The top values, most frequent first (ties by value).</param>
/// <param name="Total">Sessions counted, over all values.</param>
/// <param name="Distinct">Distinct values (null counted as one).</param>
internal sealed record TopValues(IReadOnlyList<ValueCount> Values, long Total, long Distinct)
{
    public static TopValues Empty { get; } = new([], 0, 0);

    /// <summary>Sessions whose value is not among <see cref="Values"/>.</summary>
    public long Others => Total - Values.Sum(v => v.Count);

    /// <summary>Distinct values not among <see cref="Values"/>.</summary>
    public long OtherValues => Distinct - Values.Count;
}
