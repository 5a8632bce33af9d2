using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Lineage;

/// <summary>The committed windows of an output root, in order, and the missing windows between them.</summary>
public sealed record LineageReport(IReadOnlyList<WindowStatus> Windows, IReadOnlyList<Window> Gaps)
{
    public IEnumerable<WindowStatus> Stale => Windows.Where(w => w.IsStale);
}
