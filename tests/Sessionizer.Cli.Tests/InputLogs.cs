using System.Globalization;
using System.Text;

namespace Sessionizer.Cli.Tests;

/// <summary>Writes visit-log lines into a window's input folder.</summary>
internal static class InputLogs
{
    public static void Write(string inputRoot, string window, string fileName, params string[] lines)
    {
        var start = DateTime.ParseExact(window, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
        var directory = Path.Combine(inputRoot, start.ToString("yyyy'/'MM'/'dd'/'HH", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, fileName), lines);
    }

    public static string Visit(long userId, string eventTime, string page) =>
        $$$"""{"user_id":{{{userId}}},"event_time":"{{{eventTime}}}","page":{"current":"{{{page}}}"},"source":{"site":"mysite.com","api_version":"v3"}}""";

    /// <summary>A window's input of <paramref name="events"/> random visits of 20,000 users in one plain file, large enough to be mid-run when signalled.</summary>
    public static void WriteRandom(string inputRoot, string window, int events)
    {
        var start = DateTime.ParseExact(window, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var directory = Path.Combine(inputRoot, start.ToString("yyyy'/'MM'/'dd'/'HH", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var random = new Random(7);
        using var writer = new StreamWriter(Path.Combine(directory, "part-0.json"), append: false, new UTF8Encoding(false));
        for (var i = 0; i < events; i++)
        {
            var user = random.Next(1, 20_000);
            var time = start.AddMilliseconds(random.Next(0, 3_600_000)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            writer.WriteLine($$$"""{"user_id":{{{user}}},"event_time":"{{{time}}}","page":{"current":"category {{{random.Next(1, 26)}}}"},"source":{"site":"mysite.com","api_version":"v3"},"technical":{"browser":"Mozilla Firefox 53","lang":"en"}}""");
        }
    }
}
