using Sessionizer.DuckDb;

namespace Sessionizer.Sql.Tests;

/// <summary>The duckdb engine's statements stop when the run is cancelled, not when they finish.</summary>
public sealed class WindowDatabaseTests
{
    // Minutes of work on two cores: only an interrupt ends it within the test's bound.
    private const string LongQuery = "SELECT count(*) FROM range(200000000000) r WHERE r.range % 7 = 3";

    [Fact]
    public async Task A_running_statement_is_interrupted_when_the_run_is_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var db = new WindowDatabase(threads: 2, cancel.Token);
        using var started = new ManualResetEventSlim();
        var running = Task.Factory.StartNew(() =>
        {
            started.Set();
            return db.Row(LongQuery);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        started.Wait();
        await Task.Delay(500);
        Assert.False(running.IsCompleted, "the statement ended before the run was cancelled");
        cancel.Cancel();

        // Generous: a statement left to run takes minutes, an interrupted one ends at once.
        var ended = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.Same(running, ended);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public void No_statement_starts_once_the_run_is_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var db = new WindowDatabase(threads: 1, cancel.Token);
        db.Execute("CREATE TABLE t (x BIGINT)");
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => db.Execute("INSERT INTO t VALUES (1)"));
    }
}
