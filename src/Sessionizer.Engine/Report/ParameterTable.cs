using System.Globalization;
using System.Text;
using Sessionizer.Core.Records;

namespace Sessionizer.Engine.Report;

/// <summary>
/// The parameters each window ran with (its manifest's engine, version, parameters, input root and
/// where its state came from), one row per run of consecutive windows that agree; a value that
/// differs from the one most windows have is flagged, as is a window that started without state
/// although the window before it is committed.
/// </summary>
internal static class ParameterTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string Name, Func<Manifest, string> Value)[] Columns =
    [
        ("engine", m => m.Engine),
        ("version", m => m.Version),
        ("inactivity_timeout", m => m.Parameters.InactivityTimeout),
        ("max_session_duration", m => m.Parameters.MaxSessionDuration),
        ("closing_pages", m => m.Parameters.ClosingPages.Count == 0 ? "none" : string.Join(", ", m.Parameters.ClosingPages)),
        ("max_rejected_fraction", m => m.Parameters.MaxRejectedFraction.ToString("0.######", Invariant)),
        ("allow_missing_input", m => m.Parameters.AllowMissingInput ? "true" : "false"),
        ("compression_level", m => m.Parameters.CompressionLevel),
        ("input root", m => m.Input.Root),
    ];

    private const string StartedFrom = "state from";

    /// <summary>Where a window's state came from: the previous window, no state, or a folder.</summary>
    private static string Origin(Manifest m) => m.Previous switch
    {
        null => "no state",
        { Window: { } w } => $"window {w}",
        { Path: { } path } => $"folder {path}",
        _ => "previous state",
    };

    /// <summary>For each column, the value most windows have (ties: the earliest window's).</summary>
    private static string[] Usual(List<WindowReport> windows) =>
        Columns.Select(c => windows.GroupBy(w => c.Value(w.Manifest!), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Window).First().Key).ToArray();

    /// <summary>Whether a window started without the state of its committed predecessor.</summary>
    private static bool LostState(RangeReport report, WindowReport w)
    {
        if (w.Manifest!.Previous is { Window: not null })
        {
            return false;
        }

        var previous = w.Window.Previous;
        return report.Windows.Any(x => x.Window == previous && x.Manifest is not null);
    }

    /// <summary>One sentence (HTML) per flagged difference, for the attention list.</summary>
    public static IReadOnlyList<string> Differences(RangeReport report)
    {
        var windows = report.WithManifest.ToList();
        if (windows.Count == 0)
        {
            return [];
        }

        var usual = Usual(windows);
        var list = new List<string>();
        for (var c = 0; c < Columns.Length; c++)
        {
            var column = c;
            foreach (var group in windows.Where(w => Columns[column].Value(w.Manifest!) != usual[column])
                         .GroupBy(w => Columns[column].Value(w.Manifest!), StringComparer.Ordinal))
            {
                list.Add($"{Columns[c].Name} is <b>{Html.Shown(group.Key)}</b> in {string.Join(", ", group.Select(w => $"<a href=\"#w-{w.Window}\">{w.Window}</a>"))} " +
                         $"({Html.Shown(usual[c])} in {windows.Count(w => Columns[column].Value(w.Manifest!) == usual[column])} windows)");
            }
        }

        foreach (var w in windows.Where(w => LostState(report, w)))
        {
            list.Add($"<a href=\"#w-{w.Window}\">{w.Window}</a> started from {Html.Text(Origin(w.Manifest!))}, although the window before it is committed");
        }

        return list;
    }

    public static void Write(StringBuilder sb, RangeReport report)
    {
        var windows = report.WithManifest.ToList();
        if (windows.Count == 0)
        {
            return;
        }

        var usual = Usual(windows);
        sb.Append("<section id=\"parameters\">\n<h2>Run parameters</h2>\n");
        sb.Append("<p class=\"note\">From each window's manifest; consecutive windows that agree share a row. Flagged (⚑): a value other than the one most windows have, or a window that did not start from its committed predecessor's state.</p>\n");
        sb.Append("<div class=\"scroll\"><table class=\"parameters\">\n<thead><tr><th>windows</th>");
        foreach (var (name, _) in Columns)
        {
            sb.Append(Invariant, $"<th title=\"{name}\">{name.Replace('_', ' ')}</th>");
        }

        sb.Append(Invariant, $"<th>{StartedFrom}</th></tr></thead>\n<tbody>\n");
        var all = report.Windows;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Manifest is null)
            {
                continue;
            }

            var key = Key(all[i].Manifest!);
            var lost = LostState(report, all[i]);
            var j = i;
            while (!lost && j + 1 < all.Count && all[j + 1].Manifest is { } next && Key(next) == key && !LostState(report, all[j + 1])
                   && SameOrigin(all[j + 1].Manifest!))
            {
                j++;
            }

            var span = i == j ? $"{all[i].Window}" : $"{all[i].Window} to {all[j].Window} ({j - i + 1})";
            var flagged = lost || Columns.Select((c, k) => c.Value(all[i].Manifest!) != usual[k]).Any(d => d);
            sb.Append(Invariant, $"<tr data-windows=\"{all[i].Window}/{all[j].Window}\"{(flagged ? " class=\"flagged\"" : "")}><td>{span}</td>");
            for (var k = 0; k < Columns.Length; k++)
            {
                var value = Columns[k].Value(all[i].Manifest!);
                var differs = value != usual[k];
                var cls = (differs ? "differs " : "") + (value.Length > 16 ? "long" : "");
                sb.Append(Invariant, $"<td class=\"{cls.Trim()}\">{(differs ? "⚑ " : "")}{Html.Shown(value, 60)}</td>");
            }

            var origin = i == j ? Origin(all[i].Manifest!) : $"{Origin(all[i].Manifest!)}, then each previous window";
            sb.Append(Invariant, $"<td class=\"long{(lost ? " differs" : "")}\">{(lost ? "⚑ " : "")}{Html.Shown(origin, 60)}</td></tr>\n");
            i = j;
        }

        sb.Append("</tbody></table></div>\n</section>\n");

        string Key(Manifest m) => string.Join('\u0001', Columns.Select(c => c.Value(m)));
        static bool SameOrigin(Manifest m) => m.Previous is { Window: not null };
    }
}
