using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Follow;

/// <summary>What <c>sessionizer follow</c> adds to a run's settings (docs/reference.md §5.10).</summary>
public sealed record FollowSettings
{
    /// <summary>How long after a window's end its input may still be arriving, when no marker tells.</summary>
    public static readonly TimeSpan DefaultAllowedLateness = TimeSpan.FromMinutes(5);

    /// <summary>How often a window that is not ready yet is checked again.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>The first window, when nothing is committed yet; with committed windows, it must be the one after the last.</summary>
    public Window? From { get; init; }

    /// <summary>Stop once this window is committed (for tests and bounded catch-ups); null: run for as long as the process lives.</summary>
    public Window? Until { get; init; }

    /// <summary>A window is ready when its input folder holds this file (e.g. _SUCCESS); null: ready by the clock.</summary>
    public string? ReadyMarker { get; init; }

    public TimeSpan AllowedLateness { get; init; } = DefaultAllowedLateness;

    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;

    /// <summary>How many committed windows, the last one and those before it, are checked for late data at each poll.</summary>
    public const int DefaultLateWindowLookback = 24;

    /// <summary>Committed windows checked for late data (input changed since their commit); 0: none.</summary>
    public int LateWindowLookback { get; init; } = DefaultLateWindowLookback;

    /// <summary>Rerun committed windows whose input changed, and the windows that become stale, before the next window; false: warn only.</summary>
    public bool ReprocessLate { get; init; }
}
