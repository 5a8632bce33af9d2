using System.Text;
using Sessionizer.Cli.Logging;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Tests;

/// <summary>The live progress line (docs/reference.md §6.9): its text, its rate of drawing, and log lines that clear it first.</summary>
public sealed class ProgressLineTests
{
    private static readonly Window W = Window.Parse("2026-11-20T10");

    /// <summary>A clock that moves only when told.</summary>
    private sealed class FakeClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private readonly StringWriter _screen = new();
    private readonly FakeClock _clock = new();

    private ProgressLine Line(int width = 120) => new(_screen, _clock, () => width);

    private static WindowProgress Reading(long bytes, long events, long total = 2_260_000_000) =>
        new(W, WindowPhase.Reading, bytes, total, events);

    [Fact]
    public void The_reading_line_gives_the_window_phase_bytes_of_total_events_per_second_and_time()
    {
        Assert.Equal("2026-11-20T10 reading 1.21 GB of 2.26 GB (53%), 1.61 M events/s, 1.5s",
            ProgressLine.Render(Reading(1_210_000_000, 2_420_000), TimeSpan.FromSeconds(1.5)));
        Assert.Equal("2026-11-20T10 reading 0 B of 2.26 GB (0%), 0.0s", ProgressLine.Render(Reading(0, 0), TimeSpan.Zero));
        Assert.Equal("2026-11-20T10 reading 0 B of 0 B, 0.2s", ProgressLine.Render(Reading(0, 0, total: 0), TimeSpan.FromSeconds(0.2)));
        Assert.Equal("2026-11-20T10 reading 12.3 MB of 45.0 MB (27%), 2m05s",
            ProgressLine.Render(Reading(12_300_000, 0, total: 45_000_000), TimeSpan.FromSeconds(125)));
    }

    [Theory]
    [InlineData(WindowPhase.Sessionizing, "2026-11-20T10 sessionizing: 2.26 GB read, 5.00 M events, 3.2s")]
    [InlineData(WindowPhase.Writing, "2026-11-20T10 writing: 2.26 GB read, 5.00 M events, 3.2s")]
    [InlineData(WindowPhase.Committing, "2026-11-20T10 committing: 2.26 GB read, 5.00 M events, 3.2s")]
    public void Later_phases_give_what_was_read(WindowPhase phase, string expected) =>
        Assert.Equal(expected, ProgressLine.Render(new WindowProgress(W, phase, 2_260_000_000, 2_260_000_000, 5_000_000), TimeSpan.FromSeconds(3.2)));

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1000, "1.0 kB")]
    [InlineData(123_456, "123.5 kB")]
    [InlineData(45_600_000, "45.6 MB")]
    [InlineData(2_264_000_000, "2.26 GB")]
    [InlineData(12_000_000_000_000, "12000.00 GB")]
    public void Bytes_are_in_decimal_units(long bytes, string expected) => Assert.Equal(expected, ProgressLine.Bytes(bytes));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(950, "950")]
    [InlineData(12_345, "12.3 k")]
    [InlineData(2_021_000, "2.02 M")]
    public void Counts_are_short(long count, string expected) => Assert.Equal(expected, ProgressLine.Count(count));

    [Fact]
    public void Nothing_is_drawn_before_a_report_and_without_new_reports_the_time_moves_on()
    {
        using var line = Line();
        line.Refresh();
        Assert.Equal("", _screen.ToString());

        line.Report(Reading(1_000_000, 2_000));
        _clock.Advance(TimeSpan.FromSeconds(1));
        line.Refresh();
        Assert.Equal("\r2026-11-20T10 reading 1.0 MB of 2.26 GB (0%), 2.0 k events/s, 1.0s", _screen.ToString());

        // A long phase reports nothing for a while: the line still shows that time goes on.
        _clock.Advance(TimeSpan.FromSeconds(1));
        line.Refresh();
        Assert.Equal(["2026-11-20T10 reading 1.0 MB of 2.26 GB (0%), 1.0 k events/s, 2.0s"], Terminal.Lines(_screen.ToString()));
    }

    [Fact]
    public void It_is_drawn_at_most_four_times_a_second_whatever_the_reports()
    {
        using var line = Line();
        var drawings = new List<string>();
        for (var ms = 0; ms < 2000; ms += 10)
        {
            // Reports far more often than drawings, and refreshes as often as reports.
            for (var i = 0; i < 5; i++)
            {
                line.Report(Reading(ms * 1_000_000L + i, ms * 1_000L));
            }

            var before = _screen.ToString().Length;
            line.Refresh();
            if (_screen.ToString().Length > before)
            {
                drawings.Add(_screen.ToString()[before..]);
            }

            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(8, drawings.Count);

        // Each drawing shows the latest report at its time.
        Assert.StartsWith("\r2026-11-20T10 reading 4 B of", drawings[0], StringComparison.Ordinal);
        Assert.Contains("reading 250.0 MB of", drawings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_shorter_line_covers_the_rest_of_the_longer_one_before_it()
    {
        using var line = Line();
        line.Report(Reading(1_210_000_000, 2_420_000));
        _clock.Advance(TimeSpan.FromSeconds(1));
        line.Refresh();
        line.Report(new WindowProgress(W, WindowPhase.Committing, 2_000, 2_000, 10));
        _clock.Advance(TimeSpan.FromSeconds(1));
        line.Refresh();

        Assert.Equal(["2026-11-20T10 committing: 2.0 kB read, 10 events, 2.0s"], Terminal.Lines(_screen.ToString()));
    }

    [Fact]
    public void The_line_is_cut_to_the_terminal_width_so_that_it_never_wraps()
    {
        using var line = Line(width: 30);
        line.Report(Reading(1_210_000_000, 2_420_000));
        line.Refresh();

        Assert.Equal("\r2026-11-20T10 reading 1.21 GB", _screen.ToString());
        Assert.Equal(29, _screen.ToString().Length - 1);
    }

    [Fact]
    public void A_log_line_clears_the_line_first_and_the_line_comes_back_with_the_next_report_only()
    {
        using var line = Line();
        line.Report(Reading(1_210_000_000, 2_420_000));
        line.Refresh();
        line.Report(Reading(1_220_000_000, 2_440_000));
        line.WriteAbove(() => _screen.Write("2026-11-29 10:00:00.000 +00:00 WRN a warning\n"));

        // The report kept before the log line is not drawn after it.
        _clock.Advance(TimeSpan.FromSeconds(1));
        line.Refresh();
        Assert.Equal(["2026-11-29 10:00:00.000 +00:00 WRN a warning", ""], Terminal.Lines(_screen.ToString()));

        line.Report(Reading(1_300_000_000, 2_600_000));
        line.Refresh();
        Assert.Equal(["2026-11-29 10:00:00.000 +00:00 WRN a warning", "2026-11-20T10 reading 1.30 GB of 2.26 GB (57%), 2.60 M events/s, 1.0s"],
            Terminal.Lines(_screen.ToString()));
    }

    [Fact]
    public void Disposing_clears_the_line()
    {
        var line = Line();
        line.Report(Reading(1, 1));
        line.Refresh();
        line.Dispose();
        line.Report(Reading(2, 2));
        line.Refresh();

        Assert.Equal([""], Terminal.Lines(_screen.ToString()));
    }

    [Fact]
    public async Task Log_lines_from_many_threads_are_never_garbled_by_the_line()
    {
        var screen = new StringWriter();
        using var line = new ProgressLine(TextWriter.Synchronized(screen), TimeProvider.System, () => 200);
        var log = Logs.Create("text", screen, progress: line);
        using var stop = new CancellationTokenSource();
        var drawer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                line.Refresh();
                Thread.Sleep(1);
            }
        });

        Parallel.For(0, 4, thread =>
        {
            for (var i = 0; i < 300; i++)
            {
                line.Report(Reading(i * 1_000_000L, i * 1_000L));
                if (i % 10 == 0)
                {
                    log.Information("Thread {Thread} line {Line} of the log", thread, i);
                }

                Thread.Sleep(1);
            }
        });
        await stop.CancelAsync();
        await drawer;
        line.Dispose();

        var lines = Terminal.Lines(screen.ToString()).Where(l => l.Length > 0).ToList();
        Assert.Equal(4 * 30, lines.Count);
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d INF Thread \d line \d+ of the log$", l));
    }
}

/// <summary>What a terminal shows for some output: <c>\r</c> goes back to the line's start, <c>\n</c> to the next line, other characters overwrite.</summary>
internal static class Terminal
{
    public static List<string> Lines(string output)
    {
        var lines = new List<StringBuilder> { new() };
        var column = 0;
        foreach (var c in output)
        {
            switch (c)
            {
                case '\r':
                    column = 0;
                    break;
                case '\n':
                    lines.Add(new StringBuilder());
                    column = 0;
                    break;
                default:
                    var current = lines[^1];
                    if (column < current.Length)
                    {
                        current[column] = c;
                    }
                    else
                    {
                        current.Append(c);
                    }

                    column++;
                    break;
            }
        }

        return lines.Select(l => l.ToString().TrimEnd(' ')).ToList();
    }
}
