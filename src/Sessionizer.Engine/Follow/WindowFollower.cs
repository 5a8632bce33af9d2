using Serilog;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Lineage;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Follow;

/// <summary>
/// Runs windows in order for as long as it lives (docs/reference.md §5.10): the next window is the
/// one after the last committed manifest (or <see cref="FollowSettings.From"/> when none is); once it
/// is ready (its marker file, or the clock past its end plus the allowed lateness) it goes through
/// <see cref="WindowRunner.Run"/>, the code path and commit of <c>run</c>. Waits are timers of the
/// <see cref="TimeProvider"/>, never a busy loop. Input not ready and a held lock are retried at the
/// poll interval; any other failure stops the follow (it never skips a window).
/// </summary>
public sealed class WindowFollower(RunSettings settings, FollowSettings follow, ILogger log, WindowRunner runner, TimeProvider? time = null)
{
    private readonly OutputLayout _layout = new(settings.OutputRoot);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly HashSet<Window> _unrerunnable = [];
    private Dictionary<Window, string> _warned = [];

    /// <summary>The next window of a rerun in progress (late data), up to <see cref="_rerunLast"/>, the last committed window when it began.</summary>
    private Rerun? _rerun;
    private Window _rerunLast;

    private bool HasInitialState => settings.NoPreviousState || settings.PreviousStateDirectory is not null;

    /// <summary>
    /// Follows until <see cref="FollowSettings.Until"/> is committed or <paramref name="cancel"/> is
    /// cancelled (both end normally). Throws <see cref="FollowRefusedException"/> when it cannot
    /// start as asked, and <see cref="RunFailedException"/> when a window fails for a reason a person
    /// must fix; its message says what, and at which window a restart resumes.
    /// </summary>
    public async Task<FollowResult> RunAsync(Action<FollowedWindow>? committed = null, CancellationToken cancel = default)
    {
        CheckStart();
        var notices = new HashSet<string>(StringComparer.Ordinal);
        Window? noticesOf = null;
        while (true)
        {
            var last = LineageScanner.LastCommitted(_layout);
            var rerun = _rerun ?? (last is { } l ? LateWindow(l) : null);
            if (rerun is not null && _rerun is null)
            {
                _rerunLast = last!.Value;
            }

            var window = rerun?.Window ?? last?.Next ?? follow.From!.Value;
            if (rerun is null && follow.Until is { } until && window > until)
            {
                return new FollowResult(FollowStop.Until, window);
            }

            if (rerun is null && window > Window.Last)
            {
                // The last runnable window is committed: the next one's end is past year 9999 (§6.5).
                return new FollowResult(FollowStop.LastWindow, window);
            }

            if (cancel.IsCancellationRequested)
            {
                return new FollowResult(FollowStop.CancelledWaiting, window);
            }

            if (window != noticesOf)
            {
                notices.Clear();
                noticesOf = window;
            }

            var wait = rerun is null ? Readiness(window, notices) : null;
            if (wait is null)
            {
                try
                {
                    var outcome = runner.Run(window, isFirst: rerun is null && last is null, cancel, withoutState: rerun?.WithoutState ?? false);
                    _rerun = rerun is not null && window < _rerunLast ? new Rerun(window.Next, WithoutState: false) : null;
                    committed?.Invoke(new FollowedWindow(outcome, _time.GetUtcNow() - End(window), rerun is not null));
                    continue;
                }
                catch (RunCancelledException)
                {
                    return new FollowResult(FollowStop.CancelledRunning, window);
                }
                catch (RunFailedException e) when (rerun is not null && e.Failure is RunFailure.InputNotReady)
                {
                    // Its input folder is gone (e.g. removed by retention): waiting would stop follow for good.
                    _rerun = null;
                    if (_unrerunnable.Add(window))
                    {
                        log.Warning("Window {Window} cannot be rerun (--reprocess-late): {Message} Its commit is kept; follow goes on",
                            window.ToString(), e.Message);
                    }

                    continue;
                }
                catch (RunFailedException e) when (e.Failure is RunFailure.InputNotReady or RunFailure.Locked)
                {
                    if (notices.Add(e.Failure.ToString()))
                    {
                        log.Information("Window {Window} cannot run yet ({Message}); retrying every {PollInterval}",
                            window.ToString(), e.Message, Duration.Format(follow.PollInterval));
                    }

                    wait = follow.PollInterval;
                }
                catch (RunFailedException e)
                {
                    throw new RunFailedException(e.Failure, $"{e.Message} {Resume(window, rerun is not null)}", e) { Window = window };
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new RunFailedException(RunFailure.Failed, $"Window {window} failed, nothing was committed for it: {e.Message} {Resume(window, rerun is not null)}", e)
                    {
                        Window = window,
                    };
                }
            }

            try
            {
                await Task.Delay(wait.Value, _time, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return new FollowResult(FollowStop.CancelledWaiting, window);
            }
        }
    }

    private static DateTimeOffset End(Window window) => DateTimeOffset.FromUnixTimeMilliseconds(window.EndMs);

    private static string Resume(Window window, bool rerun) => rerun
        ? $"Follow stopped while rerunning committed window {window} (--reprocess-late); its previous commit is kept: fix this, then restart follow with --reprocess-late; it reruns window {window} first."
        : $"Follow stopped and never skips a window: fix this, then restart follow; it resumes at window {window}.";

    /// <summary>A committed window to rerun before the next one; <see cref="WithoutState"/>: from no state, as it first ran.</summary>
    private sealed record Rerun(Window Window, bool WithoutState);

    /// <summary>
    /// Late data (§5.10): compares the input of the last <see cref="FollowSettings.LateWindowLookback"/>
    /// committed windows with what their folders hold now, warns once per change, and, with
    /// <see cref="FollowSettings.ReprocessLate"/>, returns the earliest of them to rerun: input changed,
    /// or stale (the state it consumed was replaced, e.g. by a rerun a restart interrupted). It and
    /// every window after it, up to the last committed one, are then rerun in order. Null: nothing to rerun.
    /// </summary>
    private Rerun? LateWindow(Window last)
    {
        if (follow.LateWindowLookback <= 0)
        {
            return null;
        }

        var since = last;
        for (var i = 1; i < follow.LateWindowLookback; i++)
        {
            since = since.Previous;
        }

        var report = LineageScanner.ScanSince(_layout, since, checkInput: true);
        var warned = new Dictionary<Window, string>();
        foreach (var changed in report.Windows.Where(w => w.IsInputChanged))
        {
            var changes = string.Join(", ", changed.InputChanges!);
            warned[changed.Window] = changes;
            if (_warned.TryGetValue(changed.Window, out var before) && before == changes)
            {
                continue;
            }

            if (follow.ReprocessLate)
            {
                log.Warning("Input of committed window {Window} changed since its commit: {Changes}; rerunning it and the windows its new state makes stale, in order (--reprocess-late)",
                    changed.Window.ToString(), changes);
            }
            else
            {
                log.Warning("Input of committed window {Window} changed since its commit: {Changes}; its outputs do not include this: rerun it and the windows after it (sessionizer run, or follow --reprocess-late)",
                    changed.Window.ToString(), changes);
            }
        }

        _warned = warned;
        if (!follow.ReprocessLate)
        {
            return null;
        }

        foreach (var candidate in report.Windows.Where(w => (w.IsInputChanged || w.IsStale) && !_unrerunnable.Contains(w.Window)))
        {
            if (File.Exists(_layout.ManifestPath(candidate.Window.Previous)))
            {
                return new Rerun(candidate.Window, WithoutState: false);
            }

            // No committed window before it: rerun it only if it started from no state (not from a --previous-state folder).
            if (candidate.Manifest?.Previous is null)
            {
                return new Rerun(candidate.Window, WithoutState: true);
            }

            if (_unrerunnable.Add(candidate.Window))
            {
                log.Warning("Window {Window} cannot be rerun by follow: no committed window precedes it and it started from a --previous-state folder; rerun it with sessionizer run --window {Window} --previous-state DIR, then follow reruns the windows after it",
                    candidate.Window.ToString(), candidate.Window.ToString());
            }
        }

        return null;
    }

    /// <summary>Refuses a start that could not continue the committed windows as they are.</summary>
    private void CheckStart()
    {
        var last = LineageScanner.LastCommitted(_layout);
        if (last is null)
        {
            if (follow.From is not { } from)
            {
                throw new FollowRefusedException(
                    $"Nothing is committed under {_layout.Root} yet: give --from H, the first window to run.");
            }

            if (!HasInitialState)
            {
                throw new FollowRefusedException(
                    $"Nothing is committed under {_layout.Root} yet, so window {from} has no committed previous window to read state from: " +
                    "pass --no-previous-state, or --previous-state DIR.");
            }

            return;
        }

        if (last.Value >= Window.Last && (follow.Until is null || follow.Until > last.Value))
        {
            throw new FollowRefusedException(
                $"Windows up to {last}, the last window the job can run, are committed under {_layout.Root}: there is no window left to follow.");
        }

        if (follow.From is { } f && f != last.Value.Next)
        {
            var why = f <= last.Value ? "would rewrite committed windows" : "would leave a gap";
            throw new FollowRefusedException(
                $"--from {f} {why}: windows up to {last} are committed under {_layout.Root}, so follow resumes at {last.Value.Next}. " +
                $"Leave out --from (or give --from {last.Value.Next}); rerun committed windows with sessionizer run.");
        }

        if (HasInitialState)
        {
            log.Information("Windows up to {Last} are committed: window {Next} reads its state from {Last}'s commit; --no-previous-state and --previous-state apply only when nothing is committed",
                last.ToString(), last.Value.Next.ToString(), last.ToString());
        }
    }

    /// <summary>Null when the window is ready to run; otherwise how long to wait before looking again.</summary>
    private TimeSpan? Readiness(Window window, HashSet<string> notices)
    {
        var directory = InputDiscovery.WindowDirectory(settings.InputRoot, window);
        var deadline = End(window) + follow.AllowedLateness;
        var now = _time.GetUtcNow();
        var exists = Directory.Exists(directory);
        if (follow.ReadyMarker is { } marker && File.Exists(Path.Combine(directory, marker)))
        {
            return null;
        }

        if (now >= deadline && !exists)
        {
            if (settings.AllowMissingInput)
            {
                log.Warning("Input of window {Window} is missing past its deadline {Deadline:u}: {Folder} does not exist; running it with no new events (--allow-missing-input)",
                    window.ToString(), deadline, directory);
                return null;
            }

            if (notices.Add("missing"))
            {
                log.Warning("Input of window {Window} is missing past its deadline {Deadline:u}: {Folder} does not exist; waiting for it (pass --allow-missing-input to run such windows with no new events)",
                    window.ToString(), deadline, directory);
            }

            return follow.PollInterval;
        }

        if (follow.ReadyMarker is { } waitedFor)
        {
            if (notices.Add("marker"))
            {
                log.Information("Waiting for window {Window}: no {Marker} in {Folder} yet; checking every {PollInterval}",
                    window.ToString(), waitedFor, directory, Duration.Format(follow.PollInterval));
            }

            return follow.PollInterval;
        }

        if (now >= deadline)
        {
            return null;
        }

        if (notices.Add("clock"))
        {
            log.Information("Waiting for window {Window} until {Deadline:u}: its end plus the allowed lateness of {AllowedLateness}",
                window.ToString(), deadline, Duration.Format(follow.AllowedLateness));
        }

        var untilDeadline = deadline - now;
        return untilDeadline < follow.PollInterval ? untilDeadline : follow.PollInterval;
    }
}
