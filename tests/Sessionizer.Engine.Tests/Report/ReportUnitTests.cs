using Sessionizer.Engine.Report;

namespace Sessionizer.Engine.Tests.Report;

/// <summary>The report's buckets, counters and formats.</summary>
public sealed class ReportUnitTests
{
    [Theory]
    [InlineData(-5, "0 s")]
    [InlineData(0, "0 s")]
    [InlineData(1, "< 1 s")]
    [InlineData(999, "< 1 s")]
    [InlineData(1_000, "1-2 s")]
    [InlineData(299_999, "2-5 min")]
    [InlineData(300_000, "5-10 min")]
    [InlineData(86_399_999, "12 h-1 d")]
    [InlineData(86_400_000, ">= 1 d")]
    [InlineData(long.MaxValue, ">= 1 d")]
    public void Durations_fall_into_log_scale_buckets(long ms, string label) =>
        Assert.Equal(label, BucketScale.Durations.Labels[BucketScale.Durations.BucketOf(ms)]);

    [Theory]
    [InlineData(1, "1")]
    [InlineData(2, "2")]
    [InlineData(4, "3-4")]
    [InlineData(5, "5-9")]
    [InlineData(999, "500-999")]
    [InlineData(9_999, "5,000-9,999")]
    [InlineData(10_000, ">= 10,000")]
    public void Event_counts_fall_into_log_scale_buckets(long events, string label) =>
        Assert.Equal(label, BucketScale.EventCounts.Labels[BucketScale.EventCounts.BucketOf(events)]);

    [Fact]
    public void A_histogram_knows_its_median_bucket_mean_and_maximum()
    {
        var h = new Histogram(BucketScale.EventCounts);
        foreach (var v in new long[] { 1, 1, 3, 7, 50 })
        {
            h.Add(v);
        }

        var other = new Histogram(BucketScale.EventCounts);
        other.Add(120);
        h.Merge(other);

        Assert.Equal("3-4", h.MedianBucket);
        Assert.Equal(182 / 6.0, h.Mean);
        Assert.Equal(120, h.Max);
        Assert.Equal(6, h.Total);
        Assert.Null(new Histogram(BucketScale.Durations).MedianBucket);
    }

    [Fact]
    public void A_value_counted_as_utf8_and_as_a_string_is_one_value()
    {
        var counter = new ValueCounter();
        counter.AddUtf8("café 😀"u8);
        counter.Add("café 😀");
        counter.AddUtf8(new byte[300].AsSpan()); // longer than the first decoding buffer
        counter.AddNull();
        var other = new ValueCounter();
        other.Add("b", 5);
        other.AddNull(2);
        counter.Merge(other);

        var top = counter.Top(10);

        Assert.Equal([("b", 5L), ((string?)null, 3L), ("café 😀", 2L), (new string('\0', 300), 1L)], top.Values.Select(v => (v.Value, v.Count)));
        Assert.Equal(11, top.Total);
        Assert.Equal(4, top.Distinct);
        Assert.Equal(0, top.Others);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")]
    [InlineData("a & b \"c\"", "a &amp; b &quot;c&quot;")]
    [InlineData("line\nbreak\ttab\u0001\u007F", "line\\nbreak\\ttab\\u0001\\u007F")]
    [InlineData("café 😀 \u202E", "café 😀 \u202E")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_from_data_is_escaped_for_html(string? value, string html) => Assert.Equal(html, Html.Text(value));

    [Fact]
    public void Long_values_are_cut_for_display_and_whole_in_the_tooltip_without_splitting_a_surrogate_pair()
    {
        var value = new string('x', 79) + "😀" + new string('<', 10);

        var shown = Html.Shown(value, 80);

        Assert.Equal($"<bdi title=\"{new string('x', 79)}😀{string.Concat(Enumerable.Repeat("&lt;", 10))}\">{new string('x', 79)}…</bdi>", shown);
        Assert.Equal("<span class=\"null\">(null)</span>", Html.Shown(null));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(950, "950")]
    [InlineData(79_240, "79.2k")]
    [InlineData(9_996, "10.0k")]
    [InlineData(99_960, "100k")]
    [InlineData(999_600, "1.00M")]
    [InlineData(5_035_287, "5.04M")]
    [InlineData(120_625_045, "121M")]
    [InlineData(2_000_000_000, "2.00G")]
    public void Chart_labels_have_three_significant_digits(long value, string text) => Assert.Equal(text, Html.Compact(value));

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(850, "850 ms")]
    [InlineData(42_000, "42 s")]
    [InlineData(252_000, "4 min 12 s")]
    [InlineData(11_100_000, "3 h 05 min")]
    [InlineData(93_600_000, "1 d 2 h")]
    public void Durations_read_as_people_write_them(double ms, string text) => Assert.Equal(text, Html.Duration(ms));

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(7, 2, 8)]
    [InlineData(5_029_508, 2_000_000, 6_000_000)]
    [InlineData(40_437, 20_000, 60_000)]
    [InlineData(4_000_000_000_000_000_001, 1_000_000_000_000_000_000, 5_000_000_000_000_000_000)]
    [InlineData(long.MaxValue, 5_000_000_000_000_000_000, long.MaxValue)]
    public void Time_chart_axes_end_on_a_round_number(long max, long step, long top) => Assert.Equal((top, step), TimeChart.Scale(max));
}
