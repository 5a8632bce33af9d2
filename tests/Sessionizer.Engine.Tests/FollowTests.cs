using Sessionizer.Core.Time;
using Sessionizer.Engine.Commit;
using Sessionizer.Engine.Follow;
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
