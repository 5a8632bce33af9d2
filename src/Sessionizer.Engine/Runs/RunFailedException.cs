using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Runs;

/// <summary>A window's run failed and committed nothing; the message says why, for an operator.</summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException()
    {
    }

    public RunFailedException(string message)
        : base(message)
    {
    }

    public RunFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunFailedException(RunFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public RunFailure Failure { get; } = RunFailure.Failed;

    /// <summary>The window that failed, when known (set by <see cref="WindowRunner"/>): for the log line an orchestrator reads.</summary>
    public Window? Window { get; internal set; }
}
