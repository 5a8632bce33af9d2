using System.Text;
using System.Text.Json;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

public class RejectedOutputTests
{
    private const int MiB = 1024 * 1024;
    private const int KiB64 = 64 * 1024;

    private sealed record Rejection(string File, long Line, string Reason, string Raw);

    private static List<Rejection> Rejections(Sandbox sandbox) =>
        sandbox.RejectedRecords(Sandbox.W).Select(r =>
        {
            Assert.Equal(["file", "line", "reason", "raw"], r.EnumerateObject().Select(p => p.Name));
            return new Rejection(r.GetProperty("file").GetString()!, r.GetProperty("line").GetInt64(), r.GetProperty("reason").GetString()!,
                r.GetProperty("raw").GetString()!);
        }).ToList();

    /// <summary>Runs the window with the data-quality gate open: these tests are about what is rejected, not how much.</summary>
    private static void RunLenient(Sandbox sandbox) => sandbox.Run(sandbox.Settings with { MaxRejectedFraction = 1 });

    [Fact]
    public void A_rejected_record_names_the_file_relative_to_the_input_root_and_the_line_counting_blank_lines()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("sub/a.json", Visit(1, "10:10:00", "a"), "", "{\"user_id\":1,", "   ", Visit(1, "10:11:00", "b"), "[1,2]");
        RunLenient(sandbox);

        Assert.Equal(
            [
                new("2019/01/28/10/sub/a.json", 3, "malformed_json", "{\"user_id\":1,"),
                new("2019/01/28/10/sub/a.json", 6, "not_an_object", "[1,2]"),
            ],
            Rejections(sandbox));
    }

    [Fact]
    public void Line_numbers_count_lines_of_the_decompressed_file_with_crlf_line_ends()
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "a.json.gz", Files.Gzip(Encoding.UTF8.GetBytes($"{Visit(1, "10:10:00", "a")}\r\n\r\n{{}}\r\nnull")));
        RunLenient(sandbox);

        Assert.Equal(
            [new("2019/01/28/10/a.json.gz", 3, "missing_user_id", "{}"), new("2019/01/28/10/a.json.gz", 4, "not_an_object", "null")],
            Rejections(sandbox));
    }

    [Fact]
    public void Rejected_records_are_ordered_by_file_then_line()
    {
        using var sandbox = new Sandbox();
        string[] names = ["c.json.gz", "a.json", "B.json", "a/z.jsonl", "a/b/y.json", "d.jsonl.gz", "a.jsonl"];
        foreach (var name in names)
        {
            var lines = new List<string>();
            for (var i = 0; i < 50; i++)
            {
                lines.Add(i % 3 == 0 ? Visit(i + 1, "10:10:00", "p") : $"bad {name} {i}");
            }

            sandbox.Input(name, [.. lines]);
        }

        RunLenient(sandbox);

        var rejections = Rejections(sandbox);
        var expected = names.Select(n => "2019/01/28/10/" + n).Order(StringComparer.Ordinal)
            .SelectMany(file => Enumerable.Range(0, 50).Where(i => i % 3 != 0).Select(i => (file, (long)i + 1)))
            .ToList();
        Assert.Equal(expected, rejections.Select(r => (r.File, r.Line)).ToList());
        Assert.All(rejections, r => Assert.Equal("malformed_json", r.Reason));
    }

    [Fact]
    public void The_manifest_counts_input_lines_as_valid_plus_rejected_with_blank_lines_apart_and_rejections_by_reason()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json",
            Visit(1, "10:10:00", "a"),
            "",
            "not json",
            "\t ",
            "{\"user_id\":0,\"event_time\":\"2019-01-28T10:00:00Z\",\"page\":{\"current\":\"a\"}}",
            "{\"user_id\":2,\"page\":{\"current\":\"a\"}}",
            "{\"user_id\":2,\"event_time\":\"2019-01-28T10:00:00\",\"page\":{\"current\":\"a\"}}",
            "{\"user_id\":2,\"event_time\":\"2019-01-28T10:00:00Z\"}",
            "{\"user_id\":2,\"event_time\":\"2019-01-28T10:00:00Z\",\"page\":{\"current\":\"\"}}",
            "\"text\"",
            "not json either");
        sandbox.Input("b.json.gz", Visit(2, "10:10:00", "a"), Visit(3, "10:10:00", "a"), "", "");
        RunLenient(sandbox);

        var counts = sandbox.Manifest().GetProperty("counts");
        Assert.Equal(3, counts.GetProperty("valid_events").GetInt64());
        Assert.Equal(8, counts.GetProperty("rejected").GetInt64());
        Assert.Equal(11, counts.GetProperty("input_lines").GetInt64());
        Assert.Equal(4, counts.GetProperty("blank_lines").GetInt64());
        var byReason = counts.GetProperty("rejected_by_reason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["malformed_json"] = 2,
                ["not_an_object"] = 1,
                ["invalid_user_id"] = 1,
                ["missing_event_time"] = 1,
                ["invalid_event_time"] = 1,
                ["missing_page"] = 1,
                ["invalid_page"] = 1,
            },
            byReason);
        Assert.Equal(8, sandbox.RejectedRecords(Sandbox.W).Count);
    }

    [Fact]
    public void A_line_of_exactly_1_MiB_is_read_and_one_byte_more_is_line_too_long_with_its_raw_cut_at_64_KiB()
    {
        using var sandbox = new Sandbox();
        var exact = PaddedVisit(1, "10:10:00", "exact", MiB);
        var tooLong = PaddedVisit(2, "10:10:00", "too long", MiB + 1);
        sandbox.Input("a.json", exact, tooLong, Visit(3, "10:10:00", "after"));
        sandbox.Input("b.json.gz", tooLong, exact.Replace("\"user_id\":1", "\"user_id\":4", StringComparison.Ordinal));
        RunLenient(sandbox);

        Assert.Equal(
            [
                new("2019/01/28/10/a.json", 2, "line_too_long", tooLong[..KiB64]),
                new("2019/01/28/10/b.json.gz", 1, "line_too_long", tooLong[..KiB64]),
            ],
            Rejections(sandbox));
        var closed = sandbox.ClosedRecords(Sandbox.W);
        Assert.Equal([1L, 3L, 4L], closed.Select(r => r.GetProperty("user_id").GetInt64()));
        Assert.Equal(["exact", "after", "exact"], closed.Select(r => r.GetProperty("entry_page").GetString()));
        Assert.Equal(2, sandbox.Manifest().GetProperty("counts").GetProperty("rejected_by_reason").GetProperty("line_too_long").GetInt64());
    }

    [Fact]
    public void A_raw_line_is_cut_at_64_KiB_without_splitting_a_character()
    {
        using var sandbox = new Sandbox();
        // Malformed (not too long) and too long: both cut at 64 KiB, moved back to a character boundary ("€" is 3 bytes).
        var malformed = "{a" + string.Concat(Enumerable.Repeat("€", 30_000));
        var tooLong = string.Concat(Enumerable.Repeat("€", (MiB / 3) + 10));
        sandbox.Input("a.json", malformed, tooLong);
        RunLenient(sandbox);

        var raws = Rejections(sandbox).Select(r => r.Raw).ToList();
        Assert.Equal(["{a" + string.Concat(Enumerable.Repeat("€", (KiB64 - 2) / 3)), string.Concat(Enumerable.Repeat("€", KiB64 / 3))], raws);
        Assert.All(raws, raw => Assert.True(Encoding.UTF8.GetByteCount(raw) <= KiB64));
    }

    [Fact]
    public void The_rejected_output_is_valid_json_even_for_invalid_utf8()
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "a.json", [.. "{\"user_id\":1,\"x\":\""u8, 0xFF, 0xFE, .. "\"}\n"u8]);
        RunLenient(sandbox);

        var rejection = Assert.Single(Rejections(sandbox));
        Assert.Equal("malformed_json", rejection.Reason);
        Assert.StartsWith("{\"user_id\":1,\"x\":\"", rejection.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_line_is_written_as_UTF8_escaping_only_what_JSON_requires()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a\U0001F600.json", "{\"page\":\"\U0001F600\u00a0\u2028\u007f\",\t\"user_id\":");
        RunLenient(sandbox);

        var line = Assert.Single(Files.ReadLines(sandbox.RejectedPart(Sandbox.W)));
        Assert.Equal(
            "{\"file\":\"2019/01/28/10/a\U0001F600.json\",\"line\":1,\"reason\":\"malformed_json\"," +
            "\"raw\":\"{\\\"page\\\":\\\"\U0001F600\u00a0\u2028\u007f\\\",\\t\\\"user_id\\\":\"}",
            line);
    }

    /// <summary>A valid visit line padded with an ignored field to exactly <paramref name="length"/> bytes.</summary>
    private static string PaddedVisit(long userId, string time, string page, int length)
    {
        var head = $"{{\"user_id\":{userId},\"event_time\":\"{At(time)}\",\"page\":{{\"current\":\"{page}\"}},\"padding\":\"";
        var line = head + new string('x', length - head.Length - 2) + "\"}";
        Assert.Equal(length, Encoding.UTF8.GetByteCount(line));
        using var _ = JsonDocument.Parse(line);
        return line;
    }
}
