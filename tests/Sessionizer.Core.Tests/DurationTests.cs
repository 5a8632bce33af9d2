using Sessionizer.Core.Time;

namespace Sessionizer.Core.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("300ms", 300L)]
    [InlineData("90s", 90_000L)]
    [InlineData("5m", 300_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("1d", 86_400_000L)]
    [InlineData("0ms", 0L)]
    [InlineData(" 5m ", 300_000L)]
    public void A_whole_number_and_a_unit_is_a_duration(string text, long expectedMs)
    {
        Assert.True(Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), duration);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Duration.Parse(text));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("+5m")]
    [InlineData("1.5h")]
    [InlineData("5 m")]
    [InlineData("5min")]
    [InlineData("5mm")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("99999999999999999999d")]
    [InlineData("999999999999d")]
    public void Anything_else_is_not_a_duration(string? text)
    {
        Assert.False(Duration.TryParse(text, out _));
    }

    [Fact]
    public void Parse_of_a_bare_number_throws_a_format_exception()
    {
        Assert.Throws<FormatException>(() => Duration.Parse("5"));
    }

    [Theory]
    [InlineData("300ms")]
    [InlineData("90s")]
    [InlineData("5m")]
    [InlineData("2h")]
    [InlineData("1d")]
    [InlineData("1500ms")]
    [InlineData("0ms")]
    public void Format_writes_the_form_that_parses_back(string text)
    {
        Assert.Equal(text, Duration.Format(Duration.Parse(text)));
    }

    [Fact]
    public void Format_writes_the_largest_exact_unit()
    {
        Assert.Equal("1h", Duration.Format(TimeSpan.FromMinutes(60)));
        Assert.Equal("1d", Duration.Format(TimeSpan.FromHours(24)));
        Assert.Equal("25h", Duration.Format(TimeSpan.FromHours(25)));
        Assert.Equal("61s", Duration.Format(TimeSpan.FromSeconds(61)));
        Assert.Equal(TimeSpan.FromHours(25), Duration.Parse(Duration.Format(TimeSpan.FromHours(25))));
    }
}
