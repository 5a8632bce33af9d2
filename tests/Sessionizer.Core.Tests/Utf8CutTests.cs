using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>
/// The one UTF-8-safe cut (a rejected record's raw text, an over-long line as read): at most the limit,
/// never inside a character, and the longest such prefix.
/// </summary>
public class Utf8CutTests
{
    public static TheoryData<string> Characters => new() { "a", "é", "€", "\U0001F600" };

    [Theory]
    [MemberData(nameof(Characters))]
    public void A_cut_at_every_offset_of_a_character_keeps_the_characters_before_it_whole(string character)
    {
        var text = Encoding.UTF8.GetBytes("ab" + string.Concat(Enumerable.Repeat(character, 4)));
        var size = Encoding.UTF8.GetByteCount(character);
        for (var max = 0; max < text.Length; max++)
        {
            var kept = Utf8Cut.Length(text, max);

            // The longest prefix of whole characters that fits: "ab", then whole characters only.
            var expected = max <= 2 ? max : 2 + ((max - 2) / size * size);
            Assert.Equal(expected, kept);
            Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(text, 0, kept));
        }
    }

    [Fact]
    public void Bytes_that_fit_are_all_kept_even_when_they_end_inside_a_character()
    {
        byte[] cutAlready = [(byte)'a', 0xE2, 0x82];

        Assert.Equal(3, Utf8Cut.Length(cutAlready, 3));
        Assert.Equal(3, Utf8Cut.Length(cutAlready, 10));
    }

    [Fact]
    public void Random_text_is_cut_to_the_longest_prefix_of_whole_characters()
    {
        var random = new Random(12);
        string[] pieces = ["x", "ß", "€", "\U0001F600", " "];
        for (var i = 0; i < 2_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 20)).Select(_ => pieces[random.Next(pieces.Length)]));
            var bytes = Encoding.UTF8.GetBytes(text);
            var max = random.Next(0, bytes.Length + 2);

            // Whole characters, one by one, while they fit.
            var expected = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                if (expected + rune.Utf8SequenceLength > max)
                {
                    break;
                }

                expected += rune.Utf8SequenceLength;
            }

            Assert.Equal(expected, Utf8Cut.Length(bytes, max));
        }
    }

    [Fact]
    public void A_run_of_continuation_bytes_in_invalid_text_is_stepped_over_whole()
    {
        // Not UTF-8: "ab" and then six continuation bytes. A cut in their midst goes back over all of them and
        // over the byte they follow, taken for the start of the character they continue, as Spark's cut does.
        byte[] invalid = [(byte)'a', (byte)'b', 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, (byte)'c'];

        Assert.Equal(1, Utf8Cut.Length(invalid, 7));
        Assert.Equal(8, Utf8Cut.Length(invalid, 8));
        Assert.Equal(0, Utf8Cut.Length([0x80, 0x80, 0x80, 0x80, 0x80], 4));
    }

    [Fact]
    public void The_raw_text_of_a_rejected_line_is_cut_at_64_KiB_between_characters()
    {
        // "€" is 3 bytes and 64 KiB is not a multiple of 3: the last one that would be split is left out.
        var line = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("€", (InputLimits.MaxRawBytes / 3) + 10)));

        var raw = RejectedRecord.CutRaw(line);

        Assert.Equal(InputLimits.MaxRawBytes / 3 * 3, raw.Length);
        Assert.Equal(line.AsSpan(0, raw.Length).ToArray(), raw);
    }
}
