using System.IO.Compression;
using Sessionizer.Core.Sessions;

namespace Sessionizer.Engine.Runs;

/// <summary>Everything a run needs besides the window: where to read and write, and the rules.</summary>
public sealed record RunSettings
{
    public required string InputRoot { get; init; }

    public required string OutputRoot { get; init; }

    public SessionRules Rules { get; init; } = SessionRules.Default;

    /// <summary>Run a window whose input folder is missing, with no new events, instead of failing with "input not ready".</summary>
    public bool AllowMissingInput { get; init; }

    /// <summary>Fail (commit nothing) when rejected lines exceed this fraction of the input lines.</summary>
    public double MaxRejectedFraction { get; init; } = 0.01;

    /// <summary>The first window starts without previous state.</summary>
    public bool NoPreviousState { get; init; }

    /// <summary>The first window reads its previous state from this folder instead of the previous window's commit.</summary>
    public string? PreviousStateDirectory { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Fastest;

    public string Engine { get; init; } = "local";

    /// <summary>
    /// Receives each window's progress (<see cref="WindowProgress"/>), e.g. for a live progress line
    /// on a terminal; null: none is reported. Called from the engine's threads, concurrently: it
    /// must be thread-safe and quick (keep the value, draw it elsewhere).
    /// </summary>
    public IProgress<WindowProgress>? Progress { get; init; }

    /// <summary>Plain input files are read in byte ranges of about this size (smaller in tests, to exercise the splitting).</summary>
    internal long SplitBytes { get; init; } = Input.InputSplit.TargetBytes;

    /// <summary>Users are sessionized in ranges of about this many visits (smaller in tests, to exercise the ranges).</summary>
    internal long VisitsPerRange { get; init; } = Partitioning.UserRanges.DefaultVisitsPerRange;
}
