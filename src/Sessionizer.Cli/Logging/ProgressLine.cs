using System.Globalization;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Logging;

/// <summary>
/// The live progress line of the window in progress, on a terminal (docs/reference.md §6.9): one
/// line rewritten in place with <c>\r</c>, e.g. <c>2026-11-20T10 reading 1.21 of 2.26 GB (53%),
/// 2.02 M events/s, 1.2s</c>. The engine's threads only hand it values (<see cref="Report"/>); it is
/// drawn from a timer, at most once per <see cref="Interval"/>, never from the engine's threads. A
/// log line clears it first (<see cref="WriteAbove"/>, under the same lock), so log lines are never
/// garbled; it comes back with the next report.
/// </summary>
internal sealed class ProgressLine : IProgress<WindowProgress>, IDisposable
{
    /// <summary>At most one drawing per interval: 4 a second.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _writer;
    private readonly TimeProvider _clock;
    private readonly Func<int> _width;
    private ITimer? _timer;

    // The latest report not drawn yet, and when its window's first report came (Report's, under _valueGate).
    private readonly Lock _valueGate = new();
    private WindowProgress? _pending;
    private Window? _window;
    private DateTimeOffset _windowStarted;

    // What is on screen (under _gate): the value drawn last and its window's start, while visible.
    private readonly Lock _gate = new();
    private int _visible;
    private (WindowProgress Value, DateTimeOffset Started)? _shown;
    private DateTimeOffset? _lastDrawn;
    private bool _disposed;

    /// <param name="writer">Standard error, a terminal.</param>
    /// <param name="clock">The time of reports and drawings (a test's fake clock).</param>
    /// <param name="width">The terminal's width in columns: the line is cut shorter, so that it never wraps.</param>
    public ProgressLine(TextWriter writer, TimeProvider clock, Func<int> width)
    {
        _writer = writer;
        _clock = clock;
        _width = width;
    }

    /// <summary>
    /// The progress line for a command's logs, or null when there is to be none: only text logs on the
    /// process's own standard error, and only when it is a terminal (not a file, a pipe, or TERM=dumb).
    /// </summary>
    public static ProgressLine? ForTerminal(string? logFormat, TextWriter error)
    {
        if (logFormat == "json" || !ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected
            || Environment.GetEnvironmentVariable("TERM") == "dumb")
        {
            return null;
        }

        var line = new ProgressLine(error, TimeProvider.System, TerminalWidth);
        line._timer = TimeProvider.System.CreateTimer(_ => line.Tick(), null, Interval, Interval);
        return line;
    }

    /// <summary>Keeps the value for the next drawing: cheap, from any thread.</summary>
    public void Report(WindowProgress value)
    {
        lock (_valueGate)
        {
            if (_window != value.Window)
            {
                _window = value.Window;
                _windowStarted = _clock.GetUtcNow();
            }

            _pending = value;
        }
    }

    /// <summary>
    /// The timer's tick: draws the latest report not drawn yet, or else the line on screen again with
    /// its time moved on (a long phase has no reports); not if the line was drawn less than
    /// <see cref="Interval"/> ago.
    /// </summary>
    public void Refresh()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_disposed || (_lastDrawn is { } last && now - last < Interval))
            {
                return;
            }

            lock (_valueGate)
            {
                if (_pending is { } pending)
                {
                    _shown = (pending, _windowStarted);
                    _pending = null;
                }
            }

            if (_shown is { } shown)
            {
                Draw(Render(shown.Value, now - shown.Started));
                _lastDrawn = now;
            }
        }
    }

    /// <summary>
    /// Clears the line, then runs <paramref name="write"/> (a log line), under the lock of drawing: the
    /// two never interleave. Reports kept before are dropped, so that a line of a window that has
    /// just committed or failed is not drawn again below its log line.
    /// </summary>
    public void WriteAbove(Action write)
    {
        lock (_gate)
        {
            Clear();
            write();
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            Clear();
            _disposed = true;
        }
    }

    /// <summary>The timer's call: a terminal that cannot be written to any more (closed, hung up) only loses the progress line.</summary>
    private void Tick()
    {
        try
        {
            Refresh();
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The text of the line for <paramref name="value"/>, <paramref name="elapsed"/> after its window's first report.</summary>
    public static string Render(WindowProgress value, TimeSpan elapsed)
    {
        var phase = value.Phase.ToString().ToLowerInvariant();
        var time = elapsed.TotalSeconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s");
        if (value.Phase != WindowPhase.Reading)
        {
            return $"{value.Window} {phase}: {Bytes(value.BytesRead)} read, {Count(value.EventsRead)} events, {time}";
        }

        var line = $"{value.Window} {phase} {Bytes(value.BytesRead)} of {Bytes(value.TotalBytes)}";
        if (value.TotalBytes > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" ({100 * value.BytesRead / value.TotalBytes}%)");
        }

        if (value.EventsRead > 0 && elapsed >= TimeSpan.FromMilliseconds(100))
        {
            line += $", {Count((long)(value.EventsRead / elapsed.TotalSeconds))} events/s";
        }

        return $"{line}, {time}";
    }

    /// <summary>Bytes in decimal units: 512 B, 12.3 kB, 1.21 GB.</summary>
    internal static string Bytes(long bytes) => bytes switch
    {
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB"),
    };

    /// <summary>A count: 950, 12.3 k, 2.02 M.</summary>
    internal static string Count(long count) => count switch
    {
        < 1000 => count.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{count / 1e3:0.0} k"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{count / 1e6:0.00} M"),
    };

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return 80;
        }
    }

    private void Draw(string text)
    {
        var width = _width();
        var room = (width > 0 ? width : 80) - 1;
        if (text.Length > room)
        {
            text = text[..Math.Max(0, room)];
        }

        // Spaces over the rest of a longer line drawn before.
        _writer.Write('\r' + text + new string(' ', Math.Max(0, _visible - text.Length)));
        _writer.Flush();
        _visible = text.Length;
    }

    private void Clear()
    {
        lock (_valueGate)
        {
            _pending = null;
        }

        _shown = null;

        if (_visible > 0)
        {
            _writer.Write('\r' + new string(' ', _visible) + '\r');
            _writer.Flush();
            _visible = 0;
        }
    }
}
