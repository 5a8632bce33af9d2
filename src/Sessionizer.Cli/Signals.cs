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
    private PosixSignal? _received;

    public Signals() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle), PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle)];

    public CancellationToken Token => _source.Token;

    /// <summary>The signal that cancelled the run, if any.</summary>
    public PosixSignal? Received
    {
        get
        {
            lock (_source)
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
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        lock (_source)
        {
            if (_received is not null)
            {
                return; // A second signal: the default action (terminate now).
            }

            _received = context.Signal;
        }

        context.Cancel = true;
        _source.Cancel();
    }
}
