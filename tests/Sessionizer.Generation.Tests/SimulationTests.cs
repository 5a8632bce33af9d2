
namespace Sessionizer.Generation.Tests;

/// <summary>The simulated site and visits, as the issue describes the reference generator.</summary>
public sealed class SimulationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_site_has_653_pages()
    {
        Assert.Equal(653, Site.Pages.Count);
    }

    [Fact]
    public void Pages_come_from_the_site_and_each_follows_a_link_of_the_previous_one()
    {
        Generated.Write(_temp.Path, Generated.Settings(visits: 200) with { Anomalies = AnomalyRates.None });

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var events in Visits())
        {
            Assert.Null(events[0].Previous);
            for (var i = 1; i < events.Count; i++)
            {
                Assert.Equal(events[i - 1].Current, events[i].Previous);
                Assert.True(Site.Links(events[i].Previous!, events[i].Current), $"{events[i].Previous} -> {events[i].Current}");
            }

            seen.UnionWith(events.Select(e => e.Current));
        }

        Assert.Subset(Site.Pages, seen);
        Assert.True(seen.Count > 600, $"only {seen.Count} distinct pages");
    }

    [Fact]
    public void A_visit_lasts_at_most_600_s_with_1_to_10_s_between_events_and_one_user()
    {
        var settings = Generated.Settings(visits: 200) with { Anomalies = AnomalyRates.None };
        var result = Generated.Write(_temp.Path, settings);

        var visits = Visits();
        foreach (var events in visits)
        {
            Assert.Single(events.Select(e => e.UserId).Distinct());
            Assert.InRange(events[^1].TimeMs - events[0].TimeMs, 0, 600_000);
            for (var i = 1; i < events.Count; i++)
            {
                Assert.InRange(events[i].TimeMs - events[i - 1].TimeMs, 1_000, 10_000);
            }
        }

        // Visits end and are replaced: an hour holds many more visits than run at once.
        Assert.Equal(result.Counts.VisitsStarted, visits.Count);
        Assert.InRange(visits.Count, 6 * settings.Visits, 30 * settings.Visits);
        var durations = visits.Where(v => v[0].TimeMs > Generated.Start.StartMs + 20_000 && v[^1].TimeMs < Generated.Start.EndMs - 620_000)
            .Select(v => v[^1].TimeMs - v[0].TimeMs).ToList();
        Assert.InRange(durations.Min(), 100_000, 140_000);
        Assert.InRange(durations.Max(), 580_000, 600_000);
    }

    [Fact]
    public void A_logout_page_ends_its_visit()
    {
        var result = Generated.Write(_temp.Path, Generated.Settings(visits: 100) with { Anomalies = AnomalyRates.None, ClosingPageRate = 0.05 });

        var visits = Visits();
        var logouts = visits.Count(v => v[^1].Current == "logout");
        Assert.All(visits, v => Assert.DoesNotContain("logout", v.SkipLast(1).Select(e => e.Current)));
        Assert.All(visits, v => Assert.NotEqual("logout", v[0].Current));
        Assert.True(logouts > 100, $"{logouts} logouts");
        Assert.Equal(result.Counts.ClosingPages, logouts);
    }

    [Fact]
    public void Without_a_closing_page_rate_no_visit_logs_out()
    {
        Generated.Write(_temp.Path, Generated.Settings(visits: 100));

        Assert.DoesNotContain(Generated.Lines(_temp.Path), line => line.Text.Contains("\"logout\"", StringComparison.Ordinal));
    }

    /// <summary>The events of each visit in time order; with no damaged lines, every event of every visit.</summary>
    private List<List<VisitEvent>> Visits() =>
        [.. Generated.Lines(_temp.Path).Select(VisitEvent.Of).GroupBy(e => e.VisitId).Select(g => g.OrderBy(e => e.TimeMs).ToList())];
}
