using Sessionizer.Engine.Commit;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>docs/reference.md §5.6: one writer per window; a second concurrent run of the same window fails fast.</summary>
public class WindowLockTests
{
    [Fact]
    public void A_run_of_a_locked_window_fails_with_locked_and_touches_nothing_then_runs_once_the_lock_is_released()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));

        using (WindowLock.Acquire(new OutputLayout(sandbox.OutputRoot), Sandbox.W))
        {
            var failure = sandbox.RunFails();

            Assert.Equal(RunFailure.Locked, failure.Failure);
            Assert.Contains("2019-01-28T10", failure.Message, StringComparison.Ordinal);
            sandbox.AssertNothingCommitted(Sandbox.W);
        }

        sandbox.Run();

        Assert.Single(sandbox.ClosedRecords(Sandbox.W));
    }

    [Fact]
    public void A_locked_window_does_not_block_other_windows()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(Sandbox.W.Next, "a.json", Visit(1, "11:10:00", "a"));

        using var held = WindowLock.Acquire(new OutputLayout(sandbox.OutputRoot), Sandbox.W);
        sandbox.Run(Sandbox.W.Next);

        Assert.True(File.Exists(sandbox.ManifestPath(Sandbox.W.Next)));
    }

    [Fact]
    public void A_committed_window_stays_committed_while_a_second_run_is_refused()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        sandbox.Run();
        var outputs = sandbox.Outputs(Sandbox.W);

        using (WindowLock.Acquire(new OutputLayout(sandbox.OutputRoot), Sandbox.W))
        {
            Assert.Equal(RunFailure.Locked, sandbox.RunFails().Failure);
        }

        Files.AssertSameFiles(outputs, sandbox.Outputs(Sandbox.W));
        Assert.True(File.Exists(sandbox.ManifestPath(Sandbox.W)));
    }

    [Fact]
    public void A_lock_whose_owner_file_cannot_be_written_is_released_at_once()
    {
        using var sandbox = new Sandbox();
        var layout = new OutputLayout(sandbox.OutputRoot);
        var owner = Path.Combine(layout.TemporaryDirectory, "locks", $"{Sandbox.W}.owner");
        Directory.CreateDirectory(owner);

        var failure = Record.Exception(() => WindowLock.Acquire(layout, Sandbox.W).Dispose());
        Directory.Delete(owner);

        Assert.True(failure is IOException or UnauthorizedAccessException, failure?.ToString());
        using var second = WindowLock.Acquire(layout, Sandbox.W);
    }

    [Fact]
    public void A_finished_run_leaves_no_lock_file_behind()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));

        sandbox.Run();
        sandbox.Run();

        var locks = Path.Combine(sandbox.OutputRoot, "_temporary", "locks");
        Assert.Empty(Directory.Exists(locks) ? Directory.GetFiles(locks) : []);
    }

    [Fact]
    public void Two_acquirers_in_one_process_exclude_each_other_also_after_a_released_lock_file_was_removed()
    {
        using var sandbox = new Sandbox();
        var layout = new OutputLayout(sandbox.OutputRoot);

        for (var round = 0; round < 3; round++)
        {
            using (WindowLock.Acquire(layout, Sandbox.W))
            {
                var second = Assert.Throws<RunFailedException>(() => WindowLock.Acquire(layout, Sandbox.W));
                Assert.Equal(RunFailure.Locked, second.Failure);
                Assert.Contains($"pid {Environment.ProcessId}", second.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Many_threads_taking_and_releasing_the_same_windows_lock_never_hold_it_together()
    {
        using var sandbox = new Sandbox();
        var layout = new OutputLayout(sandbox.OutputRoot);
        var holders = 0;
        var maxHolders = 0;
        var acquired = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(2))
            {
                try
                {
                    using var held = WindowLock.Acquire(layout, Sandbox.W);
                    var now = Interlocked.Increment(ref holders);
                    InterlockedMax(ref maxHolders, now);
                    Interlocked.Increment(ref acquired);
                    Thread.SpinWait(200);
                    Interlocked.Decrement(ref holders);
                }
                catch (RunFailedException e) when (e.Failure == RunFailure.Locked)
                {
                    // Another thread holds it: try again.
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                    return;
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.Equal(1, maxHolders);
        Assert.True(acquired > 100, $"only {acquired} acquisitions in 2 s");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
