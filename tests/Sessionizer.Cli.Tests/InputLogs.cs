using System.Globalization;

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
}
