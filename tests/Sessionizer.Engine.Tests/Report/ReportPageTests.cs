using System.Text.RegularExpressions;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Report;

namespace Sessionizer.Engine.Tests.Report;

/// <summary>The report page: lineage states, what needs a look, and strings from data escaped everywhere.</summary>
public sealed partial class ReportPageTests
{
    private static readonly Window W10 = Sandbox.W;
    private static readonly Window W11 = Sandbox.W.Next;
    private static readonly Window W12 = Sandbox.W.Next.Next;

    private static RangeReport Build(string outputRoot, Window? from = null, Window? to = null) =>
        ReportBuilder.Build(new OutputLayout(outputRoot), new ReportSettings { From = from, To = to, Parallelism = 2 });

    private static string Visit(long user, Window window, int minute, string page) =>
        $"{{\"user_id\":{user},\"event_time\":\"{window.Start.AddMinutes(minute):yyyy-MM-dd'T'HH:mm:ss'Z'}\",\"page\":{{\"current\":\"{page}\"}}}}";

    [Fact]
    public void Each_window_has_the_lineage_state_status_gives_it()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(W10, "a.json", Visit(1, W10, 58, "index"));
        sandbox.Input(W11, "a.json", Visit(1, W11, 1, "about"), Visit(1, W11, 58, "about"));
        sandbox.Input(W12, "a.json", Visit(1, W12, 1, "index"));
        sandbox.Run(W10);
        sandbox.Run(W11, sandbox.Settings with { NoPreviousState = false });
        sandbox.Run(W12, sandbox.Settings with { NoPreviousState = false });
        sandbox.Input(W12, "late.json", Visit(2, W12, 30, "late"));

        var changed = Build(sandbox.OutputRoot);

        Assert.Equal([WindowState.Committed, WindowState.Committed, WindowState.InputChanged], changed.Windows.Select(w => w.State));
        Assert.Contains("2019/01/28/12/late.json (new", ReportPage.Render(changed), StringComparison.Ordinal);

        sandbox.Input(W10, "b.json", Visit(1, W10, 59, "my-account"));
        sandbox.Run(W10);
        var stale = Build(sandbox.OutputRoot);
        var page = ReportPage.Render(stale);

        Assert.Equal([WindowState.Committed, WindowState.Stale, WindowState.StaleUpstream], stale.Windows.Select(w => w.State));
        Assert.Contains("data-window=\"2019-01-28T11\" data-status=\"stale\"", page, StringComparison.Ordinal);
        Assert.Contains("data-window=\"2019-01-28T12\" data-status=\"stale-upstream\"", page, StringComparison.Ordinal);
        Assert.Contains("window 2019-01-28T10 was rerun since and its active sessions changed", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_from_data_are_escaped_everywhere_on_the_page()
    {
        using var sandbox = new Sandbox();
        const string closing = "<img src=x onerror=alert(1)>";
        var inputRoot = Path.Combine(sandbox.Root, "in <i>\"'&");
        ReportReadingTests.WriteVaried(sandbox, 2_000);
        Directory.Move(sandbox.InputRoot, inputRoot);
        sandbox.Run(sandbox.Settings with
        {
            InputRoot = inputRoot,
            Rules = new SessionRules(SessionRules.DefaultInactivityTimeout, SessionRules.DefaultMaxSessionDuration, [closing]),
        });

        var page = ReportPage.Render(Build(sandbox.OutputRoot));

        Assert.Equal(1, Regex.Count(page, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
        Assert.Contains("in &lt;i&gt;&quot;&#39;&amp;", page, StringComparison.Ordinal);
        Assert.Contains("new\\nline", page, StringComparison.Ordinal);
        Assert.Contains("\\u0001control", page, StringComparison.Ordinal);

        // Every tag on the page is one the page writes; data never opens one.
        var tags = TagPattern().Matches(page).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        Assert.Subset(PageTags, tags);
        Assert.DoesNotContain('\0', page);
    }

    private static readonly HashSet<string> PageTags =
    [
        "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "p", "span", "code", "section", "ul", "li",
        "a", "div", "table", "thead", "tbody", "tr", "th", "td", "b", "i", "em", "figure", "figcaption", "svg", "line", "text",
        "rect", "details", "summary", "pre", "script", "bdi",
    ];

    [GeneratedRegex("</?([a-zA-Z][a-zA-Z0-9-]*)")]
    private static partial Regex TagPattern();

    [Fact]
    public void Parameters_that_differ_a_spike_of_rejected_lines_and_gaps_need_a_look()
    {
        using var outputs = new HandMadeOutputs();
        var first = Window.Parse("2026-11-20T10");
        for (var i = 0; i < 6; i++)
        {
            var w = Window.FromStart(first.Start.AddHours(i));
            if (i == 4)
            {
                continue; // a gap
            }

            // Each window reads its predecessor's state, but the first and the one after the gap.
            outputs.Commit(w, [HandMadeOutputs.Closed(1, 0, 1, "a", "a", null, null, w)], m => (i is 0 or 5 ? m : HandMadeOutputs.Chained(m)) switch
            {
                var c when i == 2 => c with { Parameters = c.Parameters with { InactivityTimeout = "10m" } },
                var c when i == 3 => c with { Counts = c.Counts with { Rejected = 100, ValidEvents = 900, RejectedByReason = new Dictionary<string, long> { ["malformed_json"] = 100 } } },
                var c => c,
            });
        }

        var report = ReportBuilder.Build(new OutputLayout(outputs.Root), new ReportSettings());
        var page = ReportPage.Render(report);
        var attention = page[page.IndexOf("<ul class=\"attention\">", StringComparison.Ordinal)..page.IndexOf("</ul>", StringComparison.Ordinal)];

        Assert.Contains("2026-11-20T14: missing between committed windows", attention, StringComparison.Ordinal);
        Assert.Contains("rejected spike</span> <a href=\"#w-2026-11-20T13\">2026-11-20T13</a>: 100 lines rejected, 10.00 % of its input (median of the range 1.00 %)", attention, StringComparison.Ordinal);
        Assert.Contains("inactivity_timeout is <b><bdi>10m</bdi></b> in <a href=\"#w-2026-11-20T12\">2026-11-20T12</a> (<bdi>5m</bdi> in 4 windows)", attention, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(attention, "<li>"));
        Assert.Contains("class=\"differs\">⚑ <bdi>10m</bdi>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_of_committed_and_current_windows_says_so_and_numbers_every_window()
    {
        using var outputs = new HandMadeOutputs();
        outputs.Commit(Window.Parse("2026-11-20T10"), [HandMadeOutputs.Closed(1, 0, 1, "a", "a", null, null)]);

        var page = ReportPage.Render(ReportBuilder.Build(new OutputLayout(outputs.Root), new ReportSettings()));

        Assert.Contains("All 1 windows committed and current", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-field=\"valid_events\">990</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-field=\"rejected\">10</td>", page, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(page, "<svg class=\"chart time\""));

        // Self-contained: no address outside the page (links are to its own windows), no import.
        Assert.DoesNotMatch("src=|href=\"[^#]|url\\(|@import|https?:", page);
    }

    [Fact]
    public void An_empty_output_root_gives_a_page_that_says_so()
    {
        using var outputs = new HandMadeOutputs();

        var page = ReportPage.Render(ReportBuilder.Build(new OutputLayout(outputs.Root), new ReportSettings()));

        Assert.Contains("No committed windows in this output root.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
    }
}
