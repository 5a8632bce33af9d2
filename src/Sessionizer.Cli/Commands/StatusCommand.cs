using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sessionizer.Engine.Lineage;
using Sessionizer.Engine.Output;

namespace Sessionizer.Cli.Commands;

/// <summary><c>sessionizer status</c>: the committed windows of an output root, with counts, stale windows and gaps.</summary>
internal static class StatusCommand
{
    public static Command Create(TextWriter output)
    {
        var root = CliOptions.Directory("--output", "Output root to inspect.", required: true, mustExist: true);
        var from = CliOptions.Window("--from", "First window to list.");
        var to = CliOptions.Window("--to", "Last window to list.");
        var format = CliOptions.OneOf("--format", "text (a table) or json (for machines).", "text", "json");
        var command = new Command("status", "List committed windows with their counts; mark stale windows and gaps.") { root, from, to, format };
        command.Validators.Add(result => CliOptions.RequireOrder(result, from, to));
        command.SetAction(parse =>
        {
            var report = LineageScanner.Scan(new OutputLayout(parse.GetValue(root)!), parse.GetValue(from), parse.GetValue(to), checkInput: true);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(report, output);
            }
            else
            {
                WriteText(report, output);
            }

            return ExitCodes.Committed;
        });
        return command;
    }

    private static string Label(WindowStatus status) => status.Freshness switch
    {
        Freshness.Current when status.IsInputChanged => "input-changed",
        Freshness.Current => "committed",
        Freshness.Stale => "stale",
        Freshness.StaleUpstream => "stale-upstream",
        _ => "unreadable",
    };

    private static void WriteText(LineageReport report, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"{"window",-15}{"status",-16}{"input_lines",12}{"valid",12}{"rejected",10}{"closed",10}{"active",10}  finished"));
        foreach (var w in report.Windows)
        {
            var c = w.Manifest?.Counts;
            output.WriteLine(string.Create(culture,
                $"{w.Window,-15}{Label(w),-16}{c?.InputLines,12}{c?.ValidEvents,12}{c?.Rejected,10}{c?.ClosedSessions,10}{c?.ActiveSessions,10}  {w.Manifest?.Finished:yyyy-MM-ddTHH:mm:ssZ}"));
            if (w.Reason is not null)
            {
                output.WriteLine($"{"",15}{w.Reason}");
            }

            if (w.IsInputChanged)
            {
                output.WriteLine($"{"",15}{InputChangedReason(w)}");
            }
        }

        var notChecked = Unchecked(report);
        if (notChecked.Count > 0)
        {
            output.WriteLine($"input not checked for {notChecked.Count} windows: the input root they recorded ({string.Join(", ", notChecked.Select(w => w.Manifest!.Input.Root).Distinct())}) is not reachable here; their status is their lineage's");
        }

        output.WriteLine(report.Windows.Count == 0 ? "no committed windows" : $"{report.Windows.Count} committed windows, {report.Stale.Count()} stale, {report.Windows.Count(w => w.IsInputChanged)} with changed input");
        if (report.Gaps.Count > 0)
        {
            output.WriteLine($"gaps (not committed): {string.Join(", ", report.Gaps)}");
        }
    }

    private static string InputChangedReason(WindowStatus w) =>
        $"input changed since its commit: {string.Join(", ", w.InputChanges!)}";

    private static List<WindowStatus> Unchecked(LineageReport report) =>
        report.Windows.Where(w => w.Manifest is not null && w.InputChanges is null).ToList();

    private static void WriteBytes(Utf8JsonWriter json, string name, long? bytes)
    {
        if (bytes is { } b)
        {
            json.WriteNumber(name, b);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteJson(LineageReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("windows");
            foreach (var w in report.Windows)
            {
                json.WriteStartObject();
                json.WriteString("window", w.Window.ToString());
                json.WriteString("status", Label(w));
                if (w.Reason is not null)
                {
                    json.WriteString("reason", w.Reason);
                }

                json.WriteBoolean("input_checked", w.InputChanges is not null);
                if (w.IsInputChanged)
                {
                    json.WriteStartArray("input_changes");
                    foreach (var change in w.InputChanges!)
                    {
                        json.WriteStartObject();
                        json.WriteString("path", change.Path);
                        WriteBytes(json, "committed_bytes", change.CommittedBytes);
                        WriteBytes(json, "bytes_now", change.NowBytes);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                if (w.Manifest is { } m)
                {
                    json.WriteString("finished", m.Finished);
                    json.WriteStartObject("counts");
                    json.WriteNumber("input_lines", m.Counts.InputLines);
                    json.WriteNumber("valid_events", m.Counts.ValidEvents);
                    json.WriteNumber("rejected", m.Counts.Rejected);
                    json.WriteNumber("duplicates", m.Counts.Duplicates);
                    json.WriteNumber("previous_active_sessions", m.Counts.PreviousActiveSessions);
                    json.WriteNumber("closed_sessions", m.Counts.ClosedSessions);
                    json.WriteNumber("active_sessions", m.Counts.ActiveSessions);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("gaps");
            foreach (var gap in report.Gaps)
            {
                json.WriteStartObject();
                json.WriteString("from", gap.From.ToString());
                json.WriteString("to", gap.To.ToString());
                json.WriteNumber("windows", gap.WindowCount);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
