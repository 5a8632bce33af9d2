using Serilog;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Commands;

/// <summary>
/// The log lines an orchestrator reads (docs/reference.md §6.8): one per window that committed or
/// failed, and the last line of the command with its exit code. Each fact is a property of the event
/// (a top-level field of the JSON line), not only words in the message.
/// </summary>
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
        var committed = log.ForContext("Status", "committed");
        if (lag is { } l)
        {
            committed.Information(Template + "; lag {LagSeconds:0.000}s after the window's end", [.. values, l.TotalSeconds]);
        }
        else
        {
            committed.Information(Template, values);
        }
    }

    /// <summary>
    /// The logger for the line saying that <paramref name="window"/> (when known) committed nothing:
    /// its events also carry Window, Status ("failed", or "interrupted" by a signal) and the
    /// ExitCode the command ends with because of it.
    /// </summary>
    public static ILogger NotCommitted(ILogger log, Window? window, int exitCode, bool interrupted = false)
    {
        var line = log.ForContext("Status", interrupted ? "interrupted" : "failed").ForContext("ExitCode", exitCode);
        return window is { } w ? line.ForContext("Window", w.ToString()) : line;
    }

    /// <summary>The command's last line: its exit code and how many windows it committed.</summary>
    public static int Finished(ILogger log, string command, int exitCode, int committedWindows)
    {
        log.Information("sessionizer {Command} exits with code {ExitCode} ({CommittedWindows} windows committed)", command, exitCode, committedWindows);
        return exitCode;
    }
}
