namespace Sessionizer.Engine.Runs;

/// <summary>How a window's run failed; the CLI maps each to an exit code (docs/reference.md §6.6).</summary>
public enum RunFailure
{
    /// <summary>Anything else: corrupt state, unreadable input, I/O errors (exit 1).</summary>
    Failed,

    /// <summary>The window's input folder or the previous window's commit is missing (exit 3).</summary>
    InputNotReady,

    /// <summary>Too many rejected lines (exit 4).</summary>
    QualityGate,

    /// <summary>Another run holds the window (exit 5).</summary>
    Locked,
}
