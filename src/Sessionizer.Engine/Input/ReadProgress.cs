using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Input;

/// <summary>
/// The bytes and valid events the reading threads of one window have read, reported as
/// <see cref="WindowPhase.Reading"/> progress: each thread adds its counts about once per
/// <see cref="ReportBytes"/> read (<see cref="SplitMeter"/>), so the cost is two interlocked
/// additions and a report per mebibyte, nothing per line.
/// </summary>
internal sealed class ReadProgress(Window window, long totalBytes, IProgress<WindowProgress> progress)
{
    /// <summary>A thread reports once it has read at least this many bytes since its last report (and at the end of each split).</summary>
    public const int ReportBytes = 1 << 20;

    private long _bytes;
    private long _events;

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Events => Interlocked.Read(ref _events);

    public void Start() => progress.Report(new WindowProgress(window, WindowPhase.Reading, 0, totalBytes, 0));

    public void Add(long bytes, long events)
    {
        var total = Interlocked.Add(ref _bytes, bytes);
        var read = Interlocked.Add(ref _events, events);
        progress.Report(new WindowProgress(window, WindowPhase.Reading, total, totalBytes, read));
    }
}

/// <summary>
/// One reading thread's counter for <see cref="ReadProgress"/>: told the bytes of each read from disk
/// (<see cref="InputFile.Open"/>'s callback), it counts a split's own bytes only, and tops them up
/// to the split's share when the split is done, so that the bytes of all splits add up to exactly
/// the window's input bytes (a split's reader reads a little before its start and past its end).
/// </summary>
internal sealed class SplitMeter(ReadProgress progress, Func<long> events)
{
    private long _share;
    private long _counted;
    private long _unreported;
    private long _eventsReported;

    /// <summary>The callback for the split's stream: bytes read from disk.</summary>
    public Action<int> OnRead => Read;

    /// <summary>The bytes of <paramref name="split"/> that are its own: its range of a plain file, a whole gzip file.</summary>
    public static long ShareOf(InputSplit split) => split.File.IsGzip ? split.File.Bytes : split.Length;

    public void Begin(InputSplit split)
    {
        _share = ShareOf(split);
        _counted = 0;
    }

    /// <summary>The split has been read whole: count what its reads did not, and report.</summary>
    public void End()
    {
        _unreported += _share - _counted;
        _counted = _share;
        Flush();
    }

    private void Read(int bytes)
    {
        var counted = Math.Min(_share, _counted + bytes);
        _unreported += counted - _counted;
        _counted = counted;
        if (_unreported >= ReadProgress.ReportBytes)
        {
            Flush();
        }
    }

    private void Flush()
    {
        var read = events();
        progress.Add(_unreported, read - _eventsReported);
        _unreported = 0;
        _eventsReported = read;
    }
}
