using System.Globalization;
using System.Text;

namespace Sessionizer.Engine.Report;

/// <summary>
/// Writes the report as one self-contained HTML page: inline CSS, inline SVG charts and HTML bar
/// tables, and one small script (it opens the window a link points to, and fills the hidden
/// <c>#selftest</c> element with the size of every chart, which the browser test reads). No
/// external resource. Every string from data is escaped (<see cref="Html.Text"/>); every chart has
/// its numbers beside it.
/// </summary>
public static class ReportPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Rejection reasons in the order of docs/reference.md §2.4, and their colours.</summary>
    private static readonly (string Reason, string Color)[] Reasons =
    [
        ("line_too_long", "#6b4c9a"), ("malformed_json", "#d1495b"), ("not_an_object", "#8c564b"), ("missing_user_id", "#edae49"),
        ("invalid_user_id", "#c77c02"), ("missing_event_time", "#00798c"), ("invalid_event_time", "#30638e"),
        ("missing_page", "#66a182"), ("invalid_page", "#2e4057"),
    ];

    private static readonly (string Reason, string Color)[] EndReasons =
        [("inactivity", "#3a6ea5"), ("closing_action", "#66a182"), ("max_duration", "#edae49")];

    private const string Valid = "#3a6ea5";
    private const string Active = "#7fa7cf";

    public static string Render(RangeReport report)
    {
        var sb = new StringBuilder(64 * 1024);
        var slots = TimeChart.Slots(report.Windows);
        var spikes = Spikes(report);
        var differences = ParameterTable.Differences(report);

        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append(Invariant, $"<title>Sessionizer report: {Html.Text(RangeText(report))}</title>\n");
        sb.Append("<style>").Append(PageStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n");

        Header(sb, report);
        Attention(sb, report, spikes, differences);
        Summary(sb, report);
        OverTime(sb, report, slots, spikes);
        WindowsTable(sb, report, spikes);
        Sessions(sb, report);
        ParameterTable.Write(sb, report);
        PerWindow(sb, report);

        sb.Append("<pre id=\"selftest\" hidden></pre>\n");
        sb.Append("</main>\n<script>").Append(PageStyle.Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string RangeText(RangeReport report) => report.Windows.Count switch
    {
        0 => "no windows",
        1 => report.Windows[0].Window.ToString(),
        _ => $"{report.Windows[0].Window} to {report.Windows[^1].Window}",
    };

    private static void Header(StringBuilder sb, RangeReport report)
    {
        sb.Append("<header>\n<h1>Sessionizer report</h1>\n");
        sb.Append(Invariant, $"<p class=\"sub\"><span class=\"range\">{Html.Text(RangeText(report))}</span>");
        if (report.Windows.Count > 1)
        {
            sb.Append(Invariant, $" ({report.Windows.Count} windows)");
        }

        sb.Append(Invariant, $" · output root <code>{Html.Text(report.OutputRoot)}</code> · generated {report.Generated:yyyy-MM-dd HH:mm} UTC by sessionizer {Html.Text(report.Version)}</p>\n");
        if (report.Cut is { } cut)
        {
            // No range was given and the committed windows span more hours than a page shows (ReportBuilder.MaxWindows).
            sb.Append(Invariant, $"<p class=\"cut\" id=\"range-cut\">Only the last {report.Windows.Count:N0} hours are shown, up to the last committed window: the committed windows go from {cut.FirstCommitted} to {report.Windows[^1].Window}, {cut.Hours:N0} hours, more than one page shows, and the {cut.WindowsLeftOut:N0} before {report.Windows[0].Window} are not on this page. Give <code>--from</code> and <code>--to</code> for another range.</p>\n");
        }

        sb.Append("</header>\n");
    }

    /// <summary>Windows whose share of rejected lines is more than 3 times the range's median share (and at least 0.1 %): spikes.</summary>
    internal static HashSet<WindowReport> Spikes(RangeReport report)
    {
        var shares = report.WithManifest.Where(w => w.Manifest!.Counts.InputLines > 0)
            .Select(w => (Window: w, Share: (double)w.Manifest!.Counts.Rejected / w.Manifest.Counts.InputLines)).ToList();
        if (shares.Count < 3)
        {
            return [];
        }

        var sorted = shares.Select(s => s.Share).Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return shares.Where(s => s.Share > 3 * median && s.Share >= 0.001).Select(s => s.Window).ToHashSet();
    }

    private static double MedianShare(RangeReport report)
    {
        var sorted = report.WithManifest.Where(w => w.Manifest!.Counts.InputLines > 0)
            .Select(w => (double)w.Manifest!.Counts.Rejected / w.Manifest.Counts.InputLines).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Attention(StringBuilder sb, RangeReport report, HashSet<WindowReport> spikes, IReadOnlyList<string> differences)
    {
        var items = new List<string>();
        foreach (var group in report.Windows.Where(w => w.State is not (WindowState.Committed or WindowState.Gap or WindowState.NotCommitted)).GroupBy(w => w.State))
        {
            items.Add($"{Badge(group.Key)} {string.Join("; ", group.Select(w => $"{Link(w)}: {Html.Text(Why(w))}"))}");
        }

        foreach (var run in MissingRuns(report))
        {
            items.Add($"{Badge(run.First.State)} {Html.Text(run.Text)}");
        }

        foreach (var w in report.Windows.Where(w => w.Problems.Count > 0))
        {
            items.Add($"<span class=\"badge problem\">closed sessions</span> {Link(w)}: {Html.Text(string.Join("; ", w.Problems))}");
        }

        var median = MedianShare(report);
        foreach (var w in report.Windows.Where(spikes.Contains))
        {
            var c = w.Manifest!.Counts;
            items.Add($"<span class=\"badge spike\">rejected spike</span> {Link(w)}: {Html.Number(c.Rejected)} lines rejected, {Html.Percent(c.Rejected, c.InputLines)} of its input (median of the range {(median * 100).ToString("0.00", Invariant)} %)");
        }

        items.AddRange(differences.Select(d => $"<span class=\"badge differs\">parameters</span> {d}"));

        sb.Append("<section id=\"attention\">\n");
        if (report.Windows.Count == 0)
        {
            sb.Append("<p class=\"empty\">No committed windows in this output root");
            sb.Append(report.From is null && report.To is null ? "" : " for this range").Append(".</p>\n");
        }
        else if (items.Count == 0)
        {
            sb.Append(Invariant, $"<p class=\"ok\">All {report.Windows.Count} windows committed and current; one set of parameters; no spike of rejected lines.</p>\n");
        }
        else
        {
            sb.Append("<h2>Needs a look</h2>\n<ul class=\"attention\">\n");
            foreach (var item in items)
            {
                sb.Append("<li>").Append(item).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        if (report.UncheckedInputRoots.Count > 0)
        {
            sb.Append(Invariant, $"<p class=\"note\">Input not checked for late data: the input root recorded by the manifests ({Html.Text(string.Join(", ", report.UncheckedInputRoots))}) is not reachable from here, so <em>input-changed</em> cannot be seen.</p>\n");
        }

        sb.Append("</section>\n");
    }

    private static string Why(WindowReport w) =>
        w.State == WindowState.InputChanged ? $"input changed since its commit: {string.Join(", ", w.InputChanges!)}" : w.Reason ?? w.State.Label();

    /// <summary>Runs of consecutive windows without a manifest, for the attention list.</summary>
    private static IEnumerable<(WindowReport First, string Text)> MissingRuns(RangeReport report)
    {
        var windows = report.Windows;
        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].State is not (WindowState.Gap or WindowState.NotCommitted))
            {
                continue;
            }

            var j = i;
            while (j + 1 < windows.Count && windows[j + 1].State == windows[i].State)
            {
                j++;
            }

            var what = windows[i].State == WindowState.Gap ? "missing between committed windows" : "not committed";
            yield return (windows[i], i == j ? $"{windows[i].Window}: {what}" : $"{windows[i].Window} to {windows[j].Window} ({j - i + 1} windows): {what}");
            i = j;
        }
    }

    internal static string Badge(WindowState state) =>
        $"<span class=\"badge {state.Label().Replace(' ', '-')}\">{state.Label()}</span>";

    private static string Link(WindowReport w) => $"<a href=\"#w-{w.Window}\">{w.Window}</a>";

    private static void Summary(StringBuilder sb, RangeReport report)
    {
        var counts = report.WithManifest.Select(w => w.Manifest!.Counts).ToList();
        var committed = report.Windows.Count(w => w.Manifest is not null);
        var current = report.Windows.Count(w => w.State == WindowState.Committed);
        long input = counts.Total(c => c.InputLines), valid = counts.Total(c => c.ValidEvents), rejected = counts.Total(c => c.Rejected);
        var last = report.WithManifest.LastOrDefault();
        sb.Append("<section id=\"summary\" class=\"cards\">\n");
        Card(sb, "windows", "Windows with a manifest", $"{committed} of {report.Windows.Count}", $"{current} current");
        Card(sb, "valid_events", "Valid events", Html.Number(valid), $"{Html.Number(input)} input lines");
        Card(sb, "rejected", "Rejected lines", Html.Number(rejected), $"{Html.Percent(rejected, input)} of input lines");
        Card(sb, "closed_sessions", "Sessions closed", Html.Number(counts.Total(c => c.ClosedSessions)), $"{Html.Number(counts.Total(c => c.Duplicates))} duplicate events removed");
        Card(sb, "active_sessions", "Sessions active at the end", last is null ? "–" : Html.Number(last.Manifest!.Counts.ActiveSessions),
            last is null ? "" : $"after {last.Window}");
        sb.Append("</section>\n");
    }

    private static void Card(StringBuilder sb, string field, string title, string value, string note) =>
        sb.Append(Invariant, $"<div class=\"card\" data-total=\"{field}\"><div class=\"title\">{title}</div><div class=\"value\">{value}</div><div class=\"note\">{Html.Text(note)}</div></div>\n");

    private static void WindowsTable(StringBuilder sb, RangeReport report, HashSet<WindowReport> spikes)
    {
        sb.Append("<section id=\"windows\">\n<h2>Windows</h2>\n<div class=\"scroll\"><table class=\"windows\">\n<thead><tr><th>window</th><th>status</th>");
        sb.Append("<th class=\"num\">input lines</th><th class=\"num\">valid events</th><th class=\"num\">rejected</th><th class=\"num\">rejected %</th>");
        sb.Append("<th class=\"num\">duplicates</th><th class=\"num\">sessions closed</th><th class=\"num\">active at end</th><th>finished (UTC)</th><th>engine</th></tr></thead>\n<tbody>\n");
        foreach (var w in report.Windows)
        {
            sb.Append(Invariant, $"<tr data-window=\"{w.Window}\" data-status=\"{w.State.Label()}\"><td><a href=\"#w-{w.Window}\">{w.Window}</a></td><td>{Badge(w.State)}</td>");
            if (w.Manifest is { } m)
            {
                var c = m.Counts;
                var spike = spikes.Contains(w) ? " spike" : "";
                Cell(sb, "input_lines", c.InputLines);
                Cell(sb, "valid_events", c.ValidEvents);
                Cell(sb, "rejected", c.Rejected, spike);
                sb.Append(Invariant, $"<td class=\"num{spike}\">{Html.Percent(c.Rejected, c.InputLines)}</td>");
                Cell(sb, "duplicates", c.Duplicates);
                Cell(sb, "closed_sessions", c.ClosedSessions);
                Cell(sb, "active_sessions", c.ActiveSessions);
                sb.Append(Invariant, $"<td>{m.Finished.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{Html.Text(m.Engine)}</td></tr>\n");
            }
            else
            {
                sb.Append("<td colspan=\"9\" class=\"none\">").Append(Html.Text(w.Reason)).Append("</td></tr>\n");
            }

            if (w.Manifest is not null && w.State != WindowState.Committed)
            {
                sb.Append("<tr class=\"reason\"><td></td><td colspan=\"10\">").Append(Html.Text(Why(w))).Append("</td></tr>\n");
            }
        }

        sb.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Cell(StringBuilder sb, string field, long value, string cls = "") =>
        sb.Append(Invariant, $"<td class=\"num{cls}\" data-field=\"{field}\">{Html.Number(value)}</td>");

    private static void OverTime(StringBuilder sb, RangeReport report, List<Slot> slots, HashSet<WindowReport> spikes)
    {
        if (!report.WithManifest.Any())
        {
            return;
        }

        var flagged = slots.Where(s => s.Window is not null && spikes.Contains(s.Window)).ToHashSet();
        sb.Append("<section id=\"over-time\">\n<h2>Over time</h2>\n");
        sb.Append("<p class=\"note\">One bar per window, its value above it; hatched: no manifest (runs of missing windows are drawn as one bar).</p>\n");

        TimeFigure(sb, "valid-events", "Valid events per window", slots, [new Series("valid events", Valid, w => w.Manifest!.Counts.ValidEvents)], report, null);

        var reasons = Reasons.Concat(report.WithManifest.SelectMany(w => w.Manifest!.Counts.RejectedByReason.Keys)
                .Where(k => Reasons.All(r => r.Reason != k)).Distinct().Order(StringComparer.Ordinal).Select(k => (k, "#999999")))
            .Where(r => report.WithManifest.Any(w => w.Manifest!.Counts.RejectedByReason.GetValueOrDefault(r.Item1) > 0)).ToList();
        var rejected = reasons.Select(r => new Series(r.Item1, r.Item2, w => w.Manifest!.Counts.RejectedByReason.GetValueOrDefault(r.Item1))).ToList();
        TimeFigure(sb, "rejected", "Rejected lines per window, by reason" + (flagged.Count > 0 ? " (red: a spike)" : ""), slots, rejected, report, flagged);
        RejectedTable(sb, report, reasons.Select(r => r.Item1).ToList(), spikes);

        var ends = EndReasons.Select(r => new Series(r.Reason, r.Color, w => w.Manifest!.Counts.ClosedByReason.GetValueOrDefault(r.Reason))).ToList();
        TimeFigure(sb, "closed", "Sessions closed per window, by end reason", slots, ends, report, null);
        TimeFigure(sb, "active", "Sessions active at the end of each window (carried to the next)", slots,
            [new Series("active sessions", Active, w => w.Manifest!.Counts.ActiveSessions) { Summed = false }], report, null);
        sb.Append("</section>\n");
    }

    private static void TimeFigure(StringBuilder sb, string id, string title, List<Slot> slots, IReadOnlyList<Series> series, RangeReport report, ISet<Slot>? flag)
    {
        sb.Append(Invariant, $"<figure class=\"time\" id=\"chart-{id}\"><figcaption>{Html.Text(title)}</figcaption>\n");
        TimeChart.Write(sb, id, title, slots, series, flag);
        sb.Append("\n<div class=\"legend\">");
        foreach (var s in series)
        {
            // Active sessions are a state, not a flow: their sum over windows means nothing, the last value does.
            var (what, value) = s.Summed ? ("", report.WithManifest.Total(w => s.Value(w))) : ("at the end ", report.WithManifest.Select(w => s.Value(w)).LastOrDefault());
            sb.Append(Invariant, $"<span class=\"key\"><i style=\"background:{s.Color}\"></i>{Html.Text(s.Name)} {what}<b>{Html.Number(value)}</b></span>");
        }

        var counted = report.WithManifest.ToList();
        if (counted.Count > 0)
        {
            var perWindow = counted.Select(w => series.Total(s => s.Value(w))).ToList();
            sb.Append(Invariant, $"<span class=\"stats\">per window: min {Html.Number(perWindow.Min())} · mean {Html.Number(perWindow.Average(v => (double)v) is var mean && mean >= long.MaxValue ? long.MaxValue : (long)Math.Round(mean))} · max {Html.Number(perWindow.Max())}</span>");
        }

        sb.Append("</div>\n</figure>\n");
    }

    private static void RejectedTable(StringBuilder sb, RangeReport report, List<string> reasons, HashSet<WindowReport> spikes)
    {
        if (reasons.Count == 0)
        {
            sb.Append("<p class=\"note\">No line was rejected in this range.</p>\n");
            return;
        }

        sb.Append("<details class=\"numbers\"><summary>Rejected lines by reason, per window</summary><div class=\"scroll\"><table class=\"rejected\">\n<thead><tr><th>window</th>");
        foreach (var r in reasons)
        {
            sb.Append(Invariant, $"<th class=\"num\">{Html.Text(r)}</th>");
        }

        sb.Append("<th class=\"num\">total</th></tr></thead>\n<tbody>\n");
        foreach (var w in report.WithManifest)
        {
            var c = w.Manifest!.Counts;
            sb.Append(Invariant, $"<tr data-window=\"{w.Window}\"{(spikes.Contains(w) ? " class=\"spike\"" : "")}><td>{w.Window}</td>");
            foreach (var r in reasons)
            {
                sb.Append(Invariant, $"<td class=\"num\">{Html.Number(c.RejectedByReason.GetValueOrDefault(r))}</td>");
            }

            sb.Append(Invariant, $"<td class=\"num\">{Html.Number(c.Rejected)}</td></tr>\n");
        }

        sb.Append("</tbody></table></div></details>\n");
    }

    private static void Sessions(StringBuilder sb, RangeReport report)
    {
        var read = report.Windows.Count(w => w.Sessions is not null);
        var withManifest = report.Windows.Count(w => w.Manifest is not null);
        if (withManifest == 0)
        {
            return;
        }

        sb.Append("<section id=\"sessions\">\n<h2>Closed sessions over the range</h2>\n");
        sb.Append(Invariant, $"<p class=\"note\">From the closed-session files of {read} of {withManifest} windows with a manifest");
        if (read < withManifest)
        {
            sb.Append(" (the others could not be read: see above)");
        }

        sb.Append(Invariant, $"; end reasons from the manifests. Top {report.Top} values per list.</p>\n");
        // Summed as every manifest count of the page, saturating at the largest long (Totals).
        var endReasons = report.WithManifest.SelectMany(w => w.Manifest!.Counts.ClosedByReason)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Total(r => r.Value), StringComparer.Ordinal);

        Grid(sb, "range", report.Sessions, endReasons);
        sb.Append("</section>\n");
    }

    /// <summary>The distributions and top lists of one window or of the range, as bar tables.</summary>
    private static void Grid(StringBuilder sb, string scope, SessionSummary? sessions, IReadOnlyDictionary<string, long> endReasons, Action? first = null)
    {
        sb.Append("<div class=\"grid\">\n");
        first?.Invoke();
        if (sessions is not null)
        {
            HistogramTable(sb, $"{scope}-durations", "Session duration", sessions.Durations, v => Html.Duration(v));
            HistogramTable(sb, $"{scope}-events", "Events per session", sessions.EventCounts, v => v.ToString("0.#", Invariant));
        }

        var ends = EndReasons.Select(r => r.Reason).Concat(endReasons.Keys.Where(k => EndReasons.All(e => e.Reason != k)).Order(StringComparer.Ordinal))
            .Select(r => (Label: Html.Text(r), Count: endReasons.GetValueOrDefault(r))).ToList();
        BarTable(sb, $"{scope}-end-reasons", "End reasons", "", ends, ends.Total(e => e.Count), null);
        if (sessions is not null)
        {
            TopTable(sb, $"{scope}-sites", "Sessions per site", sessions.Sites);
            TopTable(sb, $"{scope}-browsers", "Sessions per browser", sessions.Browsers);
            TopTable(sb, $"{scope}-entry-pages", "Top entry pages", sessions.EntryPages);
            TopTable(sb, $"{scope}-exit-pages", "Top exit pages", sessions.ExitPages);
        }

        sb.Append("</div>\n");
    }

    private static void HistogramTable(StringBuilder sb, string id, string title, Histogram histogram, Func<double, string> format)
    {
        var note = histogram.Total == 0
            ? "no sessions"
            : $"median in {histogram.MedianBucket} · mean {format(histogram.Mean)} · max {format(histogram.Max)}";
        var rows = histogram.Scale.Labels.Select((label, i) => (Label: label, Count: histogram.Counts[i])).ToList();

        // Buckets beyond the last non-empty one are left out (up to the bucket of the median at least).
        var last = rows.FindLastIndex(r => r.Count > 0);
        BarTable(sb, id, title, "log-scale buckets · " + note, rows.Take(Math.Max(last + 1, 1)).ToList(), histogram.Total, null);
    }

    private static void TopTable(StringBuilder sb, string id, string title, TopValues top)
    {
        var rows = top.Values.Select(v => (Label: Html.Shown(v.Value, 60), v.Count)).ToList();
        (string Label, long Count)? others = top.Others > 0 ? ($"<span class=\"null\">{Html.Number(top.OtherValues)} other value{(top.OtherValues == 1 ? "" : "s")}</span>", top.Others) : null;
        BarTable(sb, id, title, $"{Html.Number(top.Distinct)} distinct", rows, top.Total, others);
    }

    /// <summary>A horizontal bar chart as a table: label, bar, count and share on each row. Labels are HTML already escaped.</summary>
    private static void BarTable(StringBuilder sb, string id, string title, string note, IReadOnlyList<(string Label, long Count)> rows, long total,
        (string Label, long Count)? others)
    {
        var max = rows.Select(r => r.Count).DefaultIfEmpty(0).Max();
        sb.Append(Invariant, $"<figure class=\"chart bars\" data-chart=\"{id}\"><figcaption>{Html.Text(title)} <span class=\"note\">{Html.Text(note)}</span></figcaption>\n<table class=\"bars\"><tbody>\n");
        foreach (var (label, count) in rows)
        {
            var width = max == 0 ? 0 : Math.Max(count > 0 ? 0.4 : 0, 100.0 * count / max);
            var bar = count > 0 ? $"<span class=\"mark\" style=\"width:{width.ToString("0.##", Invariant)}%\"></span>" : "";
            sb.Append(Invariant, $"<tr><th>{label}</th><td class=\"bar\">{bar}</td><td class=\"num\">{Html.Number(count)}</td><td class=\"pct\">{Html.Percent(count, total)}</td></tr>\n");
        }

        if (others is { } o)
        {
            // The rest is not drawn: its bar would dwarf the values listed.
            sb.Append(Invariant, $"<tr class=\"others\"><th>{o.Label}</th><td class=\"bar\"></td><td class=\"num\">{Html.Number(o.Count)}</td><td class=\"pct\">{Html.Percent(o.Count, total)}</td></tr>\n");
        }

        if (rows.Count == 0)
        {
            sb.Append("<tr><td class=\"none\" colspan=\"4\">none</td></tr>\n");
        }

        sb.Append("</tbody></table></figure>\n");
    }

    private static void PerWindow(StringBuilder sb, RangeReport report)
    {
        if (!report.WithManifest.Any())
        {
            return;
        }

        sb.Append("<section id=\"per-window\">\n<h2>Each window</h2>\n<p class=\"note\">Click a window to open it.</p>\n");
        foreach (var w in report.WithManifest)
        {
            var m = w.Manifest!;
            var c = m.Counts;
            sb.Append(Invariant, $"<details class=\"window\" id=\"w-{w.Window}\"><summary>{Badge(w.State)} <b>{w.Window}</b> · {Html.Number(c.ValidEvents)} valid events · {Html.Number(c.Rejected)} rejected · {Html.Number(c.ClosedSessions)} sessions closed · {Html.Number(c.ActiveSessions)} active</summary>\n");
            if (w.State != WindowState.Committed)
            {
                sb.Append("<p class=\"why\">").Append(Html.Text(Why(w))).Append("</p>\n");
            }

            foreach (var problem in w.Problems)
            {
                sb.Append("<p class=\"why\">").Append(Html.Text(problem)).Append("</p>\n");
            }

            sb.Append(Invariant, $"<p class=\"facts\">Input: {m.Input.Files.Count} files, {Html.Number(m.Input.Files.Total(f => f.Bytes))} bytes{(m.Input.Missing ? " (input folder missing: run with no new events)" : "")}");
            sb.Append(Invariant, $" · blank lines {Html.Number(c.BlankLines)} · duplicates {Html.Number(c.Duplicates)} · events before the window {Html.Number(c.EventsBeforeWindow)}, after {Html.Number(c.EventsAfterWindow)}");
            sb.Append(Invariant, $" · sessions carried in {Html.Number(c.PreviousActiveSessions)} · run {m.Started.UtcDateTime:HH:mm:ss}–{m.Finished.UtcDateTime:HH:mm:ss} UTC ({Html.Duration((m.Finished - m.Started).TotalMilliseconds)})</p>\n");
            var reasons = c.RejectedByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => (Label: Html.Text(r.Key), Count: r.Value)).ToList();
            Grid(sb, $"w{w.Window}", w.Sessions, c.ClosedByReason,
                () => BarTable(sb, $"w{w.Window}-rejected", "Rejected lines by reason", "share of input lines", reasons, c.InputLines, null));
            sb.Append("</details>\n");
        }

        sb.Append("</section>\n");
    }
}
