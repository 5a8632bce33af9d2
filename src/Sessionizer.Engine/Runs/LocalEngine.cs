using Serilog;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Partitioning;

namespace Sessionizer.Engine.Runs;

/// <summary>
/// The local engine: reads and validates the input on all cores, cuts users into ranges sessionized
/// in parallel, and writes the parts; every event is a 24-byte struct, so memory grows by a small
/// constant per event.
/// </summary>
public sealed class LocalEngine(ILogger log) : WindowEngine
{
    public override string Name => "local";

    public override WindowProduct Produce(WindowWork work, CancellationToken cancel)
    {
        var (window, files, state, settings) = (work.Window, work.Files, work.State, work.Settings);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var input = files is null
            ? WindowInput.Empty()
            : InputReader.Read(files, work.Vocabulary, window, settings.Parallelism, settings.SplitBytes, cancel, settings.Progress);
        QualityGate.Check(window, input.Counts, input.Rejected, settings.MaxRejectedFraction);
        cancel.ThrowIfCancellationRequested();
        var readTime = clock.Elapsed;
        var inputBytes = WindowProgress.TotalBytesOf(files);
        WindowProgress.Report(work, WindowPhase.Sessionizing, inputBytes, input.Counts.ValidEvents);

        // Users are cut into ranges sessionized in parallel; the state's pages join their users' ranges.
        var stateVisits = new VisitBlocks();
        stateVisits.AddRange(state.Visits);
        var sample = input.SampledUsers;
        sample.AddRange(state.Visits.Where(v => UserRanges.IsSampled(v.UserId, v.EventTimeMs)).Select(v => v.UserId));
        var totalVisits = stateVisits.Count + input.Visits.Sum(v => v.Count);
        var userRanges = UserRanges.FromSample(sample, totalVisits, settings.VisitsPerRange);
        var byRange = Scatter.ByUserRange([.. input.Visits, stateVisits], userRanges, settings.Parallelism);
        var scatterTime = clock.Elapsed;
        cancel.ThrowIfCancellationRequested();

        var sessions = ParallelSessionizer.SessionizeAndWrite(byRange, work.Vocabulary, settings.Rules, window, work.Staging[OutputLayout.ActiveSessions],
            work.Staging[OutputLayout.ClosedSessions], settings.CompressionLevel, settings.Parallelism, cancel);
        cancel.ThrowIfCancellationRequested();
        var sessionTime = clock.Elapsed;
        WindowProgress.Report(work, WindowPhase.Writing, inputBytes, input.Counts.ValidEvents);
        var rejected = RejectedPart.Write(work.Staging[OutputLayout.Rejected], window, input.Rejected, settings.CompressionLevel);
        log.Debug("Window {Window} phases: read {Read:0.000}s, partition into {Ranges} user ranges {Scatter:0.000}s, sessionize and write {Sessions:0.000}s, rejected {Rejected:0.000}s",
            window.ToString(), readTime.TotalSeconds, userRanges.Count, (scatterTime - readTime).TotalSeconds,
            (sessionTime - scatterTime).TotalSeconds, (clock.Elapsed - sessionTime).TotalSeconds);
        return new WindowProduct(input.Counts, sessions.Duplicates, sessions.ActiveSessions, sessions.ClosedSessions, sessions.ClosedByReason,
            sessions.Active, sessions.Closed, rejected);
    }
}
