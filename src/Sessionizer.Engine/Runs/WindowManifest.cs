using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.State;

namespace Sessionizer.Engine.Runs;

/// <summary>A window's manifest as every flow fills it (the local flow, and the Spark runner's), from what the run read and produced.</summary>
public static class WindowManifest
{
    /// <param name="inputRoot">The input root as the manifest records it (absolute, or a Hadoop path).</param>
    /// <param name="files">The window's input files; null when its folder was missing.</param>
    public static Manifest Of(Window window, string engine, RunSettings settings, DateTimeOffset started, string inputRoot,
        IReadOnlyList<InputFile>? files, PreviousState state, WindowProduct product) => new()
        {
            Window = window.ToString(),
            Engine = engine,
            Version = ProductVersion.Current,
            Parameters = Parameters(settings, noPreviousState: state.Lineage is null),
            Started = started,
            Finished = DateTimeOffset.UtcNow,
            Input = new ManifestInput
            {
                Root = inputRoot,
                Missing = files is null,
                Files = (files ?? []).Select(f => new ManifestFile { Path = f.RelativePath, Bytes = f.Bytes }).ToList(),
            },
            Previous = state.Lineage,
            Counts = Counts(product, state),
            Outputs = [product.Active, product.Closed, product.Rejected],
        };

    private static ManifestParameters Parameters(RunSettings settings, bool noPreviousState) => new()
    {
        InactivityTimeout = Duration.Format(TimeSpan.FromMilliseconds(settings.Rules.InactivityTimeoutMs)),
        MaxSessionDuration = Duration.Format(TimeSpan.FromMilliseconds(settings.Rules.MaxSessionDurationMs)),
        ClosingPages = settings.Rules.ClosingPages,
        MaxRejectedFraction = settings.MaxRejectedFraction,
        AllowMissingInput = settings.AllowMissingInput,
        NoPreviousState = noPreviousState,
        CompressionLevel = CompressionLevelNames.NameOf(settings.CompressionLevel),
    };

    private static ManifestCounts Counts(WindowProduct sessions, PreviousState state)
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
