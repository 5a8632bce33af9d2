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

    public static int Of(RunFailure failure) => failure switch
    {
        RunFailure.InputNotReady => InputNotReady,
        RunFailure.QualityGate => QualityGate,
        RunFailure.Locked => Locked,
        _ => Failure,
    };
}
