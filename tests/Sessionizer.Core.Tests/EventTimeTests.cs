using System.Text;
using Sessionizer.Core.Time;

namespace Sessionizer.Core.Tests;

public class EventTimeTests
{
    /// <summary>2019-01-28T10:26:45Z.</summary>
    private const long Reference = 1_548_671_205_000;

    private static long? Parse(string text) =>
        EventTime.TryParseIso(Encoding.UTF8.GetBytes(text), out var ms) ? ms : null;

    [Fact]
    public void A_time_in_Z_is_read_as_UTC()
    {
        Assert.Equal(Reference, Parse("2019-01-28T10:26:45Z"));
    }

    [Theory]
    [InlineData("2019-01-28T12:26:45+02:00")]
    [InlineData("2019-01-28T05:56:45-04:30")]
    [InlineData("2019-01-28T10:26:45+00:00")]
    [InlineData("2019-01-28T10:26:45-00:00")]
    [InlineData("2019-01-29T00:26:45+14:00")]
    public void An_offset_is_converted_to_UTC(string text)
    {
        Assert.Equal(Reference, Parse(text));
    }

    [Theory]
    [InlineData("2019-01-28T10:26:45.1Z", 100)]
    [InlineData("2019-01-28T10:26:45.12Z", 120)]
    [InlineData("2019-01-28T10:26:45.123Z", 123)]
    [InlineData("2019-01-28T10:26:45.1239Z", 123)]
    [InlineData("2019-01-28T10:26:45.12399Z", 123)]
    [InlineData("2019-01-28T10:26:45.123999Z", 123)]
    [InlineData("2019-01-28T10:26:45.1239999Z", 123)]
    [InlineData("2019-01-28T10:26:45.12399999Z", 123)]
    [InlineData("2019-01-28T10:26:45.999999999Z", 999)]
    [InlineData("2019-01-28T10:26:45.000000001Z", 0)]
    [InlineData("2019-01-28T12:26:45.5+02:00", 500)]
    public void A_fraction_of_one_to_nine_digits_is_truncated_to_the_millisecond(string text, int expectedMillis)
    {
        Assert.Equal(Reference + expectedMillis, Parse(text));
    }

    [Theory]
    [InlineData("2019-01-28T10:26:45")]
    [InlineData("2019-01-28T10:26:45.123")]
    public void A_time_without_an_offset_is_refused(string text)
    {
        Assert.Null(Parse(text));
    }

    [Theory]
    [InlineData("2019-02-29T10:00:00Z")]
    [InlineData("2019-02-30T10:00:00Z")]
    [InlineData("2019-13-01T10:00:00Z")]
    [InlineData("2019-00-01T10:00:00Z")]
    [InlineData("2019-01-00T10:00:00Z")]
    [InlineData("2019-01-28T24:00:00Z")]
    [InlineData("2019-01-28T10:60:00Z")]
    [InlineData("2019-01-28T10:26:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2019-01-28T10:26:45.Z")]
    [InlineData("2019-01-28T10:26:45+0200")]
    [InlineData("2019-01-28T10:26:45+02")]
    [InlineData("2019-01-28T10:26:45+24:00")]
    [InlineData("2019-01-28T10:26:45 Z")]
    [InlineData("2019-01-28T10:26:45ZZ")]
    [InlineData("2019-01-28X10:26:45Z")]
    [InlineData("2019-1-28T10:26:45Z")]
    [InlineData("2019-01-28T1a:26:45Z")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void A_bad_date_or_time_is_refused(string text)
    {
        Assert.Null(Parse(text));
    }

    [Fact]
    public void A_leap_day_is_a_date()
    {
        Assert.Equal(new DateTimeOffset(2020, 2, 29, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), Parse("2020-02-29T00:00:00Z"));
    }

    [Fact]
    public void The_printable_range_is_years_1_to_9999()
    {
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero).ToUnixTimeMilliseconds(), Parse("9999-12-31T23:59:59.999Z"));
        Assert.Equal(DateTimeOffset.MinValue.ToUnixTimeMilliseconds(), Parse("0001-01-01T00:00:00Z"));
        Assert.True(EventTime.IsInRange(0));
        Assert.True(EventTime.IsInRange(DateTimeOffset.MinValue.ToUnixTimeMilliseconds()));
        Assert.False(EventTime.IsInRange(DateTimeOffset.MinValue.ToUnixTimeMilliseconds() - 1));
        Assert.False(EventTime.IsInRange(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() + 1));
        Assert.False(EventTime.IsInRange(long.MaxValue));
    }
}
