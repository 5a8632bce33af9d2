using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.State;

namespace Sessionizer.Engine.Runs;

/// <summary>The parts of a window's manifest every flow fills alike: the run's parameters and its counts.</summary>
public static class WindowManifest
{
    public static ManifestParameters Parameters(RunSettings settings, bool noPreviousState) => new()
    {
        InactivityTimeout = Duration.Format(TimeSpan.FromMilliseconds(settings.Rules.InactivityTimeoutMs)),
        MaxSessionDuration = Duration.Format(TimeSpan.FromMilliseconds(settings.Rules.MaxSessionDurationMs)),
        ClosingPages = settings.Rules.ClosingPages,
        MaxRejectedFraction = settings.MaxRejectedFraction,
        AllowMissingInput = settings.AllowMissingInput,
        NoPreviousState = noPreviousState,
        CompressionLevel = settings.CompressionLevel switch
        {
            System.IO.Compression.CompressionLevel.Optimal => "optimal",
            System.IO.Compression.CompressionLevel.SmallestSize => "smallest",
            System.IO.Compression.CompressionLevel.NoCompression => "none",
            _ => "fastest",
        },
    };

    public static ManifestCounts Counts(WindowProduct sessions, PreviousState state)
    {
        var counts = sessions.Input;
        return new ManifestCounts
        {
            InputLines = counts.Lines,
            BlankLines = counts.BlankLines,
            ValidEvents = counts.ValidEvents,
            Rejected = counts.Rejected,
            RejectedByReason = new SortedDictionary<string, long>(
                RejectionReasons.All.Where(r => counts.RejectedFor(r) > 0).ToDictionary(r => r.Code(), counts.RejectedFor), StringComparer.Ordinal),
            Duplicates = sessions.Duplicates,
            EventsBeforeWindow = counts.EventsBeforeWindow,
            EventsAfterWindow = counts.EventsAfterWindow,
            PreviousActiveSessions = state.Sessions,
            PreviousInactiveRecordsIgnored = state.InactiveRecordsIgnored,
            ActiveSessions = sessions.ActiveSessions,
            ClosedSessions = sessions.ClosedSessions,
            ClosedByReason = new SortedDictionary<string, long>(
                EndReasons.All.ToDictionary(r => r.Code(), r => sessions.ClosedByReason[(int)r]), StringComparer.Ordinal),
        };
    }
}
