using System.Text;
using Sessionizer.Core.Generation;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>
/// The fast path (<see cref="VisitScanner"/>) must never answer differently from the reader's path:
/// every line, valid or broken in any way, gets the same kind, visit and reason from a parser that
/// scans as from one that reads every line with Utf8JsonReader.
/// </summary>
public class VisitScannerTests
{
    private const string Valid = """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""";

    private static readonly Vocabulary Words = new();

    /// <summary>Lines the scanner must leave to the reader, each for its own reason; the parser's answer must not change.</summary>
    private static readonly string[] Unusual =
    [
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category\u0020 18"}}""",
        """{"user_\u0069d":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1,"user_id":2,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a","current":"b"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"},"page":{"current":"x"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"source":{"site":"a","site":"b"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"source":"mysite.com"}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"source":{"site":null,"api_version":""},"technical":{"browser":5,"lang":"en"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"source":{},"technical":{"lang":"en","os":{"v":[1]},"browser":"b"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"technical":{"browser":"","lang":null}}""",
        """{"user_id":1.0,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1e3,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":-1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":0,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":9223372036854775807,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"}}""",
        """{"user_id":9223372036854775808,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"}}""",
        """{"user_id":"1","event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1,"event_time":1548671205000,"page":{"current":"category 18"}}""",
        """{"user_id":1,"event_time":"2019-02-30T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":""}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":null}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":"category 18"}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z"}""",
        """{}""",
        """[1,2]""",
        """ {"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"é"}} """,
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"é":1}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":-0.5e+10,"b":[true,false,null,{}],"o":{"a":[]}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":01}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":1.}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":tru}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"}}}""",
        "{\"user_id\":1,\"event_time\":\"2019-01-28T10:26:45Z\",\"page\":{\"current\":\"a\tb\"}}",
        "{\"user_id\":1,\r\n\"event_time\" : \"2019-01-28T10:26:45Z\",\t\"page\":{ \"current\" :\"x\" } }\r",
    ];

    public static TheoryData<string> UnusualLines => new(Unusual);

    [Fact]
    public void The_scanner_reads_every_line_the_generator_writes_except_the_rejected_ones()
    {
        var lines = GeneratedLines(20_000, seed: 7);
        var strings = new Utf8Interner();
        var buffer = new ulong[QuoteIndex.Words];
        var times = new HourCache();
        var reference = new VisitParser(Words, scan: false);
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
                Assert.Equal(expected.Page, Interned.StringOf(fields.Page));
            }
        }

        Assert.True(valid > 19_000, $"{valid} valid lines");
        Assert.Equal(valid, scanned);
    }

    [Fact]
    public void The_scanner_reads_lines_of_every_length_around_its_64_byte_words()
    {
        var strings = new Utf8Interner();
        var buffer = new ulong[QuoteIndex.Words];
        for (var padding = 0; padding < 200; padding++)
        {
            var line = Encoding.UTF8.GetBytes(Valid[..^1] + ",\"pad\":\"" + new string('x', padding) + "\"}");

            Assert.True(VisitScanner.TryScan(line, strings, new HourCache(), buffer, out var fields), Encoding.UTF8.GetString(line));
            Assert.Equal("category 18", Interned.StringOf(fields.Page));
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

        Assert.True(VisitScanner.TryScan(bytes, new Utf8Interner(), new HourCache(), new ulong[QuoteIndex.Words], out var fields));
        Assert.Equal(page, Interned.StringOf(fields.Page));
        AssertSameAnswer(bytes);
    }

    [Fact]
    public void A_line_over_the_scanners_limit_is_left_to_the_reader_and_still_a_visit()
    {
        var line = Encoding.UTF8.GetBytes(Valid[..^1] + ",\"pad\":\"" + new string('x', QuoteIndex.MaxLineBytes) + "\"}");

        Assert.False(VisitScanner.TryScan(line, new Utf8Interner(), new HourCache(), new ulong[QuoteIndex.Words], out _));
        Assert.Equal(LineKind.Visit, new VisitParser(Words).Parse(line, out var visit, out _));
        Assert.Equal("category 18", visit.Page);
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
        var bases = GeneratedLines(300, seed: 3)
            .Concat(Unusual.Select(Encoding.UTF8.GetBytes))
            .ToArray();
        for (var i = 0; i < 30_000; i++)
        {
            var line = Mutate(bases[random.Next(bases.Length)], random);
            AssertSameAnswer(line);
        }
    }

    /// <summary>One fast parser for all the lines of a test, so its caches (interning, the hour of event times) are warm, as in a run.</summary>
    private readonly VisitParser _fast = new(Words);

    private void AssertSameAnswer(byte[] line)
    {
        var fast = _fast.Parse(line, out var fastVisit, out var fastReason);
        var slow = new VisitParser(Words, scan: false).Parse(line, out var slowVisit, out var slowReason);
        var text = Encoding.UTF8.GetString(line);
        Assert.True(slow == fast, $"{fast} vs reader's {slow}: {text}");
        Assert.True(slowReason == fastReason, $"{fastReason} vs reader's {slowReason}: {text}");
        Assert.True(slowVisit == fastVisit, $"{fastVisit} vs reader's {slowVisit}: {text}");
    }

    private static readonly byte[] Alphabet = Encoding.UTF8.GetBytes("{}[]\":,\\ \t0123456789.eE-+tfnulx/é\u0001");

    /// <summary>One to three edits: delete, insert, replace a byte, or repeat or drop a slice.</summary>
    private static byte[] Mutate(byte[] line, Random random)
    {
        var bytes = new List<byte>(line);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    bytes[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 30), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 30), bytes.Count - at));
                    break;
            }
        }

        return [.. bytes];
    }

    private static List<byte[]> GeneratedLines(int count, ulong seed)
    {
        var simulator = new VisitSimulator(new GenerationSettings
        {
            Start = Window.Parse("2026-11-20T10"),
            Visits = 200,
            Seed = seed,
            FilesPerHour = 1,
            MaxEvents = count,
            LateFraction = 0,
        });
        var lines = new List<byte[]>(count);
        simulator.Run(chunk =>
        {
            chunk.Format();
            var text = chunk.Lines(0).Span;
            int feed;
            while ((feed = text.IndexOf((byte)'\n')) >= 0)
            {
                lines.Add(text[..feed].ToArray());
                text = text[(feed + 1)..];
            }

            simulator.Recycle(chunk);
        });
        return lines;
    }
}
