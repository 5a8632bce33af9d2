namespace Sessionizer.Core.Records;

/// <summary>What a window counted (docs/reference.md §4.6).</summary>
public sealed record ManifestCounts
{
    /// <summary>Non-blank input lines: <see cref="ValidEvents"/> + <see cref="Rejected"/>.</summary>
    public long InputLines { get; init; }

    /// <summary>Empty or whitespace-only lines: skipped, neither valid nor rejected, not in <see cref="InputLines"/>.</summary>
    public long BlankLines { get; init; }

    public long ValidEvents { get; init; }

    public long Rejected { get; init; }

    public IReadOnlyDictionary<string, long> RejectedByReason { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    public long Duplicates { get; init; }

    public long EventsBeforeWindow { get; init; }

    public long EventsAfterWindow { get; init; }

    public long PreviousActiveSessions { get; init; }

    /// <summary>Records of the previous state marked <c>"isActive": false</c> (closed sessions, not state), which were not used.</summary>
    public long PreviousInactiveRecordsIgnored { get; init; }

    public long ActiveSessions { get; init; }

    public long ClosedSessions { get; init; }

    public IReadOnlyDictionary<string, long> ClosedByReason { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);
}
