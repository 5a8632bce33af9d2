using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli;

/// <summary>The exit codes of docs/reference.md §6.6: what an orchestrator decides on.</summary>
internal static class ExitCodes
{
    public const int Committed = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int InputNotReady = 3;
    public const int QualityGate = 4;
    public const int Locked = 5;

    /// <summary>SIGINT (128 + 2): the window in progress committed nothing, its staging is removed.</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM (128 + 15): the window in progress committed nothing, its staging is removed.</summary>
    public const int Terminated = 143;

    public static int Of(RunFailure failure) => failure switch
    {
        RunFailure.InputNotReady => InputNotReady,
        RunFailure.QualityGate => QualityGate,
        RunFailure.Locked => Locked,
        _ => Failure,
    };
}
