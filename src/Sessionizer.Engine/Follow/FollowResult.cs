using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Follow;

/// <summary>How a follow ended without a failure.</summary>
public enum FollowStop
{
    /// <summary>The <see cref="FollowSettings.Until"/> window is committed.</summary>
    Until,

    /// <summary>Cancelled (a signal) while waiting for a window: nothing was in progress.</summary>
    CancelledWaiting,

    /// <summary>Cancelled while a window ran: it committed nothing, its staging is removed and its lock released.</summary>
    CancelledRunning,

    /// <summary><see cref="Core.Time.Window.Last"/>, the last window the job can run, is committed: there is no next window.</summary>
    LastWindow,
}

/// <summary>How a follow ended, and the window a restart resumes at.</summary>
public sealed record FollowResult(FollowStop Stop, Window ResumesAt);

/// <summary>
/// A window that <c>follow</c> committed, and its lag: commit time minus the window's end.
/// <paramref name="Reprocessed"/>: a rerun of a committed window (late data, or stale), not the next window.
/// </summary>
public sealed record FollowedWindow(WindowOutcome Outcome, TimeSpan Lag, bool Reprocessed = false);
