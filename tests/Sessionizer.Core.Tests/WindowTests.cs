using Sessionizer.Core.Time;

namespace Sessionizer.Core.Tests;

public class WindowTests
{
    private static readonly long Start20261120T10 = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void The_canonical_form_parses_to_the_start_of_the_hour_in_UTC()
    {
        var window = Window.Parse("2026-11-20T10");

        Assert.Equal(Start20261120T10, window.StartMs);
        Assert.Equal(new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), window.Start);
        Assert.Equal(DateTimeKind.Utc, window.Start.Kind);
    }

    [Fact]
    public void The_reference_jobs_form_with_a_space_parses_to_the_same_window()
    {
        Assert.True(Window.TryParse("2026-11-20 10", out var window));

        Assert.Equal(Window.Parse("2026-11-20T10"), window);
        Assert.Equal("2026-11-20T10", window.ToString());
    }

    [Theory]
    [InlineData("2026-11-20T10:00")]
    [InlineData("2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20")]
    [InlineData("2026-11-20T24")]
    [InlineData("2026-13-20T10")]
    [InlineData("2026-02-30T10")]
    [InlineData("20261120T10")]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_an_hour_is_not_a_window(string? text)
    {
        Assert.False(Window.TryParse(text, out _));
    }

    [Fact]
    public void Parse_of_garbage_throws_a_format_exception_naming_the_text()
    {
        var e = Assert.Throws<FormatException>(() => Window.Parse("garbage"));

        Assert.Contains("garbage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_writes_the_canonical_form()
    {
        Assert.Equal("2026-01-02T03", Window.Parse("2026-01-02 03").ToString());
    }

    [Fact]
    public void The_partition_path_is_year_month_day_hour_with_slashes()
    {
        Assert.Equal("2026/11/20/10", Window.Parse("2026-11-20T10").PartitionPath);
        Assert.Equal("2026/01/02/03", Window.Parse("2026-01-02T03").PartitionPath);
    }

    [Fact]
    public void Previous_and_Next_move_by_one_hour_across_day_and_year_boundaries()
    {
        Assert.Equal("2026-11-19T23", Window.Parse("2026-11-20T00").Previous.ToString());
        Assert.Equal("2027-01-01T00", Window.Parse("2026-12-31T23").Next.ToString());
        Assert.Equal("2026-11-20T11", Window.Parse("2026-11-20T10").Next.ToString());
        Assert.Equal(Window.Parse("2026-11-20T10"), Window.Parse("2026-11-20T10").Next.Previous);
    }

    [Fact]
    public void The_end_is_one_hour_after_the_start_and_exclusive()
    {
        var window = Window.Parse("2026-11-20T10");

        Assert.Equal(Start20261120T10 + 3_600_000, window.EndMs);
        Assert.Equal(window.Next.StartMs, window.EndMs);
        Assert.True(window.Contains(window.StartMs));
        Assert.True(window.Contains(window.EndMs - 1));
        Assert.False(window.Contains(window.EndMs));
        Assert.False(window.Contains(window.StartMs - 1));
    }

    [Fact]
    public void Containing_floors_to_the_hour_also_before_1970()
    {
        Assert.Equal("2026-11-20T10", Window.Containing(Start20261120T10 + 3_599_999).ToString());
        Assert.Equal("2026-11-20T10", Window.Containing(Start20261120T10).ToString());
        Assert.Equal("1969-12-31T23", Window.Containing(-1).ToString());
        Assert.Equal("1970-01-01T00", Window.Containing(0).ToString());
    }

    [Fact]
    public void A_window_must_start_on_the_hour()
    {
        Assert.Throws<ArgumentException>(() => Window.FromStart(new DateTime(2026, 11, 20, 10, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(Window.Parse("2026-11-20T10"), Window.FromStart(new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Windows_compare_by_start()
    {
        var ten = Window.Parse("2026-11-20T10");
        var eleven = Window.Parse("2026-11-20T11");

        Assert.True(ten < eleven);
        Assert.True(eleven > ten);
        Assert.True(ten <= Window.Parse("2026-11-20 10"));
        Assert.True(ten >= Window.Parse("2026-11-20 10"));
        Assert.False(eleven <= ten);
        Assert.True(ten.CompareTo(eleven) < 0);
    }

    [Theory]
    [InlineData("0001-01-01T00", false)]
    [InlineData("0001-01-01T01", true)]
    [InlineData("2026-11-20T10", true)]
    [InlineData("9999-12-31T22", true)]
    [InlineData("9999-12-31T23", false)]
    public void A_window_is_runnable_when_both_its_neighbours_are_dates(string text, bool runnable)
    {
        var window = Window.Parse(text);

        Assert.Equal(runnable, window.IsRunnable);
        if (runnable)
        {
            Assert.Equal(window, window.Previous.Next);
            Assert.NotEmpty(window.Previous.ToString() + window.Next.ToString());
        }
    }

    [Fact]
    public void First_and_Last_are_the_runnable_bounds()
    {
        Assert.Equal("0001-01-01T01", Window.First.ToString());
        Assert.Equal("9999-12-31T22", Window.Last.ToString());
    }

    [Theory]
    [InlineData("2026-11-20T10", "2026-11-20T10", 1)]
    [InlineData("2026-11-20T10", "2026-11-20T11", 2)]
    [InlineData("2026-11-20T10", "2026-11-21T09", 24)]
    [InlineData("2026-11-20T10", "2026-11-20T09", 0)]
    [InlineData("2026-11-20T10", "2019-01-28T10", 0)]
    [InlineData("0001-01-01T01", "9999-12-31T22", 87_649_414)]
    public void Count_is_the_number_of_windows_from_one_to_another_both_included(string from, string to, long count) =>
        Assert.Equal(count, Window.Count(Window.Parse(from), Window.Parse(to)));

    [Fact]
    public void Count_does_not_overflow_for_windows_as_far_apart_as_epoch_milliseconds_go()
    {
        var earliest = Window.Containing(long.MinValue);
        var latest = Window.Containing(long.MaxValue);

        Assert.Equal((latest.StartMs / 3_600_000) - (earliest.StartMs / 3_600_000) + 1, Window.Count(earliest, latest));
        Assert.True(Window.Count(earliest, latest) > 0);
    }
}
