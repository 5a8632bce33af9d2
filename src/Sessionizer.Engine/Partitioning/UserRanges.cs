namespace Sessionizer.Engine.Partitioning;

/// <summary>
/// Splits users into contiguous ranges of user ids of about equal numbers of visits, so each range
/// can be sessionized on its own, in parallel, and the ranges' outputs concatenated in order give
/// the outputs in user order. The boundaries come from a sample of the visits chosen by a hash of
/// (user, time), not by which thread read what, so they, and every output byte, are the same
/// however many threads run.
/// </summary>
internal sealed class UserRanges
{
    /// <summary>Visits per range the boundaries aim at: small enough to sort in cache-friendly pieces and bound memory in flight.</summary>
    public const long DefaultVisitsPerRange = 50_000;

    private const int MaxRanges = 256;

    private readonly long[] _upperBounds;

    private UserRanges(long[] upperBounds) => _upperBounds = upperBounds;

    public int Count => _upperBounds.Length + 1;

    /// <summary>Whether a visit belongs to the sample the boundaries are drawn from (about 1 in 256).</summary>
    public static bool IsSampled(long userId, long eventTimeMs)
    {
        var h = (ulong)userId * 0x9E3779B97F4A7C15UL ^ (ulong)eventTimeMs * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return (h >> 56) == 0;
    }

    public static UserRanges FromSample(List<long> sampledUserIds, long totalVisits, long visitsPerRange = DefaultVisitsPerRange)
    {
        var wanted = (int)Math.Clamp(totalVisits / visitsPerRange, 1, MaxRanges);
        if (wanted == 1 || sampledUserIds.Count < wanted)
        {
            return new UserRanges([]);
        }

        sampledUserIds.Sort();
        var bounds = new List<long>(wanted - 1);
        for (var i = 1; i < wanted; i++)
        {
            var bound = sampledUserIds[(int)((long)i * sampledUserIds.Count / wanted)];
            if (bounds.Count == 0 || bound > bounds[^1])
            {
                bounds.Add(bound);
            }
        }

        return new UserRanges([.. bounds]);
    }

    /// <summary>The range of a user: the number of upper bounds below it.</summary>
    public int RangeOf(long userId)
    {
        // A lower bound search, hand-written: Array.BinarySearch goes through a comparer, and this
        // runs once per visit.
        var bounds = _upperBounds;
        int first = 0, count = bounds.Length;
        while (count > 0)
        {
            var half = count >> 1;
            if (bounds[first + half] < userId)
            {
                first += half + 1;
                count -= half + 1;
            }
            else
            {
                count = half;
            }
        }

        return first;
    }
}
