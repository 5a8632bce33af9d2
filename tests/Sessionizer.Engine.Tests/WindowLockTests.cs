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
}
