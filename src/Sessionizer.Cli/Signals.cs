using System.Runtime.InteropServices;

namespace Sessionizer.Cli;

/// <summary>
/// Turns the first SIGTERM or SIGINT into a cancellation of the run instead of a silent death: the
/// window in progress then removes its staging and releases its lock, and the run exits 143 or 130.
/// A second signal is left to the runtime's default, which ends the process at once.
/// </summary>
internal sealed class Signals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Lock _gate = new();
    private PosixSignal? _received;
    private bool _disposed;

    public Signals() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle), PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle)];

    public CancellationToken Token => _source.Token;

    /// <summary>The signal that cancelled the run, if any.</summary>
    public PosixSignal? Received
    {
        get
        {
            lock (_gate)
            {
                return _received;
            }
        }
    }

    /// <summary>The signal's name, as in the log: SIGTERM or SIGINT.</summary>
    public string Name => Received == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";

    /// <summary>128 + the signal's number, as a shell reports a process the signal ended.</summary>
    public int ExitCode => Received == PosixSignal.SIGINT ? ExitCodes.Interrupted : ExitCodes.Terminated;

    public void Dispose()
    {
        // Under the lock: a signal handled meanwhile has finished cancelling, and a later one sees _disposed.
        lock (_gate)
        {
            _disposed = true;
        }

        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    /// <summary>
    /// The runtime's signal callback. A second signal, or one arriving once disposal began (the run
    /// is over), is left to the default action, which ends the process at once; cancelling a
    /// disposed source there would throw inside the runtime's callback and crash the process.
    /// </summary>
    internal void Handle(PosixSignalContext context)
    {
        lock (_gate)
        {
            if (_received is not null || _disposed)
            {
                return;
            }

            _received = context.Signal;
            context.Cancel = true;
            _source.Cancel();
        }
    }
}
