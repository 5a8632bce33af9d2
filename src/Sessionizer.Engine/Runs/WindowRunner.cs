using System.Diagnostics;
using Serilog;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Commit;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.State;

namespace Sessionizer.Engine.Runs;

/// <summary>
/// Runs windows, the flow every engine shares: holds the window's lock, finds its input files, reads
/// and checks the previous window's state, has the engine (<see cref="WindowEngine"/>; the local one
/// by default) read the input and write the three outputs into staging, and commits them with the
/// manifest last, or nothing.
/// </summary>
public sealed class WindowRunner(RunSettings settings, ILogger log, WindowEngine? engine = null)
{
    private readonly OutputLayout _layout = new(settings.OutputRoot);
    private readonly WindowEngine _engine = engine ?? new LocalEngine(log);

    /// <summary>
    /// Runs <paramref name="from"/>..<paramref name="to"/> in order, each reading the previous one's
    /// state, and reports each commit as it happens; stops at the first failure (its exception).
    /// Cancelled, it stops with <see cref="RunCancelledException"/> naming the window that did not
    /// commit; the windows before it stay committed.
    /// </summary>
    public IReadOnlyList<WindowOutcome> RunRange(Window from, Window to, Action<WindowOutcome>? committed = null, CancellationToken cancel = default)
    {
        var outcomes = new List<WindowOutcome>();
        for (var window = from; window <= to; window = window.Next)
        {
            var outcome = Run(window, isFirst: window == from, cancel);
            committed?.Invoke(outcome);
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>
    /// Runs one window. <paramref name="isFirst"/>: the first of a range, to which --no-previous-state
    /// and --previous-state apply. <paramref name="cancel"/> is checked between phases, per input split
    /// and per user range; cancelled, the window commits nothing (unless its commit had started
    /// swapping directories, which then completes) and <see cref="RunCancelledException"/> is thrown
    /// once its staging is removed and its lock released. <paramref name="withoutState"/>: start from no
    /// previous state whatever the settings (<c>follow</c> rerunning a window that started so).
    /// </summary>
    public WindowOutcome Run(Window window, bool isFirst = true, CancellationToken cancel = default, bool withoutState = false)
    {
        try
        {
            return RunWindow(window, isFirst, withoutState, cancel);
        }
        catch (RunFailedException e)
        {
            e.Window ??= window;
            throw;
        }
        catch (OperationCanceledException e) when (cancel.IsCancellationRequested && e is not RunCancelledException)
        {
            // The `using`s of RunWindow have removed the staging and released the lock by now.
            throw new RunCancelledException(window, e);
        }
    }

    private WindowOutcome RunWindow(Window window, bool isFirst, bool withoutState, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var windowLock = WindowLock.Acquire(_layout, window);

        var files = InputDiscovery.Find(settings.InputRoot, window, out var ignored);
        if (files is null && !settings.AllowMissingInput)
        {
            throw new RunFailedException(RunFailure.InputNotReady,
                $"Input for window {window} is not ready: {InputDiscovery.WindowDirectory(settings.InputRoot, window)} does not exist. " +
                "Retry later, or pass --allow-missing-input to run the window with no new events.");
        }

        foreach (var entry in ignored)
        {
            log.Warning("Ignoring {File}: {Reason}", entry.RelativePath, entry.Reason);
        }

        var vocabulary = new Vocabulary();
        var state = withoutState ? PreviousState.None : ReadState(window, isFirst, vocabulary);
        cancel.ThrowIfCancellationRequested();

        using var commit = WindowCommit.Begin(_layout, window);
        var staging = OutputLayout.DataKinds.ToDictionary(kind => kind, commit.StagingDirectory);
        var product = _engine.Produce(new WindowWork(window, files, state, settings, vocabulary, staging), cancel);
        cancel.ThrowIfCancellationRequested();
        var manifest = WindowManifest.Of(window, _engine.Name, settings, started, Path.GetFullPath(settings.InputRoot), files, state, product);
        var inputBytes = WindowProgress.TotalBytesOf(files);
        settings.Progress?.Report(new WindowProgress(window, WindowPhase.Committing, inputBytes, inputBytes, product.Input.ValidEvents));
        commit.Publish(manifest, cancel);
        var memory = GC.GetGCMemoryInfo();
        log.Debug("Window {Window}: {Engine} engine {Produce:0.000}s in all, then commit; GC heap {HeapMB} MB, committed {CommittedMB} MB, {Gen0}/{Gen1}/{Gen2} collections",
            window.ToString(), _engine.Name, clock.Elapsed.TotalSeconds, memory.HeapSizeBytes >> 20, memory.TotalCommittedBytes >> 20,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        return new WindowOutcome(window, manifest, clock.Elapsed);
    }

    private PreviousState ReadState(Window window, bool isFirst, Vocabulary vocabulary)
    {
        if (isFirst && settings.NoPreviousState)
        {
            return PreviousState.None;
        }

        if (isFirst && settings.PreviousStateDirectory is { } directory)
        {
            var state = StateReader.FromDirectory(directory, vocabulary, out var ignored);
            foreach (var entry in ignored)
            {
                log.Warning("Ignoring {File} of the previous-state folder {Folder}: {Reason}", entry.RelativePath, directory, entry.Reason);
            }

            if (state.Lineage?.Files is { Count: 0 })
            {
                // Probably the wrong folder: say so rather than start from nothing in silence.
                log.Warning("The previous-state folder {Folder} holds no state file (.json, .jsonl, optionally .gz): window {Window} carries in no sessions",
                    state.Lineage.Path, window.ToString());
            }

            return state;
        }

        return StateReader.FromCommittedWindow(_layout, window.Previous, vocabulary);
    }
}
