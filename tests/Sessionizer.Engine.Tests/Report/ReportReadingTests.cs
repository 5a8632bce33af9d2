using System.Globalization;
using System.Text;
using System.Text.Json;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Report;

namespace Sessionizer.Engine.Tests.Report;

/// <summary>What the report counts over closed sessions (docs/reference.md §6.10), on hand-made parts and on the engine's own.</summary>
public sealed class ReportReadingTests : IDisposable
{
    private static readonly Window W10 = Window.Parse("2026-11-20T10");
    private static readonly Window W11 = Window.Parse("2026-11-20T11");
    private static readonly Window W12 = Window.Parse("2026-11-20T12");

    private readonly HandMadeOutputs _outputs = new();

    public void Dispose() => _outputs.Dispose();

    private RangeReport Build(Window? from = null, Window? to = null, int top = 10) =>
        ReportBuilder.Build(new OutputLayout(_outputs.Root), new ReportSettings { From = from, To = to, Top = top, Parallelism = 2 });

    [Fact]
    public void Counts_buckets_and_top_values_of_a_hand_made_window()
    {
        _outputs.Commit(W10,
        [
            HandMadeOutputs.Closed(1, 0, 1, "home", "home", "a.com", "Firefox"),
            HandMadeOutputs.Closed(2, 999, 2, "home", "cart", "a.com", null),
            HandMadeOutputs.Closed(3, 1_000, 5, "café ☕", "pay", "b.com", "Chrome"),
            HandMadeOutputs.Closed(4, 299_999, 10, "home", "pay", null, "Chrome"),
            HandMadeOutputs.Closed(5, 86_400_000, 10_000, "q\"uote\\d", "pay", "a.com", "Chrome"),
        ]);

        var window = Assert.Single(Build().Windows);
        var s = window.Sessions!;

        Assert.Empty(window.Problems);
        Assert.Equal(5, s.Sessions);
        Assert.Equal([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1], s.Durations.Counts);
        Assert.Equal([1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1], s.EventCounts.Counts);
        Assert.Equal(0 + 999 + 1_000 + 299_999 + 86_400_000, s.Durations.Sum);
        Assert.Equal(86_400_000, s.Durations.Max);
        Assert.Equal(10_000, s.EventCounts.Max);
        Assert.Equal([("home", 3L), ("café ☕", 1L), ("q\"uote\\d", 1L)], s.EntryPages.Values.Select(v => (v.Value, v.Count)));
        Assert.Equal([("pay", 3L), ("cart", 1L), ("home", 1L)], s.ExitPages.Values.Select(v => (v.Value, v.Count)));
        Assert.Equal([("a.com", 3L), ((string?)null, 1L), ("b.com", 1L)], s.Sites.Values.Select(v => (v.Value, v.Count)));
        Assert.Equal([("Chrome", 3L), ((string?)null, 1L), ("Firefox", 1L)], s.Browsers.Values.Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public void Top_lists_keep_n_values_and_say_what_the_rest_holds()
    {
        var lines = Enumerable.Range(1, 30).Select(i => HandMadeOutputs.Closed(i, 1_000, 2, $"page {i % 12}", "x", "a.com", "b")).ToList();
        _outputs.Commit(W10, lines);

        var entries = Build(top: 8).Windows[0].Sessions!.EntryPages;

        // 12 pages: 1..6 three times, 0 and 7..11 twice; ties in code point order ("page 10" before "page 7").
        Assert.Equal(["page 1", "page 2", "page 3", "page 4", "page 5", "page 6", "page 0", "page 10"], entries.Values.Select(v => v.Value));
        Assert.Equal([3L, 3L, 3L, 3L, 3L, 3L, 2L, 2L], entries.Values.Select(v => v.Count));
        Assert.Equal(30, entries.Total);
        Assert.Equal(12, entries.Distinct);
        Assert.Equal(8, entries.Others);
        Assert.Equal(4, entries.OtherValues);
    }

    [Fact]
    public void The_range_adds_up_its_windows()
    {
        _outputs.Commit(W10, [HandMadeOutputs.Closed(1, 0, 1, "home", "a", "a.com", "x"), HandMadeOutputs.Closed(2, 5_000, 2, "home", "b", "a.com", "x")]);
        _outputs.Commit(W11, [HandMadeOutputs.Closed(3, 7_000, 3, "about", "b", "b.com", "x", W11)]);

        var report = Build();

        Assert.Equal(3, report.Sessions.Sessions);
        Assert.Equal([("home", 2L), ("about", 1L)], report.Sessions.EntryPages.Values.Select(v => (v.Value, v.Count)));
        Assert.Equal([("a.com", 2L), ("b.com", 1L)], report.Sessions.Sites.Values.Select(v => (v.Value, v.Count)));
        Assert.Equal(12_000, report.Sessions.Durations.Sum);
        Assert.Equal(2, report.Windows.Count);
    }

    [Fact]
    public void Windows_without_a_manifest_are_gaps_between_committed_ones_and_not_committed_at_the_ends()
    {
        _outputs.Commit(W10, [HandMadeOutputs.Closed(1, 0, 1, "a", "a", null, null)]);
        _outputs.Commit(W12, [HandMadeOutputs.Closed(1, 0, 1, "a", "a", null, null, W12)]);

        var report = Build(Window.Parse("2026-11-20T09"), Window.Parse("2026-11-20T13"));

        Assert.Equal(
            [("2026-11-20T09", WindowState.NotCommitted), ("2026-11-20T10", WindowState.Committed), ("2026-11-20T11", WindowState.Gap),
                ("2026-11-20T12", WindowState.Committed), ("2026-11-20T13", WindowState.NotCommitted)],
            report.Windows.Select(w => (w.Window.ToString(), w.State)));
        Assert.Equal(2, report.Sessions.Sessions);
        Assert.Equal(["gap", "not committed"], new[] { WindowState.Gap.Label(), WindowState.NotCommitted.Label() });
    }

    [Fact]
    public void An_output_root_with_no_manifest_gives_an_empty_report()
    {
        Assert.Empty(Build().Windows);
        Assert.Equal(24, Build(Window.Parse("2026-11-20T00"), Window.Parse("2026-11-20T23")).Windows.Count(w => w.State == WindowState.NotCommitted));
    }

    [Fact]
    public void A_part_that_cannot_be_read_is_a_problem_of_its_window_not_a_failure_of_the_report()
    {
        _outputs.Commit(W10, [HandMadeOutputs.Closed(1, 0, 1, "a", "a", null, null)]);
        var good = Files.Gzip(Files.Lines([HandMadeOutputs.Closed(1, 0, 1, "b", "b", null, null, W11)]));
        _outputs.Commit(W11, [HandMadeOutputs.Closed(1, 0, 1, "b", "b", null, null, W11)], partBytes: good[..^6]);
        _outputs.Commit(W12, ["{\"session_id\":\"x\"}"]);

        var report = Build();

        Assert.NotNull(report.Windows[0].Sessions);
        Assert.Null(report.Windows[1].Sessions);
        Assert.Contains("cannot be read", Assert.Single(report.Windows[1].Problems), StringComparison.Ordinal);
        Assert.Null(report.Windows[2].Sessions);
        Assert.Contains("line 1: not a closed session", Assert.Single(report.Windows[2].Problems), StringComparison.Ordinal);
        Assert.Equal(1, report.Sessions.Sessions);
    }

    [Fact]
    public void A_part_that_differs_from_its_manifest_is_reported_and_still_counted()
    {
        var lines = new[] { HandMadeOutputs.Closed(1, 0, 1, "a", "a", null, null), HandMadeOutputs.Closed(2, 0, 1, "a", "a", null, null) };
        _outputs.Commit(W10, lines, m => m with { Outputs = [.. m.Outputs.Select(o => o.Path.StartsWith("closed", StringComparison.Ordinal) ? o with { Records = 3, Sha256 = new string('f', 64) } : o)] });

        var window = Build().Windows[0];

        Assert.Equal(2, window.Sessions!.Sessions);
        Assert.Equal(2, window.Problems.Count);
        Assert.Contains("holds 2 records; its manifest says 3", window.Problems[0], StringComparison.Ordinal);
        Assert.Contains("is not the file its manifest recorded", window.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_form_and_any_other_form_of_the_same_records_give_the_same_counts()
    {
        using var sandbox = new Sandbox();
        WriteVaried(sandbox, 4_000);
        sandbox.Run();
        var part = sandbox.ClosedPart(Sandbox.W);
        var lines = Files.ReadLines(part).ToList();
        Assert.True(lines.Count > 500, $"{lines.Count} sessions");

        var fast = new SessionStats();
        var read = ClosedSessionReader.ReadPart(part, fast);
        var reordered = new SessionStats();
        ClosedSessionReader.ReadLines(new MemoryStream(Files.Lines(lines.Select(HandMadeOutputs.Reordered))), reordered, 1 << 20);

        Assert.Equal(lines.Count, read.Records);
        Assert.Equal(Reference(lines), Snapshot(fast));
        Assert.Equal(Snapshot(fast), Snapshot(reordered));
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(7, 64)]
    [InlineData(4096, 100)]
    public void Lines_split_across_reads_and_longer_than_the_buffer_are_read_whole(int chunk, int bufferSize)
    {
        var lines = new List<string> { HandMadeOutputs.Closed(1, 10, 3_000, "long", "session", "a.com", "b") };
        lines.AddRange(Enumerable.Range(2, 50).Select(i => HandMadeOutputs.Closed(i, i * 1000, i % 7 + 1, $"p{i % 5}", "x", i % 3 == 0 ? null : "a.com", "b")));
        var bytes = Files.Lines(lines);
        var expected = new SessionStats();
        ClosedSessionReader.ReadLines(new MemoryStream(bytes), expected, 1 << 20);

        var split = new SessionStats();
        var records = ClosedSessionReader.ReadLines(new ChunkedStream(bytes, chunk), split, bufferSize);
        var withoutLastNewline = new SessionStats();
        ClosedSessionReader.ReadLines(new ChunkedStream(bytes[..^1], chunk), withoutLastNewline, bufferSize);

        Assert.Equal(51, records);
        Assert.Equal(Reference(lines), Snapshot(expected));
        Assert.Equal(Snapshot(expected), Snapshot(split));
        Assert.Equal(Snapshot(expected), Snapshot(withoutLastNewline));
    }

    [Theory]
    [InlineData("{\"duration_ms\":1,\"event_count\":1,\"entry_page\":\"a\"}", "line 2: not a closed session")]
    [InlineData("[1,2]", "line 2: not a JSON object")]
    [InlineData("{\"duration_ms\":\"1\",\"event_count\":1,\"entry_page\":\"a\",\"exit_page\":\"a\"}", "line 2: a field of the wrong type")]
    [InlineData("{\"duration_ms\":1,", "line 2: not JSON")]
    public void A_line_that_is_not_a_closed_session_fails_the_part_naming_the_line(string bad, string message)
    {
        var bytes = Files.Lines([HandMadeOutputs.Closed(1, 0, 1, "a", "a", null, null), bad]);

        var e = Assert.Throws<InvalidDataException>(() => ClosedSessionReader.ReadLines(new MemoryStream(bytes), new SessionStats(), 1024));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_structural_marker_inside_a_page_name_does_not_end_the_pages()
    {
        var tricky = "],\"site\":\"evil.com\",\"api_version\":null,\"browser\":null,\"language\":null,\"end_reason\":\"x\",\"window\":\"y\"}";
        var line = HandMadeOutputs.Closed(1, 0, 3, tricky, tricky, "good.com", "b");
        var stats = new SessionStats();

        ClosedSessionReader.ReadLines(new MemoryStream(Files.Lines([line])), stats, 1024);

        Assert.Equal("good.com", Assert.Single(stats.Sites.Top(5).Values).Value);
        Assert.Equal(tricky, Assert.Single(stats.EntryPages.Top(5).Values).Value);
    }

    /// <summary>Input of many users whose pages and metadata need escaping or are not ASCII, some metadata absent.</summary>
    internal static void WriteVaried(Sandbox sandbox, int events)
    {
        string[] pages = ["index", "a \"quoted\" page", "back\\slash", "tab\there", "new\nline", "\u0001control", "café", "emoji 😀",
            "<script>alert(1)</script>", "],\"site\":\"evil\"", "right-to-left \u202Eevil", "x"];
        string?[] sites = ["a.com", "b.com", null, "<b>bold</b>", "ünï.com"];
        string?[] browsers = ["Firefox 53", "Chrome 58", null, "\"quoted\" browser"];
        var random = new Random(13);
        var lines = new List<string>();
        for (var i = 0; i < events; i++)
        {
            var user = random.Next(1, 600);
            var time = Sandbox.W.Start.AddMilliseconds(random.Next(0, 3_300_000)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var site = sites[user % sites.Length];
            var browser = browsers[user % browsers.Length];
            var source = site is null ? "" : $",\"source\":{{\"site\":{JsonSerializer.Serialize(site)}}}";
            var technical = browser is null ? "" : $",\"technical\":{{\"browser\":{JsonSerializer.Serialize(browser)}}}";
            lines.Add($"{{\"user_id\":{user},\"event_time\":\"{time}\",\"page\":{{\"current\":{JsonSerializer.Serialize(pages[random.Next(pages.Length)])}}}{source}{technical}}}");
        }

        sandbox.Input("visits.json", [.. lines]);
    }

    /// <summary>The counts the report should find, worked out with JsonDocument.</summary>
    internal static string Reference(IEnumerable<string> lines)
    {
        var stats = new SessionStats();
        foreach (var line in lines)
        {
            using var d = JsonDocument.Parse(line);
            var r = d.RootElement;
            stats.Durations.Add(r.GetProperty("duration_ms").GetInt64());
            stats.EventCounts.Add(r.GetProperty("event_count").GetInt64());
            stats.EntryPages.Add(r.GetProperty("entry_page").GetString()!);
            stats.ExitPages.Add(r.GetProperty("exit_page").GetString()!);
            Add(stats.Sites, r.GetProperty("site").GetString());
            Add(stats.Browsers, r.GetProperty("browser").GetString());
        }

        return Snapshot(stats);

        static void Add(ValueCounter counter, string? value)
        {
            if (value is null)
            {
                counter.AddNull();
            }
            else
            {
                counter.Add(value);
            }
        }
    }

    /// <summary>Everything a <see cref="SessionStats"/> holds, as text to compare.</summary>
    internal static string Snapshot(SessionStats stats)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"durations {string.Join(',', stats.Durations.Counts)} sum {stats.Durations.Sum} max {stats.Durations.Max}\n");
        sb.Append(CultureInfo.InvariantCulture, $"events {string.Join(',', stats.EventCounts.Counts)} sum {stats.EventCounts.Sum} max {stats.EventCounts.Max}\n");
        foreach (var (name, counter) in new[] { ("sites", stats.Sites), ("browsers", stats.Browsers), ("entry", stats.EntryPages), ("exit", stats.ExitPages) })
        {
            var top = counter.Top(int.MaxValue);
            sb.Append(CultureInfo.InvariantCulture, $"{name} {top.Total} {top.Distinct}: {string.Join(" | ", top.Values.Select(v => $"{v.Value ?? "(null)"}={v.Count}"))}\n");
        }

        return sb.ToString();
    }
}
