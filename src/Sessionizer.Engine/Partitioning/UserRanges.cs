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

    // Buckets of the id space for RangeOf: a power of two of ids each, at most this many buckets.
    private const int MaxBuckets = 4096;

    private readonly long[] _upperBounds;

    // _firstBound[k]: the first bound at or above bucket k's first id (k << _bucketShift).
    private readonly int[] _firstBound;
    private readonly int _bucketShift;

    private UserRanges(long[] upperBounds)
    {
        _upperBounds = upperBounds;
        var last = upperBounds.Length == 0 ? 0 : Math.Max(upperBounds[^1], 0);
        while ((last >> _bucketShift) >= MaxBuckets)
        {
            _bucketShift++;
        }

        _firstBound = new int[(last >> _bucketShift) + 1];
        var bound = 0;
        for (var k = 0; k < _firstBound.Length; k++)
        {
            while (bound < upperBounds.Length && upperBounds[bound] < (long)k << _bucketShift)
            {
                bound++;
            }

            _firstBound[k] = bound;
        }
    }

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
    /// <remarks>
    /// Runs once per visit, users in random order: a binary search over the bounds mispredicts at
    /// every step (29 ns), so the user's bucket of ids gives the first bound to look at, and the
    /// bounds inside the bucket, usually none or one, are passed one by one (1.4 ns).
    /// </remarks>
    public int RangeOf(long userId)
    {
        var bounds = _upperBounds;
        var bucket = userId >> _bucketShift;
        var starts = _firstBound;
        int first, end;
        if ((ulong)bucket < (ulong)starts.Length)
        {
            first = starts[bucket];
            end = bucket + 1 < starts.Length ? starts[bucket + 1] : bounds.Length;
        }
        else
        {
            // Past the last bucket every bound is below the user; a negative id (never a valid
            // user) is below them all.
            first = bucket < 0 ? 0 : bounds.Length;
            end = bounds.Length;
        }

        if (end - first > 8)
        {
            // Users crowded in a few ids: many bounds in one bucket.
            var i = Array.BinarySearch(bounds, first, end - first, userId);
            return i >= 0 ? i : ~i;
        }

        while (first < bounds.Length && bounds[first] < userId)
        {
            first++;
        }

        return first;
    }
}
