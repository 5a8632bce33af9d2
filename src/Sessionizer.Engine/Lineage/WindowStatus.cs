using Sessionizer.Core.Records;
using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Lineage;

/// <summary>A committed window as <c>status</c> reports it.</summary>
/// <param name="Window">The window.</param>
/// <param name="Manifest">Its manifest; null when unreadable.</param>
/// <param name="Freshness">Whether its state input is still current.</param>
/// <param name="Reason">Why it is not current, for people.</param>
public sealed record WindowStatus(Window Window, Manifest? Manifest, Freshness Freshness, string? Reason)
{
    public bool IsStale => Freshness is Freshness.Stale or Freshness.StaleUpstream;

    /// <summary>
    /// How its input folder differs from what it read (late data, §5.10): empty when it holds the
    /// same files; null when not checked (not asked, no readable manifest, or the input root it
    /// recorded is not reachable from here).
    /// </summary>
    public IReadOnlyList<InputChange>? InputChanges { get; init; }

    public bool IsInputChanged => InputChanges is { Count: > 0 };
}
