using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Runs;

/// <summary>
/// A run was asked to stop (a signal) and window <see cref="Window"/> did not commit. By the time
/// this is caught, that window's staging is removed and its lock released; windows of the range
/// before it stay committed.
/// </summary>
public sealed class RunCancelledException : OperationCanceledException
{
    public RunCancelledException()
    {
    }

    public RunCancelledException(string message)
        : base(message)
    {
    }

    public RunCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunCancelledException(Window window, OperationCanceledException innerException)
        : base($"The run was cancelled: window {window} was not committed.", innerException, innerException.CancellationToken) => Window = window;

    /// <summary>The window that was in progress, or next, when the run stopped.</summary>
    public Window? Window { get; }
}
