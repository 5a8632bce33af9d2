using Sessionizer.Core.Records;
using Sessionizer.Core.Visits;

namespace Sessionizer.Engine.State;

/// <summary>The active sessions a window starts from, as visits of the previous state, and where they came from.</summary>
/// <param name="Visits">Every page of every active session, flagged as previous state.</param>
/// <param name="Sessions">Number of active-session records read.</param>
/// <param name="InactiveRecordsIgnored">Records marked <c>"isActive": false</c>: closed sessions, not state.</param>
/// <param name="Lineage">What the manifest records of it; null when the window starts without state.</param>
public sealed record PreviousState(List<Visit> Visits, long Sessions, long InactiveRecordsIgnored, ManifestPrevious? Lineage)
{
    public static PreviousState None => new([], 0, 0, null);
}
