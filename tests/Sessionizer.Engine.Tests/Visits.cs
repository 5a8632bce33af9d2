using System.Text.Json;

namespace Sessionizer.Engine.Tests;

/// <summary>Input lines in the visit-log format of docs/reference.md §2.</summary>
internal static class Visits
{
    /// <summary>The day of the test windows (2019-01-28, as in the examples of docs/reference.md §4).</summary>
    public const string Day = "2019-01-28";

    /// <summary>An ISO-8601 UTC time on <see cref="Day"/>, from "HH:mm:ss" or "HH:mm:ss.fff".</summary>
    public static string At(string time) => $"{Day}T{time}Z";

    /// <summary>Epoch milliseconds of a time on <see cref="Day"/>.</summary>
    public static long Ms(string time) => DateTimeOffset.Parse(At(time), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    public static string Visit(long userId, string time, string page, string? site = "mysite.com", string? apiVersion = "v3",
        string? browser = "Firefox", string? language = "en")
    {
        var line = new Dictionary<string, object?>
        {
            ["visit_id"] = $"v-{userId}-{time}",
            ["user_id"] = userId,
            ["event_time"] = At(time),
            ["page"] = new Dictionary<string, object?> { ["current"] = page, ["previous"] = "home" },
            ["source"] = new Dictionary<string, object?> { ["site"] = site, ["api_version"] = apiVersion },
            ["technical"] = new Dictionary<string, object?> { ["browser"] = browser, ["lang"] = language, ["os"] = "Linux" },
        };
        return JsonSerializer.Serialize(line);
    }
}
