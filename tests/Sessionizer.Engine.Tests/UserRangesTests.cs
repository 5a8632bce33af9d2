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

    [Fact]
    public void One_range_holds_every_user()
    {
        var ranges = UserRanges.FromSample([5, 6, 7], totalVisits: 10);

        Assert.Equal(1, ranges.Count);
        Assert.Equal(0, ranges.RangeOf(1));
        Assert.Equal(0, ranges.RangeOf(long.MaxValue));
    }
}
