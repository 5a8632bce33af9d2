using System.Text;
using Sessionizer.Core.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>Strings compare by code point (UTF-8 byte order), as Spark and DuckDB compare them, not by UTF-16 code unit.</summary>
public class CodePointOrderTests
{
    // U+E000 (private use) is below U+1F600 as a code point, above it as UTF-16 (0xE000 > 0xD83D).
    private const string PrivateUse = "\uE000";
    private const string Emoji = "\U0001F600";

    public static TheoryData<string?, string?> Pairs => new()
    {
        { PrivateUse, Emoji },
        { "\uFFFD", Emoji },
        { "a" + PrivateUse, "a" + Emoji },
        { null, "" },
        { "", "a" },
        { "ab", "abc" },
        { "abc", "abd" },
        { "Z", "a" },
        { "é", "\uE000" },
        { Emoji, "\U0001F601" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_first_sorts_before_the_second_as_their_UTF8_bytes_do(string? first, string? second)
    {
        Assert.True(CodePointOrder.Compare(first, second) < 0);
        Assert.True(CodePointOrder.Compare(second, first) > 0);
        if (first is not null && second is not null)
        {
            Assert.True(Encoding.UTF8.GetBytes(first).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(second)) < 0);
        }
    }

    [Fact]
    public void It_agrees_with_UTF8_byte_order_on_random_strings()
    {
        var random = new Random(7);
        string[] pieces = ["a", "b", "é", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF", "\U00010000", "\U0001F600", "\U0010FFFF"];
        for (var i = 0; i < 20_000; i++)
        {
            var a = string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => pieces[random.Next(pieces.Length)]));
            var b = string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => pieces[random.Next(pieces.Length)]));
            var bytes = Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
            Assert.Equal(Math.Sign(bytes), Math.Sign(CodePointOrder.Compare(a, b)));
        }
    }

    [Fact]
    public void Visits_at_the_same_instant_sort_their_pages_by_code_point()
    {
        var vocabulary = new Vocabulary();
        var emoji = vocabulary.Visit(1, 1_548_671_205_000, Emoji, VisitMetadata.None);
        var privateUse = vocabulary.Visit(1, 1_548_671_205_000, PrivateUse, VisitMetadata.None);

        Assert.True(vocabulary.Order.Compare(privateUse, emoji) < 0);
        Assert.True(vocabulary.Order.Compare(emoji, privateUse) > 0);
    }

    [Fact]
    public void Metadata_sorts_by_code_point()
    {
        var emoji = new VisitMetadata(Emoji, null, null, null);
        var privateUse = new VisitMetadata(PrivateUse, null, null, null);

        Assert.True(VisitMetadata.Compare(privateUse, emoji) < 0);
        Assert.True(VisitMetadata.Compare(emoji, privateUse) > 0);
    }
}
