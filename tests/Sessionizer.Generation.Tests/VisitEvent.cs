using System.Globalization;
using System.Text.Json;

namespace Sessionizer.Generation.Tests;

/// <summary>The fields of a generated line that describe the visit and its path through the site.</summary>
internal sealed record VisitEvent(string VisitId, long UserId, long TimeMs, string? Previous, string Current)
{
    public static VisitEvent Of(GeneratedLine line)
    {
        using var json = JsonDocument.Parse(line.Bytes);
        var root = json.RootElement;
        var page = root.GetProperty("page");
        var time = DateTimeOffset.Parse(root.GetProperty("event_time").GetString()!, CultureInfo.InvariantCulture);
        return new VisitEvent(root.GetProperty("visit_id").GetString()!, root.GetProperty("user_id").GetInt64(), time.ToUnixTimeMilliseconds(),
            page.GetProperty("previous").GetString(), page.GetProperty("current").GetString()!);
    }
}
