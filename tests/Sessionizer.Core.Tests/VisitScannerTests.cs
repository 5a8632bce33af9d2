using System.Text;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Tests.Shared;

namespace Sessionizer.Core.Tests;

/// <summary>
/// The fast path (<see cref="VisitScanner"/>) must never answer differently from the reader's path:
/// every line, valid or broken in any way, gets the same kind, visit and reason from a parser that
/// scans as from one that reads every line with Utf8JsonReader.
/// </summary>
public class VisitScannerTests : VocabularyTests
{
    private const string Valid = """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""";


    public static TheoryData<string> UnusualLines => new(TestLines.Unusual);

    [Fact]
    public void The_scanner_reads_every_line_the_generator_writes_except_the_rejected_ones()
    {
        var lines = TestLines.Generated(20_000, seed: 7);
        var strings = new Utf8Interner(Vocabulary);
        var buffer = new ulong[QuoteIndex.Words];
        var times = new HourCache();
        var reference = new VisitParser(Vocabulary, scan: false);
        int scanned = 0, valid = 0;
        foreach (var line in lines)
        {
            var isVisit = reference.Parse(line, out var expected, out _) == LineKind.Visit;
            valid += isVisit ? 1 : 0;
            if (VisitScanner.TryScan(line, strings, times, buffer, out var fields))
            {
                scanned++;
                Assert.True(isVisit, Encoding.UTF8.GetString(line));
                Assert.Equal(expected.UserId, fields.UserId);
                Assert.Equal(expected.EventTimeMs, fields.EventTimeMs);
                Assert.Equal(PageOf(expected), Vocabulary.StringOf(fields.Page));
            }
        }

        Assert.True(valid > 19_000, $"{valid} valid lines");
        Assert.Equal(valid, scanned);
    }

    [Fact]
    public void The_scanner_reads_lines_of_every_length_around_its_64_byte_words()
    {
        var strings = new Utf8Interner(Vocabulary);
        var buffer = new ulong[QuoteIndex.Words];
        for (var padding = 0; padding < 200; padding++)
        {
            var line = Encoding.UTF8.GetBytes(Valid[..^1] + ",\"pad\":\"" + new string('x', padding) + "\"}");

            Assert.True(VisitScanner.TryScan(line, strings, new HourCache(), buffer, out var fields), Encoding.UTF8.GetString(line));
            Assert.Equal("category 18", Vocabulary.StringOf(fields.Page));
            Assert.Equal(1, fields.UserId);
        }
    }

    [Theory]
    [InlineData("{\"user_id\":1,\"event_time\":\"2019-01-28T10:26:45Z\",\"page\":{\"current\":\"category 18\"}}\r", "category 18")]
    [InlineData("  {\"user_id\":1,\"event_time\":\"2019-01-28T10:26:45Z\",\"page\":{\"current\":\"catégorie 18\"}} ", "catégorie 18")]
    [InlineData("{\"user_id\":1,\"event_time\":\"2019-01-28T10:26:45Z\",\"page\":{\"current\":\"页面 😀\"}}", "页面 😀")]
    public void The_scanner_reads_a_crlf_line_and_non_ascii_text(string line, string page)
    {
        var bytes = Encoding.UTF8.GetBytes(line);

        Assert.True(VisitScanner.TryScan(bytes, new Utf8Interner(Vocabulary), new HourCache(), new ulong[QuoteIndex.Words], out var fields));
        Assert.Equal(page, Vocabulary.StringOf(fields.Page));
        AssertSameAnswer(bytes);
    }

    [Fact]
    public void A_line_over_the_scanners_limit_is_left_to_the_reader_and_still_a_visit()
    {
        var line = Encoding.UTF8.GetBytes(Valid[..^1] + ",\"pad\":\"" + new string('x', QuoteIndex.MaxScannedLineBytes) + "\"}");

        Assert.False(VisitScanner.TryScan(line, new Utf8Interner(Vocabulary), new HourCache(), new ulong[QuoteIndex.Words], out _));
        Assert.Equal(LineKind.Visit, new VisitParser(Vocabulary).Parse(line, out var visit, out _));
        Assert.Equal("category 18", PageOf(visit));
    }

    [Theory]
    [MemberData(nameof(UnusualLines))]
    public void An_unusual_line_gets_the_readers_answer(string line)
    {
        AssertSameAnswer(Encoding.UTF8.GetBytes(line));
    }

    [Fact]
    public void A_line_with_invalid_utf8_in_a_string_gets_the_readers_answer()
    {
        var line = Encoding.UTF8.GetBytes(Valid.Replace("category 18", "category ~~", StringComparison.Ordinal));
        var at = Array.IndexOf(line, (byte)'~');
        foreach (var bad in new byte[][] { [0xC3, 0x28], [0xFF, 0x41], [0xED, 0xA0], [0xC0, 0xAF] })
        {
            line[at] = bad[0];
            line[at + 1] = bad[1];
            AssertSameAnswer(line);
        }
    }

    [Fact]
    public void Randomly_broken_lines_get_the_readers_answer()
    {
        var random = new Random(20261121);
        var bases = TestLines.Generated(300, seed: 3)
            .Concat(TestLines.Unusual.Select(Encoding.UTF8.GetBytes))
            .ToArray();
        for (var i = 0; i < 30_000; i++)
        {
            var line = LineMutator.Mutate(bases[random.Next(bases.Length)], random);
            AssertSameAnswer(line);
        }
    }

    /// <summary>One fast parser for all the lines of a test, so its caches (interning, the hour of event times) are warm, as in a run.</summary>
    private VisitParser? _fast;

    private VisitParser Fast => _fast ??= new VisitParser(Vocabulary);

    private void AssertSameAnswer(byte[] line)
    {
        var fast = Fast.Parse(line, out var fastVisit, out var fastReason);
        var slow = new VisitParser(Vocabulary, scan: false).Parse(line, out var slowVisit, out var slowReason);
        var text = Encoding.UTF8.GetString(line);
        Assert.True(slow == fast, $"{fast} vs reader's {slow}: {text}");
        Assert.True(slowReason == fastReason, $"{fastReason} vs reader's {slowReason}: {text}");
        Assert.True(slowVisit == fastVisit, $"{fastVisit} vs reader's {slowVisit}: {text}");
    }
}
