using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Report;

namespace Sessionizer.Engine.Tests.Report;

/// <summary>
/// A page shows at most <see cref="ReportBuilder.MaxWindows"/> hours (docs/reference.md §6.10): with
/// no range given, the last ones up to the last committed window, and the page says so; a range
/// given that holds more is refused, saying what to give.
/// </summary>
public sealed class ReportRangeTests : IDisposable
{
    private static readonly Window First = Window.Parse("2019-01-28T10");

    /// <summary>The first hour of the last 10,000 up to <see cref="Last"/>.</summary>
    private static readonly Window Second = First.Next;

    /// <summary>10,001 hours from <see cref="First"/>, both included.</summary>
    private static readonly Window Last = Hours(First, 10_000);

    private readonly HandMadeOutputs _outputs = new();

    public ReportRangeTests()
    {
        foreach (var window in new[] { First, Second, Last })
        {
            _outputs.Commit(window, [HandMadeOutputs.Closed(1, 0, 1, "a", "a", null, null, window)]);
        }
    }

    public void Dispose() => _outputs.Dispose();

    private static Window Hours(Window window, int hours) => Window.FromStart(window.Start.AddHours(hours));

    private RangeReport Build(Window? from = null, Window? to = null) =>
        ReportBuilder.Build(new OutputLayout(_outputs.Root), new ReportSettings { From = from, To = to, Parallelism = 2 });

    [Fact]
    public void With_no_range_given_committed_windows_more_than_10000_hours_apart_give_the_last_10000_hours_and_the_page_says_so()
    {
        var report = Build();
        var page = ReportPage.Render(report);

        Assert.Equal(ReportBuilder.MaxWindows, report.Windows.Count);
        Assert.Equal(Second, report.Windows[0].Window);
        Assert.Equal(Last, report.Windows[^1].Window);
        Assert.Equal(WindowState.Committed, report.Windows[0].State);
        Assert.Equal(WindowState.Gap, report.Windows[1].State);
        Assert.Equal(new RangeCut(First, 10_001, 1), report.Cut);
        Assert.Contains(
            "<p class=\"cut\" id=\"range-cut\">Only the last 10,000 hours are shown, up to the last committed window: the committed windows go from 2019-01-28T10 to 2020-03-20T02, 10,001 hours, more than one page shows, and the 1 before 2019-01-28T11 are not on this page.",
            page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-window=\"2019-01-28T10\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_windows_10000_hours_apart_are_all_on_the_page_without_a_note()
    {
        File.Delete(Path.Combine(_outputs.Root, "manifests", $"{First}.json"));

        var report = Build();

        Assert.Equal(ReportBuilder.MaxWindows, report.Windows.Count);
        Assert.Equal(Second, report.Windows[0].Window);
        Assert.Null(report.Cut);
        Assert.DoesNotContain("range-cut", ReportPage.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_given_of_10000_hours_is_shown_whole()
    {
        var report = Build(First, Hours(First, 9_999));

        Assert.Equal(ReportBuilder.MaxWindows, report.Windows.Count);
        Assert.Equal(First, report.Windows[0].Window);
        Assert.Null(report.Cut);
        Assert.Equal(ReportBuilder.MaxWindows, Build(Second, Last).Windows.Count);
    }

    [Fact]
    public void A_range_given_of_10001_hours_is_refused_with_ranges_that_fit()
    {
        var e = Assert.Throws<ReportRangeException>(() => Build(First, Last));

        Assert.Equal(
            "--from 2019-01-28T10 --to 2020-03-20T02 is 10,001 hours, more than 10,000, the most one page shows (a row per hour): give a shorter range, e.g. --from 2019-01-28T10 --to 2020-03-20T01, or --from 2019-01-28T11 --to 2020-03-20T02.",
            e.Message);
    }

    [Fact]
    public void One_end_given_with_the_committed_windows_more_than_10000_hours_away_is_refused_naming_the_other_end_to_give()
    {
        var from = Assert.Throws<ReportRangeException>(() => Build(from: First));
        var to = Assert.Throws<ReportRangeException>(() => Build(to: Last));

        Assert.Equal(
            "--from 2019-01-28T10 to the last committed window, 2020-03-20T02, is 10,001 hours, more than 10,000, the most one page shows (a row per hour): give --to as well, 2020-03-20T01 at the latest.",
            from.Message);
        Assert.Equal(
            "The first committed window, 2019-01-28T10, to --to 2020-03-20T02 is 10,001 hours, more than 10,000, the most one page shows (a row per hour): give --from as well, 2019-01-28T11 at the earliest.",
            to.Message);
        Assert.Equal(ReportBuilder.MaxWindows, Build(from: Second).Windows.Count);
    }
}
