using System.Text;
using Sessionizer.Core.Time;

namespace Sessionizer.Core.Tests;

/// <summary>The cache must answer exactly as <see cref="EventTime.TryParseIso"/>, whatever came before.</summary>
public class HourCacheTests
{
    [Fact]
    public void A_stream_of_times_of_a_few_hours_gets_the_full_parsers_answers()
    {
        var random = new Random(11);
        var cache = new HourCache();
        var start = DateTime.Parse("2026-11-20T09:00:00Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        for (var i = 0; i < 20_000; i++)
        {
            var instant = start.AddMilliseconds(random.Next(0, 3 * 3_600_000));
            var text = instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            AssertSame(cache, random.Next(10) == 0 ? Broken(text, random) : text);
        }
    }

    [Theory]
    [InlineData("2026-11-20T10:60:00.000Z")]
    [InlineData("2026-11-20T10:00:60.000Z")]
    [InlineData("2026-11-20T10:0a:00.000Z")]
    [InlineData("2026-11-20T10:00:00,000Z")]
    [InlineData("2026-11-20T10:00-00.000Z")]
    [InlineData("2026-11-20T10:00:00.00aZ")]
    [InlineData("2026-11-20T10:00:00.000z")]
    [InlineData("2026-11-20t10:59:59.999Z")]
    [InlineData("2026-11-20T10:00:00.0001Z")]
    [InlineData("2026-11-20T10:00:00.000+01:00")]
    public void A_time_of_the_cached_hour_in_another_shape_or_out_of_range_gets_the_full_parsers_answer(string text)
    {
        var cache = new HourCache();
        AssertSame(cache, "2026-11-20t10:30:00.000Z");
        AssertSame(cache, "2026-11-20T10:30:00.000Z"); // the cached hour

        AssertSame(cache, text);
    }

    private static string Broken(string text, Random random)
    {
        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = "0123456789:.-TZx"[random.Next(16)];
        return new string(chars);
    }

    private static void AssertSame(HourCache cache, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = EventTime.TryParseIso(bytes, out var expectedMs);
        var actual = cache.TryParse(bytes, out var actualMs);

        Assert.True(expected == actual, text);
        Assert.Equal(expected ? expectedMs : 0, actualMs);
    }
}
