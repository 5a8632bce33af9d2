using Sessionizer.Core.Records;

namespace Sessionizer.Core.Tests;

public sealed class TimestampsTests
{
    [Fact]
    public void The_hand_written_format_matches_DateTime_formatting_across_the_whole_range()
    {
        var random = new Random(11);
        var min = -62_135_596_800_000L;
        var max = 253_402_300_799_999L;
        for (var i = 0; i < 200_000; i++)
        {
            var ms = min + (long)(random.NextDouble() * (max - min));
            Assert.Equal(Timestamps.ToTextWithDateTime(ms), Timestamps.ToText(ms));
        }
    }

    [Theory]
    [InlineData("2024-02-29T23:59:59.999Z")]
    [InlineData("2000-02-29T00:00:00.000Z")]
    [InlineData("1900-03-01T00:00:00.000Z")]
    [InlineData("2100-02-28T12:00:00.000Z")]
    [InlineData("1600-02-29T01:02:03.004Z")]
    public void Leap_days_and_century_years_are_formatted_right(string text)
    {
        var ms = (long)(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal) - DateTime.UnixEpoch).TotalMilliseconds;

        Assert.Equal(text, Timestamps.ToText(ms));
    }
}
