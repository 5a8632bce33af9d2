using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Commit;
using Sessionizer.Engine.Follow;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Lineage;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>
/// docs/reference.md §5.10: <c>follow</c> runs windows in order on a clock the test drives: readiness
/// by marker and by clock plus lateness, catch-up, restart from the manifests, waits and retries,
/// and stops.
/// </summary>
public sealed class FollowTests : IDisposable
{
    private static readonly Window W = Sandbox.W;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    private readonly Sandbox _sandbox = new();
    private readonly List<FollowedWindow> _committed = [];

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_window_with_a_marker_waits_for_the_marker_even_long_past_its_end_then_runs()
    {
        WriteHours(1);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(1));
        clock.OnWait = i =>
        {
            _sandbox.AssertNothingCommitted(W);
            if (i == 1)
            {
                File.WriteAllText(Path.Combine(_sandbox.InputDirectory(W), "_SUCCESS"), "");
            }
        };

        var result = Follow(clock, new FollowSettings { From = W, ReadyMarker = "_SUCCESS", Until = W, PollInterval = Poll });

        Assert.Equal(new FollowResult(FollowStop.Until, W.Next), result);
        Assert.Equal([Poll, Poll], clock.Waits);
        Assert.Equal([W], _committed.Select(c => c.Outcome.Window));
        Assert.Equal(TimeSpan.FromHours(1) + Poll + Poll, _committed[0].Lag);
    }

    [Fact]
    public void Without_a_marker_a_window_is_ready_once_the_clock_passes_its_end_plus_the_allowed_lateness()
    {
        WriteHours(1);
        var clock = new ManualClock(End(W) - TimeSpan.FromSeconds(10));
        clock.OnWait = _ => _sandbox.AssertNothingCommitted(W);

        Follow(clock, new FollowSettings { From = W, Until = W, PollInterval = Poll, AllowedLateness = TimeSpan.FromMinutes(2) });

        // Polls every 30 s, the last wait shortened to end at the deadline: 2 min 10 s in all, no busy loop.
        Assert.Equal(5, clock.Waits.Count);
        Assert.All(clock.Waits, w => Assert.InRange(w, TimeSpan.FromSeconds(1), Poll));
        Assert.Equal(TimeSpan.FromSeconds(130), clock.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.Equal(TimeSpan.FromMinutes(2), _committed.Single().Lag);
    }

    [Fact]
    public void After_downtime_the_backlog_runs_back_to_back_and_equals_a_run_of_the_range()
    {
        WriteHours(4);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));

        var result = Follow(clock, new FollowSettings { From = W, Until = Hour(3), PollInterval = Poll });

        Assert.Equal(FollowStop.Until, result.Stop);
        Assert.Empty(clock.Waits);
        Assert.Equal([W, Hour(1), Hour(2), Hour(3)], _committed.Select(c => c.Outcome.Window));
        AssertEqualToRunOfTheRange(4);
    }

    [Fact]
    public void A_restart_resumes_after_the_last_manifest_runs_nothing_twice_and_equals_a_run_of_the_range()
    {
        WriteHours(4);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));
        Follow(clock, new FollowSettings { From = W, Until = Hour(1), PollInterval = Poll });
        var firstManifest = File.ReadAllBytes(_sandbox.ManifestPath(W));
        _committed.Clear();

        // A leftover of a killed run (staging of the next window) does not matter: the next run of it removes it.
        Directory.CreateDirectory(Path.Combine(_sandbox.OutputRoot, OutputLayout.Temporary, Hour(2).ToString(), "active-sessions"));
        var result = Follow(clock, new FollowSettings { Until = Hour(3), PollInterval = Poll });

        Assert.Equal(new FollowResult(FollowStop.Until, Hour(4)), result);
        Assert.Equal([Hour(2), Hour(3)], _committed.Select(c => c.Outcome.Window));
        Assert.Equal(firstManifest, File.ReadAllBytes(_sandbox.ManifestPath(W)));
        AssertEqualToRunOfTheRange(4);
    }

    [Fact]
    public void A_locked_window_is_retried_at_the_poll_interval_and_runs_once_the_lock_is_released()
    {
        WriteHours(1);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(1));
        var held = WindowLock.Acquire(new OutputLayout(_sandbox.OutputRoot), W);
        var log = new CapturedLog();
        clock.OnWait = i =>
        {
            if (i == 2)
            {
                held.Dispose();
            }
        };

        Follow(clock, new FollowSettings { From = W, Until = W, PollInterval = Poll }, log: log);

        Assert.Equal([Poll, Poll, Poll], clock.Waits);
        Assert.Equal([W], _committed.Select(c => c.Outcome.Window));
        Assert.Single(log.Informations, m => m.Contains("cannot run yet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quality_gate_failure_stops_follow_with_the_failure_and_how_to_resume_and_skips_nothing()
    {
        _sandbox.Input(W, "a.json", "not json", "nor this");
        WriteHour(1);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));

        var failure = Assert.Throws<RunFailedException>(() => Follow(clock, new FollowSettings { From = W, Until = Hour(1), PollInterval = Poll }));

        Assert.Equal(RunFailure.QualityGate, failure.Failure);
        Assert.Contains("fix this, then restart follow; it resumes at window 2019-01-28T10", failure.Message, StringComparison.Ordinal);
        _sandbox.AssertNothingCommitted(W);
        _sandbox.AssertNothingCommitted(Hour(1));
    }

    [Fact]
    public void Input_missing_past_its_deadline_waits_with_one_warning_or_runs_empty_with_allow_missing_input()
    {
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(1));
        using var cancel = new CancellationTokenSource();
        clock.OnWait = i =>
        {
            if (i == 3)
            {
                cancel.Cancel();
            }
        };
        var log = new CapturedLog();

        var waiting = Follow(clock, new FollowSettings { From = W, Until = W, PollInterval = Poll }, log: log, cancel: cancel.Token);

        Assert.Equal(new FollowResult(FollowStop.CancelledWaiting, W), waiting);
        Assert.Single(log.Warnings, m => m.Contains("missing past its deadline", StringComparison.Ordinal));
        _sandbox.AssertNothingCommitted(W);

        Follow(clock, new FollowSettings { From = W, Until = W, PollInterval = Poll }, _sandbox.Settings with { AllowMissingInput = true });

        Assert.Equal(0, _sandbox.Count(W, "input_lines"));
        Assert.True(_sandbox.Manifest(W).GetProperty("input").GetProperty("missing").GetBoolean());
    }

    [Fact]
    public async Task A_cancel_between_windows_keeps_the_windows_committed_and_says_where_a_restart_resumes()
    {
        WriteHours(3);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));
        using var cancel = new CancellationTokenSource();

        var result = await new WindowFollower(_sandbox.Settings, new FollowSettings { From = W }, Sandbox.SilentLog, new WindowRunner(_sandbox.Settings, Sandbox.SilentLog), clock)
            .RunAsync(c => cancel.Cancel(), cancel.Token);

        Assert.Equal(new FollowResult(FollowStop.CancelledWaiting, Hour(1)), result);
        Assert.True(File.Exists(_sandbox.ManifestPath(W)));
        _sandbox.AssertNothingCommitted(Hour(1));
    }

    [Fact]
    public void A_start_that_would_leave_a_gap_or_rewrite_committed_windows_or_has_no_first_window_is_refused()
    {
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));
        var none = Assert.Throws<FollowRefusedException>(() => Follow(clock, new FollowSettings()));
        Assert.StartsWith("Nothing is committed under", none.Message, StringComparison.Ordinal);
        var noState = Assert.Throws<FollowRefusedException>(() => Follow(clock, new FollowSettings { From = W }, _sandbox.Settings with { NoPreviousState = false }));
        Assert.Contains("pass --no-previous-state, or --previous-state DIR", noState.Message, StringComparison.Ordinal);

        WriteHours(1);
        _sandbox.Run(W);
        var rewrite = Assert.Throws<FollowRefusedException>(() => Follow(clock, new FollowSettings { From = W }));
        var gap = Assert.Throws<FollowRefusedException>(() => Follow(clock, new FollowSettings { From = Hour(2) }));

        Assert.StartsWith("--from 2019-01-28T10 would rewrite committed windows: windows up to 2019-01-28T10 are committed under ", rewrite.Message, StringComparison.Ordinal);
        Assert.EndsWith("so follow resumes at 2019-01-28T11. Leave out --from (or give --from 2019-01-28T11); rerun committed windows with sessionizer run.", rewrite.Message, StringComparison.Ordinal);
        Assert.StartsWith("--from 2019-01-28T12 would leave a gap: ", gap.Message, StringComparison.Ordinal);
        Assert.Empty(_committed);
    }

    [Fact]
    public void Late_data_is_compared_by_relative_path_and_size_new_grown_shrunk_and_removed_files()
    {
        ManifestFile F(string path, long bytes) => new() { Path = path, Bytes = bytes };
        InputFile N(string path, long bytes) => new("/x/" + path, path, bytes);

        var changes = InputChanges.Compare(
            [F("h/a.json", 10), F("h/b.json", 20), F("h/c.json", 30), F("h/d.json", 40)],
            [N("h/a.json", 10), N("h/b.json", 25), N("h/c.json", 5), N("h/e.json", 7)]);

        Assert.Equal(["h/b.json (20 -> 25 bytes)", "h/c.json (30 -> 5 bytes)", "h/d.json (removed, was 40 bytes)", "h/e.json (new, 7 bytes)"],
            changes.Select(c => c.ToString()));
        Assert.Empty(InputChanges.Compare([F("h/a.json", 10)], [N("h/a.json", 10)]));
    }

    [Fact]
    public void Late_data_in_committed_windows_is_warned_once_per_change_and_shown_by_the_lineage_scan_without_rerunning()
    {
        WriteHours(3);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));
        Follow(clock, new FollowSettings { From = W, Until = Hour(1), PollInterval = Poll });
        var manifests = new[] { W, Hour(1) }.Select(w => File.ReadAllBytes(_sandbox.ManifestPath(w))).ToList();
        _committed.Clear();

        File.AppendAllText(Path.Combine(_sandbox.InputDirectory(W), "a.json"), Visit(7, "10:30:00", "late") + "\n");
        _sandbox.Input(Hour(1), "b.json", Visit(8, "11:30:00", "late"));
        var log = new CapturedLog();
        var marker = Path.Combine(_sandbox.InputDirectory(Hour(2)), "_SUCCESS");
        clock.OnWait = i =>
        {
            if (i == 2)
            {
                File.WriteAllText(marker, "");
            }
        };
        Follow(clock, new FollowSettings { Until = Hour(2), PollInterval = Poll, ReadyMarker = "_SUCCESS" }, log: log);

        // Three polls and a run: one warning per changed window, naming it and its files.
        Assert.Equal(3, clock.Waits.Count);
        var warnings = log.Warnings.Where(m => m.Contains("changed since its commit", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("Input of committed window 2019-01-28T10 changed since its commit: 2019/01/28/10/a.json (", warnings[0], StringComparison.Ordinal);
        Assert.Contains("Input of committed window 2019-01-28T11 changed since its commit: 2019/01/28/11/b.json (new, ", warnings[1], StringComparison.Ordinal);
        Assert.Equal([Hour(2)], _committed.Select(c => c.Outcome.Window));
        Assert.Equal(manifests, new[] { W, Hour(1) }.Select(w => File.ReadAllBytes(_sandbox.ManifestPath(w))));

        var report = LineageScanner.Scan(new OutputLayout(_sandbox.OutputRoot), checkInput: true);
        Assert.Equal([true, true, false], report.Windows.Select(w => w.IsInputChanged));
        Assert.Equal([Freshness.Current, Freshness.Current, Freshness.Current], report.Windows.Select(w => w.Freshness));

        // The input root the manifests recorded is not reachable: nothing said about input, lineage as it was.
        Directory.Move(_sandbox.InputRoot, _sandbox.InputRoot + ".moved");
        Assert.All(LineageScanner.Scan(new OutputLayout(_sandbox.OutputRoot), checkInput: true).Windows, w => Assert.Null(w.InputChanges));
    }

    [Fact]
    public void With_reprocess_late_a_changed_window_and_the_windows_after_it_rerun_in_order_and_equal_a_run_of_the_range()
    {
        WriteHours(4);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));
        Follow(clock, new FollowSettings { From = W, Until = Hour(3), PollInterval = Poll });
        var first = File.ReadAllBytes(_sandbox.ManifestPath(W));
        _committed.Clear();

        // User 1, active in every window, visits again late in hour 1: the state of hours 1..3 changes.
        File.AppendAllText(Path.Combine(_sandbox.InputDirectory(Hour(1)), "a.json"), Visit(1, "11:58:00", "late") + "\n");
        var log = new CapturedLog();
        var result = Follow(clock, new FollowSettings { Until = Hour(3), PollInterval = Poll, ReprocessLate = true }, log: log);

        Assert.Equal(new FollowResult(FollowStop.Until, Hour(4)), result);
        Assert.Equal([Hour(1), Hour(2), Hour(3)], _committed.Select(c => c.Outcome.Window));
        Assert.All(_committed, c => Assert.True(c.Reprocessed));
        Assert.Single(log.Warnings, m => m.Contains("Input of committed window 2019-01-28T11 changed since its commit", StringComparison.Ordinal) && m.Contains("--reprocess-late", StringComparison.Ordinal));
        Assert.Equal(first, File.ReadAllBytes(_sandbox.ManifestPath(W)));
        var started = _committed.Select(c => c.Outcome.Manifest.Started).ToList();
        Assert.Equal(started.Order(), started);
        Assert.All(LineageScanner.Scan(new OutputLayout(_sandbox.OutputRoot), checkInput: true).Windows, w =>
        {
            Assert.Equal(Freshness.Current, w.Freshness);
            Assert.False(w.IsInputChanged);
        });
        AssertEqualToRunOfTheRange(4);
    }

    [Fact]
    public void With_reprocess_late_stale_windows_left_by_an_interrupted_rerun_are_rerun_in_order()
    {
        WriteHours(4);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));
        Follow(clock, new FollowSettings { From = W, Until = Hour(3), PollInterval = Poll });
        _committed.Clear();

        // As if a rerun stopped after its first window: hour 1 rerun with late data, hours 2 and 3 now stale.
        File.AppendAllText(Path.Combine(_sandbox.InputDirectory(Hour(1)), "a.json"), Visit(1, "11:58:00", "late") + "\n");
        new WindowRunner(_sandbox.Settings, Sandbox.SilentLog).Run(Hour(1), isFirst: false);
        Assert.Equal([Freshness.Current, Freshness.Current, Freshness.Stale, Freshness.StaleUpstream],
            LineageScanner.Scan(new OutputLayout(_sandbox.OutputRoot)).Windows.Select(w => w.Freshness));

        Follow(clock, new FollowSettings { Until = Hour(3), PollInterval = Poll, ReprocessLate = true });

        Assert.Equal([Hour(2), Hour(3)], _committed.Select(c => c.Outcome.Window));
        Assert.All(LineageScanner.Scan(new OutputLayout(_sandbox.OutputRoot)).Windows, w => Assert.Equal(Freshness.Current, w.Freshness));
        AssertEqualToRunOfTheRange(4);
    }

    [Fact]
    public void With_reprocess_late_a_window_whose_input_folder_is_gone_is_warned_about_once_and_follow_goes_on()
    {
        WriteHours(3);
        var clock = new ManualClock(End(W) + TimeSpan.FromHours(5));
        Follow(clock, new FollowSettings { From = W, Until = Hour(1), PollInterval = Poll });
        var kept = File.ReadAllBytes(_sandbox.ManifestPath(Hour(1)));
        _committed.Clear();
        Directory.Delete(_sandbox.InputDirectory(Hour(1)), recursive: true);
        var log = new CapturedLog();

        Follow(clock, new FollowSettings { Until = Hour(2), PollInterval = Poll, ReprocessLate = true }, log: log);

        Assert.Equal([Hour(2)], _committed.Select(c => c.Outcome.Window));
        Assert.Single(log.Warnings, m => m.StartsWith("Window 2019-01-28T11 cannot be rerun (--reprocess-late): Input for window 2019-01-28T11 is not ready", StringComparison.Ordinal));
        Assert.Equal(kept, File.ReadAllBytes(_sandbox.ManifestPath(Hour(1))));
    }

    [Fact]
    public void The_metrics_file_is_prometheus_text_of_the_last_window_replaced_atomically()
    {
        WriteHours(1);
        var clock = new ManualClock(End(W) + TimeSpan.FromSeconds(90));
        Follow(clock, new FollowSettings { From = W, Until = W, PollInterval = Poll });
        var window = _committed.Single() with { Outcome = _committed.Single().Outcome with { Elapsed = TimeSpan.FromMilliseconds(1234.5) } };
        var path = Path.Combine(_sandbox.Root, "sessionizer.prom");
        File.WriteAllText(path, "old");

        FollowMetrics.Write(path, window);

        Assert.Equal(
            "# HELP sessionizer_last_committed_window_end_timestamp_seconds End of the last window follow committed, Unix time.\n" +
            "# TYPE sessionizer_last_committed_window_end_timestamp_seconds gauge\n" +
            "sessionizer_last_committed_window_end_timestamp_seconds 1548673200\n" +
            "# HELP sessionizer_last_window_lag_seconds Commit time of the last window minus its end.\n" +
            "# TYPE sessionizer_last_window_lag_seconds gauge\n" +
            "sessionizer_last_window_lag_seconds 300\n" +
            "# HELP sessionizer_last_window_valid_events Valid events of the last window.\n" +
            "# TYPE sessionizer_last_window_valid_events gauge\n" +
            "sessionizer_last_window_valid_events 3\n" +
            "# HELP sessionizer_last_window_rejected_lines Rejected input lines of the last window.\n" +
            "# TYPE sessionizer_last_window_rejected_lines gauge\n" +
            "sessionizer_last_window_rejected_lines 0\n" +
            "# HELP sessionizer_last_window_closed_sessions Sessions the last window closed.\n" +
            "# TYPE sessionizer_last_window_closed_sessions gauge\n" +
            "sessionizer_last_window_closed_sessions 2\n" +
            "# HELP sessionizer_last_window_active_sessions Sessions still active at the end of the last window.\n" +
            "# TYPE sessionizer_last_window_active_sessions gauge\n" +
            "sessionizer_last_window_active_sessions 1\n" +
            "# HELP sessionizer_last_window_duration_seconds How long the last window's run took.\n" +
            "# TYPE sessionizer_last_window_duration_seconds gauge\n" +
            "sessionizer_last_window_duration_seconds 1.235\n",
            File.ReadAllText(path));
        Assert.Equal(["sessionizer.prom"], Directory.GetFiles(_sandbox.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Follow_stops_once_the_last_runnable_window_is_committed_instead_of_looking_past_year_9999()
    {
        var clock = new ManualClock(End(Window.Last) + TimeSpan.FromMinutes(10));
        var settings = _sandbox.Settings with { AllowMissingInput = true };

        var result = Follow(clock, new FollowSettings { From = Window.Last.Previous, PollInterval = Poll }, settings);

        Assert.Equal(new FollowResult(FollowStop.LastWindow, Window.Last.Next), result);
        Assert.Equal([Window.Last.Previous, Window.Last], _committed.Select(c => c.Outcome.Window));
    }

    [Fact]
    public void Follow_refuses_to_start_when_the_last_runnable_window_is_committed()
    {
        _sandbox.Run(Window.Last, _sandbox.Settings with { AllowMissingInput = true });

        var refused = Assert.Throws<FollowRefusedException>(() => Follow(new ManualClock(End(Window.Last)), new FollowSettings { PollInterval = Poll }));

        Assert.Contains("9999-12-31T22", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_named_after_a_window_the_job_cannot_run_is_not_a_committed_window()
    {
        WriteHours(1);
        Directory.CreateDirectory(Path.Combine(_sandbox.OutputRoot, "manifests"));
        File.WriteAllText(Path.Combine(_sandbox.OutputRoot, "manifests", "9999-12-31T23.json"), "{}");

        var result = Follow(new ManualClock(End(W) + TimeSpan.FromHours(1)), new FollowSettings { From = W, Until = W, PollInterval = Poll });

        Assert.Equal(new FollowResult(FollowStop.Until, W.Next), result);
    }

    private static Window Hour(int n)
    {
        var window = W;
        for (var i = 0; i < n; i++)
        {
            window = window.Next;
        }

        return window;
    }

    private static DateTimeOffset End(Window window) => DateTimeOffset.FromUnixTimeMilliseconds(window.EndMs);

    /// <summary>Inputs of windows W, W+1, ...: user 1 active across all of them (state carries over), one new user per window.</summary>
    private void WriteHours(int count)
    {
        for (var n = 0; n < count; n++)
        {
            WriteHour(n);
        }
    }

    private void WriteHour(int n)
    {
        var hour = (10 + n).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        _sandbox.Input(Hour(n), "a.json", Visit(1, $"{hour}:05:00", "a"), Visit(1, $"{hour}:55:00", "b"), Visit(100 + n, $"{hour}:20:00", "c"));
    }

    private FollowResult Follow(ManualClock clock, FollowSettings follow, RunSettings? settings = null, CapturedLog? log = null, CancellationToken cancel = default)
    {
        var run = settings ?? _sandbox.Settings;
        var logger = log?.Logger ?? Sandbox.SilentLog;
        return new WindowFollower(run, follow, logger, new WindowRunner(run, logger), clock).RunAsync(_committed.Add, cancel).GetAwaiter().GetResult();
    }

    private void AssertEqualToRunOfTheRange(int hours)
    {
        using var reference = new Sandbox();
        for (var n = 0; n < hours; n++)
        {
            Directory.CreateDirectory(reference.InputDirectory(Hour(n)));
            File.Copy(Path.Combine(_sandbox.InputDirectory(Hour(n)), "a.json"), Path.Combine(reference.InputDirectory(Hour(n)), "a.json"));
        }

        new WindowRunner(reference.Settings, Sandbox.SilentLog).RunRange(W, Hour(hours - 1));
        for (var n = 0; n < hours; n++)
        {
            Files.AssertSameFiles(reference.Outputs(Hour(n)), _sandbox.Outputs(Hour(n)));
        }
    }
}
