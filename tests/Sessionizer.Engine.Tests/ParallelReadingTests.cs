using System.Globalization;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Tests;

/// <summary>
/// Large plain files are read in byte ranges on several threads, and users are sessionized in
/// ranges: whatever the ranges and the threads, the records and the rejected lines' numbers must
/// be those of reading everything in one piece on one thread.
/// </summary>
public sealed class ParallelReadingTests : IDisposable
{
    private readonly Sandbox _box = new();

    public ParallelReadingTests()
    {
        // 20 000 lines over 400 users, with blank lines, CRLF line ends, an over-long line and bad
        // lines sprinkled through the file, so that split boundaries fall everywhere.
        var random = new Random(3);
        var lines = new List<string>();
        var bad = new[] { "{not json", "[1]", """{"user_id":0,"event_time":"2019-01-28T10:00:00Z","page":{"current":"a"}}""", "   " };
        for (var i = 0; i < 20_000; i++)
        {
            if (i % 997 == 0)
            {
                lines.Add(bad[i / 997 % bad.Length]);
                continue;
            }

            if (i == 12_345)
            {
                lines.Add(new string('x', 1_100_000));
                continue;
            }

            var time = $"10:{random.Next(0, 60):00}:{random.Next(0, 60):00}.{random.Next(0, 1000):000}";
            var line = Visits.Visit(random.Next(1, 400), time, "page " + random.Next(0, 30).ToString(CultureInfo.InvariantCulture));
            lines.Add(i % 13 == 0 ? line + "\r" : line);
        }

        _box.Input("big.json", [.. lines]);
        _box.Input("small.json.gz", [.. lines.Take(3_000)]);
    }

    public void Dispose() => _box.Dispose();

    [Fact]
    public void Reading_in_many_byte_ranges_and_sessionizing_in_many_user_ranges_changes_no_record()
    {
        var whole = Decompressed(_box.Settings with { Parallelism = 1, SplitBytes = long.MaxValue, VisitsPerRange = long.MaxValue });

        var pieces = Decompressed(_box.Settings with { Parallelism = 4, SplitBytes = 4_096, VisitsPerRange = 500 });

        Assert.Equal(whole.Keys.Order(), pieces.Keys.Order());
        foreach (var (name, content) in whole)
        {
            Assert.True(content == pieces[name], $"{name} differs");
        }

        Assert.Contains("\"line\":12346,", whole["rejected"]);
    }

    [Fact]
    public void The_number_of_threads_changes_no_output_byte_not_even_of_compressed_files()
    {
        _box.Run(_box.Settings with { Parallelism = 1, SplitBytes = 8_192, VisitsPerRange = 1_000 });
        var one = _box.Outputs(Sandbox.W);

        _box.Run(_box.Settings with { Parallelism = 3, SplitBytes = 8_192, VisitsPerRange = 1_000 });
        var three = _box.Outputs(Sandbox.W);

        Files.AssertSameFiles(one, three);
    }

    [Fact]
    public void Many_user_ranges_are_really_used_when_the_window_is_big_enough()
    {
        var outcome = _box.Run(_box.Settings with { VisitsPerRange = 500 });

        // Each range is one gzip member; more than one member shows more than one range.
        var bytes = File.ReadAllBytes(_box.ClosedPart(Sandbox.W));
        var members = 0;
        for (var i = 0; i + 2 < bytes.Length; i++)
        {
            members += bytes[i] == 0x1f && bytes[i + 1] == 0x8b && bytes[i + 2] == 0x08 ? 1 : 0;
        }

        Assert.True(members > 5, $"only {members} gzip members");
        Assert.True(outcome.Manifest.Counts.ClosedSessions > 0);
    }

    private Dictionary<string, string> Decompressed(RunSettings settings)
    {
        _box.Run(settings);
        return new Dictionary<string, string>
        {
            ["active"] = string.Join('\n', Files.ReadLines(_box.ActivePart(Sandbox.W))),
            ["closed"] = string.Join('\n', Files.ReadLines(_box.ClosedPart(Sandbox.W))),
            ["rejected"] = string.Join('\n', Files.ReadLines(_box.RejectedPart(Sandbox.W))),
            ["counts"] = _box.Manifest().GetProperty("counts").GetRawText(),
        };
    }
}
