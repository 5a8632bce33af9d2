using Sessionizer.DuckDb;

namespace Sessionizer.Sql.Tests;

/// <summary>The duckdb engine's statements stop when the run is cancelled, not when they finish.</summary>
public sealed class WindowDatabaseTests
{
    // Minutes of work on two cores: only an interrupt ends it within the test's bound.
    private const string LongQuery = "SELECT count(*) FROM range(200000000000) r WHERE r.range % 7 = 3";

    [Theory]
    [InlineData(500)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public async Task A_running_statement_is_interrupted_when_the_run_is_cancelled(int afterMs)
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

        // 0 to 5 ms: the signal lands while DuckDB prepares the statement, which clears an interrupt
        // given before it runs; 500 ms: while it runs.
        await Task.Delay(afterMs);
        cancel.Cancel();

        // Generous: a statement left to run takes minutes, an interrupted one ends at once.
        var ended = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.Same(running, ended);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    /// <summary>
    /// The race a signal can lose: cancelled before DuckDB has begun the statement, whose start clears
    /// an interrupt given earlier. The interrupter keeps interrupting until the statement is over.
    /// </summary>
    [Fact]
    public async Task A_statement_begun_after_the_interrupt_is_still_interrupted()
    {
        using var db = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = LongQuery;
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var running = Task.Factory.StartNew(() =>
        {
            using (new Interrupter(command, cancel.Token))
            {
                return command.ExecuteScalar();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var ended = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.Same(running, ended);
        await Assert.ThrowsAnyAsync<Exception>(() => running);
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
