using Sessionizer.Engine.Partitioning;

namespace Sessionizer.Engine.Tests;

public class UserRangesTests
{
    [Fact]
    public void A_user_belongs_to_the_range_of_the_first_bound_at_or_above_it()
    {
        // 1,000 sampled users 10, 20, ..., 10,000 cut into 10 ranges: bounds 1010, 2010, ..., 9010.
        var sample = Enumerable.Range(1, 1_000).Select(i => i * 10L).ToList();
        var ranges = UserRanges.FromSample(sample, totalVisits: 10 * 100, visitsPerRange: 100);
        var bounds = Enumerable.Range(1, 9).Select(i => sample[i * 100]).ToArray();

        Assert.Equal(10, ranges.Count);
        for (var user = 1L; user <= 10_100; user++)
        {
            Assert.Equal(bounds.Count(b => b < user), ranges.RangeOf(user));
        }

        Assert.Equal(0, ranges.RangeOf(1010));
        Assert.Equal(1, ranges.RangeOf(1011));
        Assert.Equal(9, ranges.RangeOf(long.MaxValue));
    }

    [Theory]
    [InlineData(1L, 1_000_000L)] // ids spread evenly: about one bound per bucket
    [InlineData(1L, 300L)] // many bounds per id
    [InlineData(1_000_000_000_000L, 1_000_000_000_500L)] // all bounds crowded in one bucket
    [InlineData(long.MaxValue - 100_000, long.MaxValue)] // the largest ids
    public void Every_user_finds_its_range_wherever_the_bounds_lie(long lowest, long highest)
    {
        var random = new Random(7);
        var sample = Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(lowest, highest)).ToList();
        if (lowest > 1)
        {
            sample.Add(1); // one small user: the buckets span from 0 to the crowd
        }

        var ranges = UserRanges.FromSample(sample, totalVisits: 200 * 100, visitsPerRange: 100);
        var bounds = ReferenceBounds(sample, wanted: 200);

        Assert.Equal(bounds.Length + 1, ranges.Count);
        var probes = sample.Concat(bounds).Concat(bounds.Select(b => b - 1)).Concat(bounds.Where(b => b < long.MaxValue).Select(b => b + 1))
            .Concat([0L, -5L, long.MinValue, long.MaxValue, lowest, highest]);
        foreach (var user in probes)
        {
            Assert.Equal(bounds.Count(b => b < user), ranges.RangeOf(user));
        }
    }

    /// <summary>The bounds FromSample draws, written again the obvious way.</summary>
    private static long[] ReferenceBounds(List<long> sample, int wanted)
    {
        var sorted = sample.Order().ToList();
        return Enumerable.Range(1, wanted - 1).Select(i => sorted[(int)((long)i * sorted.Count / wanted)]).Distinct().ToArray();
    }

    [Fact]
    public void One_range_holds_every_user()
    {
        var ranges = UserRanges.FromSample([5, 6, 7], totalVisits: 10);

        Assert.Equal(1, ranges.Count);
        Assert.Equal(0, ranges.RangeOf(1));
        Assert.Equal(0, ranges.RangeOf(long.MaxValue));
    }
}
