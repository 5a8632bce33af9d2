using System.Globalization;
using System.Text.Json;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Input;

namespace Sessionizer.Generation.Tests;

/// <summary>Where lines are written: ROOT/yyyy/MM/dd/HH/part-NNNNN.json[.gz], by event time, late ones an hour later.</summary>
public sealed class LayoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false, "part-00000.json", "part-00001.json", "part-00002.json")]
    [InlineData(true, "part-00000.json.gz", "part-00001.json.gz", "part-00002.json.gz")]
    public void Each_hour_folder_holds_the_asked_number_of_part_files(bool gzip, params string[] names)
    {
        Generated.Write(_temp.Path, Generated.Settings(hours: 2), gzip);

        string[] expected = [.. new[] { "2026/11/20/10", "2026/11/20/11" }.SelectMany(hour => names.Select(n => hour + "/" + n))];
        Assert.Equal(expected, Generated.Files(_temp.Path).Select(f => f.Path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_part_file_is_written_under_a_name_the_jobs_input_filter_skips(bool gzip)
    {
        // One filter of hidden names (the job's); the generator's temporary names must pass it, not repeat it.
        var temporary = HourWriter.TempPrefix + (gzip ? "00000.json.gz" : "00000.json");

        Assert.True(InputDiscovery.IsHidden(temporary));
        Assert.False(InputDiscovery.IsHidden(temporary[1..]));
        Assert.True(InputDiscovery.HasInputExtension(temporary[1..]));
    }

    [Fact]
    public void Events_land_in_the_folder_of_their_hour_and_late_ones_in_the_next_hour_but_never_past_the_last()
    {
        var settings = Generated.Settings(hours: 3) with { LateFraction = 0.05, Anomalies = AnomalyRates.None };
        var result = Generated.Write(_temp.Path, settings);

        var lines = Generated.Lines(_temp.Path);
        var late = new Dictionary<Window, int>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line.Bytes);
            var time = DateTimeOffset.Parse(json.RootElement.GetProperty("event_time").GetString()!, CultureInfo.InvariantCulture);
            var hour = Window.Containing(time.ToUnixTimeMilliseconds());
            Assert.True(line.Folder == hour || line.Folder == hour.Next, $"{line.Folder} holds an event of {hour}");
            Assert.True(hour >= settings.Start && hour <= settings.Start.Next.Next, $"{hour} is outside the range");
            if (line.Folder != hour)
            {
                late[line.Folder] = late.GetValueOrDefault(line.Folder) + 1;
            }
        }

        Assert.Equal(result.Counts.Lines, lines.Count);
        Assert.Equal(result.Counts.LateLines, late.Values.Sum());
        Assert.Equal([settings.Start.Next, settings.Start.Next.Next], late.Keys.Order());
        Assert.InRange(result.Counts.LateLines, 0.04 * lines.Count * 2 / 3, 0.06 * lines.Count * 2 / 3);
    }

    [Fact]
    public void Generation_stops_after_the_asked_number_of_events()
    {
        var result = Generated.Write(_temp.Path, Generated.Settings(visits: 100, hours: 3) with { MaxEvents = 12_345 });

        Assert.Equal(12_345, result.Counts.Lines);
        Assert.Equal(12_345, Generated.Lines(_temp.Path).Count);
        Assert.Equal(1, result.Hours);
    }

    [Fact]
    public void Generation_stopped_in_a_later_hour_writes_the_hours_before_it_whole()
    {
        var whole = Generated.Write(_temp.Combine("whole"), Generated.Settings(hours: 2) with { FilesPerHour = 1 });
        var cut = Generated.Write(_temp.Combine("cut"), Generated.Settings(hours: 2) with { FilesPerHour = 1, MaxEvents = whole.Counts.Lines - 10 });

        Assert.Equal(2, cut.Hours);
        Assert.Equal(
            File.ReadAllBytes(_temp.Combine("whole", "2026", "11", "20", "10", "part-00000.json")),
            File.ReadAllBytes(_temp.Combine("cut", "2026", "11", "20", "10", "part-00000.json")));
    }

    [Fact]
    public void Unfinished_files_are_not_left_behind_under_their_temporary_names()
    {
        Generated.Write(_temp.Path, Generated.Settings(hours: 2));

        Assert.DoesNotContain(Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith('_'));
    }
}
