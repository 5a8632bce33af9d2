using BenchmarkDotNet.Attributes;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Visits;

namespace Sessionizer.Benchmarks.Micro;

/// <summary>
/// The session rules over 100,000 visits of an hour (160 concurrent visits, so users come and go and
/// most sessions close by inactivity), in input order as the parser hands them over.
/// </summary>
[MemoryDiagnoser]
public class SessionizationBenchmarks
{
    private Visit[] _input = [];
    private Visit[] _scratch = [];
    private Visit[] _sorted = [];
    private Visit[][] _ranges = [];
    private readonly VisitSorter _sorter = new();
    private readonly Vocabulary _vocabulary = new();
    private int _kept;

    [GlobalSetup]
    public void Setup()
    {
        _input = SampleData.Visits(SampleData.Lines(100_000, visits: 160), new VisitParser(_vocabulary));
        _scratch = new Visit[_input.Length];
        _sorted = (Visit[])_input.Clone();
        _kept = Sessionization.SortAndDeduplicate(_sorted, _vocabulary);

        // As the engine cuts a window: user ranges of consecutive ids, here of about 10,000 visits.
        var bounds = _sorted.Where((_, i) => i % 10_000 == 0).Select(v => v.UserId).Skip(1).ToArray();
        _ranges = _input.GroupBy(v => bounds.Count(b => b <= v.UserId)).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
    }

    /// <summary>Copies the visits in input order into a scratch array (the copy, a few MB, is part of the time) and sorts and deduplicates them.</summary>
    [Benchmark]
    public int SortAndDeduplicate()
    {
        _input.CopyTo(_scratch, 0);
        return Sessionization.SortAndDeduplicate(_scratch, _vocabulary);
    }

    /// <summary>The same visits cut into user ranges, each sorted with a comparison sort (<see cref="VisitOrder.Sort"/>).</summary>
    [Benchmark]
    public int SortUserRangesByComparison() => SortRanges(sorter: null);

    /// <summary>The same user ranges sorted with <see cref="VisitSorter"/> (counting by user, then per user), as the engine does.</summary>
    [Benchmark]
    public int SortUserRangesByCounting() => SortRanges(_sorter);

    private int SortRanges(VisitSorter? sorter)
    {
        var kept = 0;
        foreach (var range in _ranges)
        {
            range.CopyTo(_scratch, 0);
            kept += Sessionization.SortAndDeduplicate(_scratch.AsSpan(0, range.Length), _vocabulary, sorter);
        }

        return kept;
    }

    /// <summary>Splits the sorted visits into sessions and closes them (docs/reference.md §3.4–3.5).</summary>
    [Benchmark]
    public int Split()
    {
        var sessions = 0;
        Sessionization.Split(_sorted.AsMemory(0, _kept), _vocabulary, SessionRules.Default, SampleData.Window, _ => sessions++);
        return sessions;
    }
}
