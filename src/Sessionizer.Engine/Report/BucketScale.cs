namespace Sessionizer.Engine.Report;

/// <summary>
/// Fixed buckets on a log scale (steps of 1, 2, 5), so a distribution takes the same small memory
/// whatever the number of sessions, and reads alike from window to window: bucket i holds the
/// values v with <c>Bounds[i-1] &lt;= v &lt; Bounds[i]</c>, the last one the values from the last bound up.
/// </summary>
internal sealed class BucketScale
{
    private readonly long[] _bounds;

    private BucketScale(string unit, long[] bounds, string[] labels)
    {
        if (labels.Length != bounds.Length + 1)
        {
            throw new ArgumentException("A scale has one label more than bounds.", nameof(labels));
        }

        Unit = unit;
        _bounds = bounds;
        Labels = labels;
    }

    /// <summary>Session durations (<c>duration_ms</c>): 0 (one event, or events at one instant) apart, then 1-2-5 steps from 1 s to 1 d.</summary>
    public static BucketScale Durations { get; } = new("duration",
        [1, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 1_800_000,
            3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000],
        ["0 s", "< 1 s", "1-2 s", "2-5 s", "5-10 s", "10-20 s", "20-30 s", "30 s-1 min", "1-2 min", "2-5 min", "5-10 min", "10-20 min",
            "20-30 min", "30 min-1 h", "1-2 h", "2-6 h", "6-12 h", "12 h-1 d", ">= 1 d"]);

    /// <summary>Events per session (<c>event_count</c>), from 1 in 1-2-5 steps to 10,000 and more.</summary>
    public static BucketScale EventCounts { get; } = new("events",
        [2, 3, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000],
        ["1", "2", "3-4", "5-9", "10-19", "20-49", "50-99", "100-199", "200-499", "500-999", "1,000-1,999", "2,000-4,999",
            "5,000-9,999", ">= 10,000"]);

    /// <summary>What is counted, for titles: "duration", "events".</summary>
    public string Unit { get; }

    /// <summary>The upper bounds (exclusive) of every bucket but the last, increasing.</summary>
    public IReadOnlyList<long> Bounds => _bounds;

    /// <summary>One label per bucket.</summary>
    public IReadOnlyList<string> Labels { get; }

    public int Count => Labels.Count;

    /// <summary>The bucket of <paramref name="value"/>; values below the first bound (negative ones included) go to the first.</summary>
    public int BucketOf(long value)
    {
        var i = 0;
        while (i < _bounds.Length && value >= _bounds[i])
        {
            i++;
        }

        return i;
    }
}
