namespace Sessionizer.Core.Records;

/// <summary>What a window counted (SPEC §4).</summary>
public sealed record ManifestCounts
{
    public long InputLines { get; init; }

    public long ValidEvents { get; init; }

    public long Rejected { get; init; }

    public IReadOnlyDictionary<string, long> RejectedByReason { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    public long Duplicates { get; init; }

    public long EventsBeforeWindow { get; init; }

    public long EventsAfterWindow { get; init; }

    public long PreviousActiveSessions { get; init; }

    public long ActiveSessions { get; init; }

    public long ClosedSessions { get; init; }

    public IReadOnlyDictionary<string, long> ClosedByReason { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);
}
