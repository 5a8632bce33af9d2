using Serilog;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Commands;

/// <summary>The one log line per committed window that operators read: the manifest's counts and the time.</summary>
internal static class Summary
{
    public static void Log(ILogger log, WindowOutcome outcome)
    {
        var c = outcome.Manifest.Counts;
        log.Information(
            "Window {Window} committed in {ElapsedSeconds:0.000}s: {InputLines} input lines, {ValidEvents} valid, {Rejected} rejected, " +
            "{Duplicates} duplicates, {EventsBeforeWindow} before and {EventsAfterWindow} after the window; " +
            "{PreviousActiveSessions} sessions carried in, {ClosedSessions} closed ({ClosedByReason}), {ActiveSessions} active",
            outcome.Window.ToString(), outcome.Elapsed.TotalSeconds, c.InputLines, c.ValidEvents, c.Rejected,
            c.Duplicates, c.EventsBeforeWindow, c.EventsAfterWindow,
            c.PreviousActiveSessions, c.ClosedSessions, string.Join(", ", c.ClosedByReason.Select(r => $"{r.Key} {r.Value}")), c.ActiveSessions);
    }
}
