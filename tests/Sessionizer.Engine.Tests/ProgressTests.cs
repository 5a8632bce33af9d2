using System.Collections.Concurrent;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>
/// The progress a window's run reports (<see cref="RunSettings.Progress"/>): its phases in order, and
/// input bytes counted as on disk that add up to exactly the window's input size, however the files
/// are split among threads, with reports per chunk read rather than per line.
/// </summary>
public class ProgressTests
{
    /// <summary>Keeps every report, from whichever thread.</summary>
    private sealed class Reports : IProgress<WindowProgress>
    {
        public ConcurrentQueue<WindowProgress> All { get; } = new();

        public void Report(WindowProgress value) => All.Enqueue(value);
    }

    [Theory]
    [InlineData(InputSplit.TargetBytes, 1)]
    [InlineData(256 * 1024, 2)]
    [InlineData(256 * 1024, 4)]
    [InlineData(65_536, 2)]
    public void The_bytes_read_add_up_to_the_input_files_sizes_and_the_phases_come_in_order(long splitBytes, int parallelism)
    {
        using var sandbox = new Sandbox();
        // A plain file of about 3.5 MB (several splits and several reports each), a gzip file, one
        // with a byte order mark and no line end at its end, an empty one.
        var big = sandbox.Input("big.json", [.. Enumerable.Range(1, 20_000).Select(i => Visit(i, "10:10:00", "a page of some length " + i))]);
        var gzip = sandbox.Input("b.json.gz", [.. Enumerable.Range(1, 3_000).Select(i => Visit(i, "10:20:00", "page " + i)), "{not json"]);
        var bom = sandbox.InputBytes(Sandbox.W, "c.json", [0xEF, 0xBB, 0xBF, .. Files.Lines([Visit(7, "10:30:00", "x")]), .. "{\"no\":\"end\"}"u8]);
        var empty = sandbox.InputBytes(Sandbox.W, "d.json", []);
        var size = new[] { big, gzip, bom, empty }.Sum(f => new FileInfo(f).Length);
        var reports = new Reports();

        var outcome = sandbox.Run(sandbox.Settings with { Progress = reports, SplitBytes = splitBytes, Parallelism = parallelism });

        var all = reports.All.ToList();
        Assert.All(all, r => Assert.Equal(Sandbox.W, r.Window));
        Assert.All(all, r => Assert.Equal(size, r.TotalBytes));
        Assert.All(all, r => Assert.InRange(r.BytesRead, 0, size));

        // Reading, then each later phase once, in order.
        var phases = all.Select(r => r.Phase).ToList();
        Assert.Equal(WindowPhase.Reading, phases[0]);
        Assert.Equal([WindowPhase.Sessionizing, WindowPhase.Writing, WindowPhase.Committing], phases.SkipWhile(p => p == WindowPhase.Reading));

        // Every byte counted once: the reading reports reach exactly the input's size, as does each later phase.
        var reading = all.Where(r => r.Phase == WindowPhase.Reading).ToList();
        Assert.Equal(size, reading.Max(r => r.BytesRead));
        var valid = outcome.Manifest.Counts.ValidEvents;
        Assert.Equal(valid, reading.Max(r => r.EventsRead));
        Assert.All(all.Where(r => r.Phase != WindowPhase.Reading), r =>
        {
            Assert.Equal(size, r.BytesRead);
            Assert.Equal(valid, r.EventsRead);
        });

        // Per chunk, not per line: the start, at most one a mebibyte, and one at the end of each split.
        var splits = InputSplit.Of(InputDiscovery.Find(sandbox.InputRoot, Sandbox.W, out _)!, splitBytes).Count;
        Assert.InRange(reading.Count, 2, 1 + splits + (size / ReadProgress.ReportBytes) + parallelism);
        if (splitBytes >= 256 * 1024)
        {
            Assert.True(reading.Count < 30, $"{reading.Count} reports for {valid} lines");
        }
    }

    [Fact]
    public void A_window_without_input_reports_no_reading_and_zero_bytes()
    {
        using var sandbox = new Sandbox();
        var reports = new Reports();

        sandbox.Run(sandbox.Settings with { Progress = reports, AllowMissingInput = true });

        Assert.Equal([WindowPhase.Sessionizing, WindowPhase.Writing, WindowPhase.Committing], reports.All.Select(r => r.Phase));
        Assert.All(reports.All, r => Assert.Equal((0, 0, 0), (r.BytesRead, r.TotalBytes, r.EventsRead)));
    }

    [Fact]
    public void A_run_reporting_progress_writes_the_same_bytes_as_one_without()
    {
        using var with = new Sandbox();
        using var without = new Sandbox();
        foreach (var sandbox in new[] { with, without })
        {
            sandbox.Input("a.json", [.. Enumerable.Range(1, 500).Select(i => Visit((i % 37) + 1, $"10:{i % 60:00}:00", "p" + (i % 11)))]);
        }

        with.Run(with.Settings with { Progress = new Reports(), SplitBytes = 4096 });
        without.Run(without.Settings with { SplitBytes = 4096 });

        foreach (var kind in new[] { Sandbox.Active, Sandbox.Closed, Sandbox.Rejected })
        {
            var a = Directory.GetFiles(with.OutputDirectory(kind, Sandbox.W)).Single();
            var b = Directory.GetFiles(without.OutputDirectory(kind, Sandbox.W)).Single();
            Assert.Equal(File.ReadAllBytes(b), File.ReadAllBytes(a));
        }
    }
}
