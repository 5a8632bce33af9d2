using DuckDB.NET.Data;

namespace Sessionizer.DuckDb;

/// <summary>
/// Interrupts a command once the run is cancelled, and again every 50 ms until the command is done:
/// DuckDB clears a connection's interrupt flag when a statement starts (while it is prepared and
/// again when it begins to run), so one interrupt that lands before that would be lost, and the
/// signal would wait for the whole statement.
/// </summary>
internal sealed class Interrupter : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);
    private readonly DuckDBCommand _command;
    private readonly Lock _gate = new();
    private readonly CancellationTokenRegistration _registration;
    private Timer? _timer;
    private bool _done;

    public Interrupter(DuckDBCommand command, CancellationToken cancel)
    {
        _command = command;
        _registration = cancel.Register(Start);
    }

    public void Dispose()
    {
        // Waits for a Start in progress, so no timer is made after this.
        _registration.Dispose();
        lock (_gate)
        {
            _done = true;
            _timer?.Dispose();
        }
    }

    private void Start()
    {
        lock (_gate)
        {
            if (!_done)
            {
                _timer = new Timer(_ => Interrupt(), null, TimeSpan.Zero, Every);
            }
        }
    }

    private void Interrupt()
    {
        lock (_gate)
        {
            if (!_done)
            {
                // DuckDBCommand.Cancel interrupts the connection's running statement (duckdb_interrupt).
                _command.Cancel();
            }
        }
    }
}
