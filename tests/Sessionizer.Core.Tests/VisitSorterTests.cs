using Sessionizer.Core.Sessions;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>The counting sort must give exactly the comparison sort's order, whatever the users and ties.</summary>
public class VisitSorterTests
{
    private static readonly string[] Pages = ["home", "category 1", "category 2", "article 7", "my-account"];

    private static readonly VisitMetadata[] Metadata =
        [VisitMetadata.None, TestData.Firefox, new VisitMetadata("mysite.com", "v1", "Chrome", "fr")];

    [Theory]
    [InlineData(5_000, 1, 300)] // dense users: the counting path
    [InlineData(5_000, 1_000_000, 1_000_300)] // dense, far from zero
    [InlineData(5_000, 1, 10_000_000)] // sparse: the comparison path
    [InlineData(500, 1, 50)] // few visits: the comparison path
    [InlineData(20_000, 1, 3)] // three users, many ties
    public void Sorting_gives_the_comparison_sorts_order(int count, long firstUser, long lastUser)
    {
        var random = new Random(count + (int)lastUser);
        var visits = new Visit[count];
        for (var i = 0; i < count; i++)
        {
            var user = random.NextInt64(firstUser, lastUser + 1);
            var time = 1_548_671_205_000 + random.Next(0, 3_600) * 1000L + (random.Next(4) == 0 ? 0 : random.Next(1000));
            visits[i] = new Visit(user, time, Pages[random.Next(Pages.Length)], Metadata[random.Next(Metadata.Length)])
            {
                FromState = random.Next(10) == 0,
            };
        }

        // Some exact copies: duplicates must end up side by side as in the comparison sort.
        for (var i = 0; i < count / 20; i++)
        {
            visits[random.Next(count)] = visits[random.Next(count)];
        }

        var expected = visits.ToArray();
        expected.AsSpan().Sort();
        var sorter = new VisitSorter();

        sorter.Sort(visits);

        Assert.Equal(expected, visits);
        Assert.Equal(SessionGenerator.SortAndDeduplicate(expected.ToArray()), SessionGenerator.SortAndDeduplicate(visits, sorter));
    }

    [Fact]
    public void A_sorter_can_be_reused_for_ranges_of_other_sizes()
    {
        var sorter = new VisitSorter();
        foreach (var count in new[] { 30_000, 2_000, 60_000 })
        {
            var visits = Enumerable.Range(0, count).Select(i => new Visit(1 + (i * 7919 % 997), 1_548_671_205_000 - i, "home", VisitMetadata.None)).ToArray();
            var expected = visits.ToArray();
            expected.AsSpan().Sort();

            sorter.Sort(visits);

            Assert.Equal(expected, visits);
        }
    }
}
