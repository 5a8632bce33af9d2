namespace Sessionizer.Engine.Report;

/// <summary>Counts of values in the buckets of a <see cref="BucketScale"/>, with their sum and maximum.</summary>
internal sealed class Histogram(BucketScale scale)
{
    private readonly long[] _counts = new long[scale.Count];

    public BucketScale Scale { get; } = scale;

    public IReadOnlyList<long> Counts => _counts;

    /// <summary>How many values were added.</summary>
    public long Total { get; private set; }

    public long Sum { get; private set; }

    /// <summary>The largest value added; 0 when none.</summary>
    public long Max { get; private set; }

    public double Mean => Total == 0 ? 0 : (double)Sum / Total;

    public void Add(long value)
    {
        _counts[Scale.BucketOf(value)]++;
        Total++;
        Sum += value;
        Max = Math.Max(Max, value);
    }

    public void Merge(Histogram other)
    {
        if (other.Scale != Scale)
        {
            throw new ArgumentException("Histograms of different scales do not merge.", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Total += other.Total;
        Sum += other.Sum;
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>The label of the bucket that holds the median value (the value ranked ceil(Total/2)); null when empty.</summary>
    public string? MedianBucket
    {
        get
        {
            var rank = (Total + 1) / 2;
            long seen = 0;
            for (var i = 0; i < _counts.Length && Total > 0; i++)
            {
                seen += _counts[i];
                if (seen >= rank)
                {
                    return Scale.Labels[i];
                }
            }

            return null;
        }
    }
}
