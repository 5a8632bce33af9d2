using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;

namespace Sessionizer.Engine.Tests;

public class LineReaderTests
{
    private const int MiB = 1024 * 1024;
    private const int KiB64 = 64 * 1024;

    /// <summary>Whole content at once, small odd reads, and reads that straddle the 1 MiB limit.</summary>
    public static TheoryData<int> Chunks => new() { int.MaxValue, 4093, MiB - 1, MiB + 3 };

    private sealed record Line(long Number, string Text, bool TooLong);

    private static List<Line> ReadAll(byte[] content, int chunk)
    {
        var reader = new LineReader(new ChunkedStream(content, chunk));
        var lines = new List<Line>();
        while (reader.TryReadLine(out var line, out var tooLong))
        {
            lines.Add(new Line(reader.LineNumber, Encoding.UTF8.GetString(line), tooLong));
        }

        return lines;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Repeat(char c, int count) => Bytes(new string(c, count));

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Lines_end_with_lf_or_crlf_and_the_last_line_needs_no_line_end(int chunk)
    {
        var lines = ReadAll(Bytes("one\ntwo\r\nthree\r\nfour"), chunk);

        Assert.Equal([new(1, "one", false), new(2, "two", false), new(3, "three", false), new(4, "four", false)], lines);
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_final_line_end_does_not_make_an_extra_empty_line(int chunk)
    {
        Assert.Equal([new Line(1, "one", false)], ReadAll(Bytes("one\n"), chunk));
        Assert.Equal([new Line(1, "one", false)], ReadAll(Bytes("one\r\n"), chunk));
        Assert.Empty(ReadAll([], chunk));
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Blank_lines_are_returned_and_counted_in_line_numbers(int chunk)
    {
        var lines = ReadAll(Bytes("a\n\n\r\n  \nb\n\nc"), chunk);

        Assert.Equal(
            [new(1, "a", false), new(2, "", false), new(3, "", false), new(4, "  ", false), new(5, "b", false), new(6, "", false), new(7, "c", false)],
            lines);
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_line_of_exactly_1_MiB_is_accepted_whole(int chunk)
    {
        var longLine = Repeat('x', MiB);

        foreach (var lineEnd in new[] { "\n", "\r\n" })
        {
            var lines = ReadAll(Concat(longLine, Bytes(lineEnd + "next" + lineEnd)), chunk);

            Assert.Equal(2, lines.Count);
            Assert.False(lines[0].TooLong);
            Assert.Equal(MiB, lines[0].Text.Length);
            Assert.Equal(new Line(2, "next", false), lines[1]);
        }
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_last_line_of_exactly_1_MiB_without_line_end_is_accepted_whole(int chunk)
    {
        var lines = ReadAll(Concat(Bytes("first\n"), Repeat('x', MiB)), chunk);

        Assert.Equal(2, lines.Count);
        Assert.Equal(new Line(2, new string('x', MiB), false), lines[1]);
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_line_of_1_MiB_plus_1_is_too_long_cut_to_64_KiB_and_the_next_line_is_read_whole(int chunk)
    {
        foreach (var lineEnd in new[] { "\n", "\r\n" })
        {
            var longLine = Concat(Repeat('a', KiB64), Repeat('b', MiB + 1 - KiB64));
            var lines = ReadAll(Concat(Bytes("first" + lineEnd), longLine, Bytes(lineEnd + "next" + lineEnd + "last")), chunk);

            Assert.Equal(4, lines.Count);
            Assert.Equal(new Line(1, "first", false), lines[0]);
            Assert.Equal(new Line(2, new string('a', KiB64), true), lines[1]);
            Assert.Equal(new Line(3, "next", false), lines[2]);
            Assert.Equal(new Line(4, "last", false), lines[3]);
        }
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_line_of_several_MiB_is_too_long_and_the_lines_after_it_are_read_whole(int chunk)
    {
        var longLine = Concat(Repeat('a', KiB64), Repeat('b', (5 * MiB) + 12345));
        var lines = ReadAll(Concat(longLine, Bytes("\nnext\n"), longLine, Bytes("\r\n\nafter\n")), chunk);

        Assert.Equal(
            [new(1, new string('a', KiB64), true), new(2, "next", false), new(3, new string('a', KiB64), true), new(4, "", false), new(5, "after", false)],
            lines);
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void An_over_long_last_line_is_too_long_with_or_without_a_line_end(int chunk)
    {
        foreach (var size in new[] { MiB + 1, MiB + 2, 3 * MiB })
        {
            foreach (var lineEnd in new[] { "", "\n", "\r\n" })
            {
                var lines = ReadAll(Concat(Bytes("first\n"), Repeat('z', size), Bytes(lineEnd)), chunk);

                Assert.Equal([new(1, "first", false), new(2, new string('z', KiB64), true)], lines);
            }
        }
    }

    [Fact]
    public void A_line_whose_carriage_return_falls_just_past_1_MiB_is_still_accepted()
    {
        // 1 MiB of text, then "\r\n": the line is 1 MiB without its line end, so it is accepted.
        foreach (var chunk in new[] { MiB, MiB + 1, MiB + 2 })
        {
            var lines = ReadAll(Concat(Repeat('x', MiB), Bytes("\r\nnext")), chunk);

            Assert.Equal(2, lines.Count);
            Assert.False(lines[0].TooLong);
            Assert.Equal(MiB, lines[0].Text.Length);
            Assert.Equal(new Line(2, "next", false), lines[1]);
        }
    }

    [Theory]
    [InlineData((MiB / 3) + 1, int.MaxValue)]
    [InlineData((MiB / 3) + 1, 4093)]
    [InlineData(MiB, int.MaxValue)]
    [InlineData(MiB, 4093)]
    public void The_cut_of_an_over_long_line_does_not_split_a_character(int characters, int chunk)
    {
        // "€" is 3 bytes in UTF-8, and 64 KiB is not a multiple of 3: a cut at exactly 64 KiB would split one.
        var longLine = Bytes(string.Concat(Enumerable.Repeat("€", characters)));

        var lines = ReadAll(Concat(longLine, Bytes("\nnext\n")), chunk);

        Assert.True(lines[0].TooLong);
        Assert.Equal(string.Concat(Enumerable.Repeat("€", KiB64 / 3)), lines[0].Text);
        Assert.Equal(new Line(2, "next", false), lines[1]);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(4093)]
    public void An_over_long_line_is_cut_as_the_raw_text_of_any_rejected_line(int chunk)
    {
        // Not UTF-8: a run of continuation bytes across the 64 KiB mark. Both cuts are one rule (Utf8Cut).
        var longLine = Concat(Repeat('a', KiB64 - 5), Enumerable.Repeat((byte)0x80, 10).ToArray(), Repeat('b', MiB));

        var lines = ReadAll(Concat(longLine, Bytes("\nnext\n")), chunk);

        Assert.True(lines[0].TooLong);
        Assert.Equal(Encoding.UTF8.GetString(RejectedRecord.CutRaw(longLine)), lines[0].Text);
        Assert.Equal(new string('a', KiB64 - 6), lines[0].Text);
    }

    [Fact]
    public void The_limits_are_those_of_the_spec()
    {
        Assert.Equal(MiB, InputLimits.MaxLineBytes);
        Assert.Equal(KiB64, InputLimits.MaxRawBytes);
    }
}
