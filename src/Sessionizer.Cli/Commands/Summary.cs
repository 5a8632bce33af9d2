using Serilog;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Commands;

/// <summary>The one log line per committed window that operators read: the manifest's counts and the time.</summary>
internal static class Summary
{
    private const string Template =
        "Window {Window} committed in {ElapsedSeconds:0.000}s: {InputLines} input lines, {ValidEvents} valid, {Rejected} rejected, " +
        "{Duplicates} duplicates, {EventsBeforeWindow} before and {EventsAfterWindow} after the window; " +
        "{PreviousActiveSessions} sessions carried in, {ClosedSessions} closed ({ClosedByReason}), {ActiveSessions} active";

    /// <summary>The line; with <paramref name="lag"/> (<c>follow</c>), also LagSeconds: the commit's time minus the window's end.</summary>
    public static void Log(ILogger log, WindowOutcome outcome, TimeSpan? lag = null)
    {
        var c = outcome.Manifest.Counts;
        object[] values =
        [
            outcome.Window.ToString(), outcome.Elapsed.TotalSeconds, c.InputLines, c.ValidEvents, c.Rejected,
            c.Duplicates, c.EventsBeforeWindow, c.EventsAfterWindow,
            c.PreviousActiveSessions, c.ClosedSessions, string.Join(", ", c.ClosedByReason.Select(r => $"{r.Key} {r.Value}")), c.ActiveSessions,
        ];
        if (lag is { } l)
        {
            log.Information(Template + "; lag {LagSeconds:0.000}s after the window's end", [.. values, l.TotalSeconds]);
        }
        else
        {
            log.Information(Template, values);
        }
    }
}
