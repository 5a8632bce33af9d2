using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Lineage;

/// <summary>The committed windows of an output root, in order, and the missing windows between them, as stretches.</summary>
public sealed record LineageReport(IReadOnlyList<WindowStatus> Windows, IReadOnlyList<Gap> Gaps)
{
    public IEnumerable<WindowStatus> Stale => Windows.Where(w => w.IsStale);
}

/// <summary>
/// Consecutive windows without a manifest between two committed ones, <paramref name="From"/> to
/// <paramref name="To"/> inclusive: a stretch, not a list, so that a window committed far from the
/// others (e.g. 9999-12-31T22) costs one entry, not one per hour (docs/reference.md §5.5).
/// </summary>
public sealed record Gap(Window From, Window To)
{
    /// <summary>How many windows the stretch holds (<c>windows</c> in <c>status --format json</c>).</summary>
    public long WindowCount => Window.Count(From, To);

    /// <summary><c>2026-11-20T11</c>, or <c>2026-11-20T13..2026-11-20T15 (3 windows)</c>.</summary>
    public override string ToString() =>
        From == To ? From.ToString() : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From}..{To} ({WindowCount:N0} windows)");
}
