using Sessionizer.Core.Time;
using Sessionizer.Engine.Input;

namespace Sessionizer.Engine.Runs;

/// <summary>The phases of a window's run, in order, as progress reports name them.</summary>
public enum WindowPhase
{
    /// <summary>Reading and validating the input files.</summary>
    Reading,

    /// <summary>
    /// Rebuilding the sessions (the local engine also writes the closed and active sessions here,
    /// range by range, as it sessionizes them).
    /// </summary>
    Sessionizing,

    /// <summary>Writing the outputs not written yet into staging (local engine: the rejected lines; duckdb: all three).</summary>
    Writing,

    /// <summary>Flushing the staged outputs to disk, swapping them in and writing the manifest.</summary>
    Committing,
}

/// <summary>
/// Where a window's run is, reported to <see cref="RunSettings.Progress"/> (for a live progress line;
/// the engine itself shows nothing). Reports come from the engine's threads: at each phase, and while
/// reading about once per mebibyte of input read by each thread, never per line.
/// </summary>
/// <param name="BytesRead">
/// Input bytes read so far, counted as on disk (compressed bytes for .gz), each file's bytes once
/// however it is split among threads; from the end of reading on, exactly <paramref name="TotalBytes"/>.
/// </param>
/// <param name="TotalBytes">The window's input bytes: the sizes of its files when listed, as the manifest records them.</param>
/// <param name="EventsRead">Valid events read so far, where the engine knows them while it reads (the local engine), else 0 until read.</param>
public readonly record struct WindowProgress(Window Window, WindowPhase Phase, long BytesRead, long TotalBytes, long EventsRead)
{
    /// <summary>Reports <paramref name="phase"/> of <paramref name="work"/>'s window, if anyone listens.</summary>
    public static void Report(WindowWork work, WindowPhase phase, long bytesRead, long eventsRead) =>
        work.Settings.Progress?.Report(new WindowProgress(work.Window, phase, bytesRead, TotalBytesOf(work.Files), eventsRead));

    /// <summary>The bytes of a window's input files (none when its folder is missing).</summary>
    public static long TotalBytesOf(IReadOnlyList<InputFile>? files) => files?.Sum(f => f.Bytes) ?? 0;
}
