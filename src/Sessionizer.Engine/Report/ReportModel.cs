using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Lineage;

namespace Sessionizer.Engine.Report;

/// <summary>The state of a window in the report: its lineage status (docs/reference.md §5.5), or not committed.</summary>
public enum WindowState
{
    Committed,
    InputChanged,
    Stale,
    StaleUpstream,
    Unreadable,

    /// <summary>No manifest, between two committed windows.</summary>
    Gap,

    /// <summary>No manifest, before the first or after the last committed window of the range asked for.</summary>
    NotCommitted,
}

internal static class WindowStates
{
    /// <summary>The word <c>status</c> prints for the state (and "gap", "not committed").</summary>
    public static string Label(this WindowState state) => state switch
    {
        WindowState.Committed => "committed",
        WindowState.InputChanged => "input-changed",
        WindowState.Stale => "stale",
        WindowState.StaleUpstream => "stale-upstream",
        WindowState.Unreadable => "unreadable",
        WindowState.Gap => "gap",
        _ => "not committed",
    };

    internal static WindowState Of(WindowStatus status) => status.Freshness switch
    {
        Freshness.Current when status.IsInputChanged => WindowState.InputChanged,
        Freshness.Current => WindowState.Committed,
        Freshness.Stale => WindowState.Stale,
        Freshness.StaleUpstream => WindowState.StaleUpstream,
        _ => WindowState.Unreadable,
    };
}

/// <summary>One window of the report.</summary>
/// <param name="Window">The window.</param>
/// <param name="State">Its state.</param>
/// <param name="Reason">Why it is not current (lineage), for people; null when it is.</param>
/// <param name="Manifest">Its manifest; null when not committed or unreadable.</param>
public sealed record WindowReport(Window Window, WindowState State, string? Reason, Manifest? Manifest)
{
    /// <summary>How its input differs from what it read; null when not checked (<see cref="WindowStatus.InputChanges"/>).</summary>
    public IReadOnlyList<InputChange>? InputChanges { get; init; }

    /// <summary>Its closed sessions, as read from its part files; null when they were not read or could not be.</summary>
    internal SessionSummary? Sessions { get; init; }

    /// <summary>Whether its closed-session parts were read (it has a readable manifest and its parts could be read).</summary>
    public bool SessionsRead => Sessions is not null;

    /// <summary>What went wrong reading its closed sessions, or where they differ from the manifest; for people.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>What <c>sessionizer report</c> shows: the windows of a range, in order, and their closed sessions over the range.</summary>
public sealed record RangeReport
{
    /// <summary>The output root, absolute.</summary>
    public required string OutputRoot { get; init; }

    /// <summary>The range asked for; null ends when not given.</summary>
    public Window? From { get; init; }

    public Window? To { get; init; }

    /// <summary>Every window from the first to the last of the range (committed or not), in order.</summary>
    public required IReadOnlyList<WindowReport> Windows { get; init; }

    /// <summary>What the page leaves out when no range was given and the committed windows span more hours than it shows; null otherwise.</summary>
    public RangeCut? Cut { get; init; }

    /// <summary>The closed sessions of every window whose parts were read.</summary>
    internal SessionSummary Sessions { get; init; } = new SessionStats().Summarize(0);

    /// <summary>How many values the top lists keep.</summary>
    public required int Top { get; init; }

    /// <summary>Input roots recorded by manifests that are not reachable from here (their windows' input was not checked).</summary>
    public IReadOnlyList<string> UncheckedInputRoots { get; init; } = [];

    public required DateTimeOffset Generated { get; init; }

    public required string Version { get; init; }

    public IEnumerable<WindowReport> WithManifest => Windows.Where(w => w.Manifest is not null);
}

/// <summary>
/// No range was given and the committed windows span more than <see cref="ReportBuilder.MaxWindows"/>
/// hours: the page shows the last <see cref="ReportBuilder.MaxWindows"/>, up to the last committed window.
/// </summary>
/// <param name="FirstCommitted">The first committed window of the output root.</param>
/// <param name="Hours">The hours from it to the last committed window, both included.</param>
/// <param name="WindowsLeftOut">Committed windows before the page's first hour.</param>
public sealed record RangeCut(Window FirstCommitted, long Hours, int WindowsLeftOut);
