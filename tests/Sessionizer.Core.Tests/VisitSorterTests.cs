using Sessionizer.Core.Sessions;
using Sessionizer.Core.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>
/// The counting sort, and the order's own sort, must give exactly the order the rules state (checked
/// against a comparison written from docs/reference.md §3.2–3.3 over the visits' values), whatever the
/// users and ties.
/// </summary>
public class VisitSorterTests : VocabularyTests
{
    private static readonly string[] PageNames = ["home", "category 1", "category 2", "article 7", "my-account"];

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
            visits[i] = Vocabulary.Visit(user, time, PageNames[random.Next(PageNames.Length)], Metadata[random.Next(Metadata.Length)],
                fromState: random.Next(10) == 0);
        }

        // Some exact copies: duplicates must end up side by side as in the comparison sort.
        for (var i = 0; i < count / 20; i++)
        {
            visits[random.Next(count)] = visits[random.Next(count)];
        }

        var expected = visits.ToArray();
        expected.AsSpan().Sort(RulesOrder);
        var bySorter = visits.ToArray();
        var byOrder = visits.ToArray();

        new VisitSorter().Sort(bySorter, Vocabulary.Order);
        Vocabulary.Order.Sort(byOrder);

        Assert.Equal(expected, bySorter);
        Assert.Equal(expected, byOrder);
        Assert.Equal(Sessionization.SortAndDeduplicate(expected.ToArray(), Vocabulary), Sessionization.SortAndDeduplicate(visits, Vocabulary, new VisitSorter()));
    }

    [Fact]
    public void A_sorter_can_be_reused_for_ranges_of_other_sizes()
    {
        var sorter = new VisitSorter();
        foreach (var count in new[] { 30_000, 2_000, 60_000 })
        {
            var visits = Enumerable.Range(0, count).Select(i => Vocabulary.Visit(1 + (i * 7919 % 997), 1_548_671_205_000 - i, "home", VisitMetadata.None)).ToArray();
            var expected = visits.ToArray();
            expected.AsSpan().Sort(RulesOrder);

            sorter.Sort(visits, Vocabulary.Order);

            Assert.Equal(expected, visits);
        }
    }

    /// <summary>User, event time, page by code point, a page of the state before a new event, then metadata field by field, null first.</summary>
    private int RulesOrder(Visit a, Visit b)
    {
        var c = a.UserId.CompareTo(b.UserId);
        c = c != 0 ? c : a.EventTimeMs.CompareTo(b.EventTimeMs);
        c = c != 0 ? c : CodePointOrder.Compare(PageOf(a), PageOf(b));
        c = c != 0 ? c : b.FromState.CompareTo(a.FromState);
        if (c != 0)
        {
            return c;
        }

        var (x, y) = (MetadataOf(a), MetadataOf(b));
        c = CodePointOrder.Compare(x.Site, y.Site);
        c = c != 0 ? c : CodePointOrder.Compare(x.ApiVersion, y.ApiVersion);
        c = c != 0 ? c : CodePointOrder.Compare(x.Browser, y.Browser);
        return c != 0 ? c : CodePointOrder.Compare(x.Language, y.Language);
    }
}
