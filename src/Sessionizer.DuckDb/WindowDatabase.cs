using DuckDB.NET.Data;

namespace Sessionizer.DuckDb;

/// <summary>
/// The in-memory DuckDB database of one window's run. Every statement it runs is interrupted when
/// the run is cancelled (SIGINT, SIGTERM): one statement of the plan can take most of a window's
/// time, and a signal must not wait for it to finish (docs/reference.md §5.9). An interrupted
/// statement ends in an <see cref="OperationCanceledException"/>, as a cancelled local run does.
/// </summary>
internal sealed class WindowDatabase : IDisposable
{
    private readonly DuckDBConnection _db;
    private readonly CancellationToken _cancel;

    public WindowDatabase(int threads, CancellationToken cancel)
    {
        _cancel = cancel;
        _db = new DuckDBConnection("DataSource=:memory:");
        _db.Open();
        Execute($"SET threads = {threads}");
    }

    public void Execute(string sql) => Run(sql, command => command.ExecuteNonQuery());

    /// <summary>The first row of <paramref name="query"/>, every column a count.</summary>
    public long[] Row(string query) => Run(query, command =>
    {
        using var reader = command.ExecuteReader();
        reader.Read();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetInt64).ToArray();
    });

    /// <summary>Calls <paramref name="row"/> with each row of <paramref name="query"/>, in its order.</summary>
    public void ForEachRow(string query, Action<DuckDBDataReader> row) => Run(query, command =>
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }

        return 0;
    });

    public DuckDBAppender Appender(string table) => _db.CreateAppender(table);

    public void Dispose() => _db.Dispose();

    private T Run<T>(string sql, Func<DuckDBCommand, T> run)
    {
        _cancel.ThrowIfCancellationRequested();
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        using (new Interrupter(command, _cancel))
        {
            try
            {
                return run(command);
            }
            catch (DuckDBException) when (_cancel.IsCancellationRequested)
            {
                // An interrupted statement may also surface as DuckDB's "INTERRUPT Error".
                throw new OperationCanceledException(_cancel);
            }
        }
    }
}
