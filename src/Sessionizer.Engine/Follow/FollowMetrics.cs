using System.Globalization;
using System.Text;

namespace Sessionizer.Engine.Follow;

/// <summary>
/// The metrics file of <c>follow --metrics-file</c> (docs/reference.md §5.10): the last committed
/// window in Prometheus text format, for node_exporter's textfile collector. Replaced atomically
/// after each window: written under a hidden temporary name in the same folder, then renamed over
/// the file, so a reader sees the old file or the new one, never a part.
/// </summary>
public static class FollowMetrics
{
    /// <summary>The file's text for a committed window.</summary>
    public static string Format(FollowedWindow committed)
    {
        var counts = committed.Outcome.Manifest.Counts;
        var text = new StringBuilder();
        Gauge(text, "sessionizer_last_committed_window_end_timestamp_seconds", "End of the last window follow committed, Unix time.",
            committed.Outcome.Window.EndMs / 1000.0);
        Gauge(text, "sessionizer_last_window_lag_seconds", "Commit time of the last window minus its end.", committed.Lag.TotalSeconds);
        Gauge(text, "sessionizer_last_window_valid_events", "Valid events of the last window.", counts.ValidEvents);
        Gauge(text, "sessionizer_last_window_rejected_lines", "Rejected input lines of the last window.", counts.Rejected);
        Gauge(text, "sessionizer_last_window_closed_sessions", "Sessions the last window closed.", counts.ClosedSessions);
        Gauge(text, "sessionizer_last_window_active_sessions", "Sessions still active at the end of the last window.", counts.ActiveSessions);
        Gauge(text, "sessionizer_last_window_duration_seconds", "How long the last window's run took.", committed.Outcome.Elapsed.TotalSeconds);
        return text.ToString();
    }

    /// <summary>Replaces the file at <paramref name="path"/> with <see cref="Format"/>'s text, atomically.</summary>
    public static void Write(string path, FollowedWindow committed)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, Format(committed), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Gauge(StringBuilder text, string name, string help, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value.ToString("0.###", CultureInfo.InvariantCulture)}\n");
}
