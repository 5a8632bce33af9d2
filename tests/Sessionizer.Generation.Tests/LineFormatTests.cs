using System.Globalization;
using System.Text.Json;

namespace Sessionizer.Generation.Tests;

public sealed class LineFormatTests : IDisposable
{
    private static readonly string[] FieldOrder =
    [
        "visit_id", "event_time", "user_id", "page", "page.previous", "page.current",
        "source", "source.site", "source.api_version", "user", "user.ip", "user.latitude", "user.longitude",
        "technical", "technical.browser", "technical.os", "technical.lang",
        "technical.device", "technical.device.type", "technical.device.version", "technical.network", "keep_private",
    ];

    private static readonly string[] Browsers =
    [
        "Google Chrome 55", "Google Chrome 56", "Google Chrome 57", "Google Chrome 58", "Google Chrome 59",
        "Mozilla Firefox 51", "Mozilla Firefox 52", "Mozilla Firefox 53", "Mozilla Firefox 54", "Microsoft Edge 14",
    ];

    private static readonly Dictionary<string, string[]> OsByDevice = new(StringComparer.Ordinal)
    {
        ["pc"] = ["Windows", "Linux", "macOS"],
        ["tablet"] = ["Android", "iOS"],
        ["smartphone"] = ["Android", "iOS", "Windows Phone"],
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_fields_of_a_line_come_in_the_reference_order()
    {
        Generated.Write(_temp.Path, Generated.Settings() with { Anomalies = AnomalyRates.None });

        foreach (var line in Generated.Lines(_temp.Path).Take(500))
        {
            Assert.Equal(FieldOrder, PropertyPaths(line.Bytes));
        }
    }

    [Fact]
    public void Values_have_the_documented_formats_and_vocabularies()
    {
        Generated.Write(_temp.Path, Generated.Settings(visits: 100) with { Anomalies = AnomalyRates.None });

        foreach (var line in Generated.Lines(_temp.Path))
        {
            using var json = JsonDocument.Parse(line.Bytes);
            var root = json.RootElement;
            Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("visit_id").GetString());
            var time = root.GetProperty("event_time").GetString()!;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", time);
            Assert.True(DateTime.TryParseExact(time, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.InRange(root.GetProperty("user_id").GetInt64(), 1, 1_000_000);
            Assert.Matches(@"^(mysite\.com|partner[1-9]\.com)$", root.GetProperty("source").GetProperty("site").GetString());
            Assert.Matches("^v[123]$", root.GetProperty("source").GetProperty("api_version").GetString());
            var user = root.GetProperty("user");
            Assert.Matches(@"^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f]{4}(:[0-9a-f]{4}){7})$", user.GetProperty("ip").GetString());
            Assert.Matches(@"^-?\d{1,2}\.\d{4}$", user.GetProperty("latitude").GetRawText());
            Assert.Matches(@"^-?\d{1,3}\.\d{4}$", user.GetProperty("longitude").GetRawText());
            Assert.InRange(user.GetProperty("latitude").GetDouble(), -90, 90);
            Assert.InRange(user.GetProperty("longitude").GetDouble(), -180, 180);
            var technical = root.GetProperty("technical");
            Assert.Contains(technical.GetProperty("browser").GetString(), Browsers);
            Assert.Contains(technical.GetProperty("lang").GetString(), (string[])["en", "fr", "pl", "de"]);
            Assert.Contains(technical.GetProperty("network").GetString(), (string[])["adsl", "fiber_optic", "3g", "4g"]);
            var device = technical.GetProperty("device");
            var type = device.GetProperty("type").GetString()!;
            Assert.Contains(technical.GetProperty("os").GetString(), OsByDevice[type]);
            Assert.Equal(type == "pc", device.GetProperty("version").ValueKind == JsonValueKind.Null);
            Assert.True(root.GetProperty("keep_private").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }
    }

    [Fact]
    public void Visit_fields_follow_the_reference_weights()
    {
        Generated.Write(_temp.Path, Generated.Settings(visits: 400) with { Anomalies = AnomalyRates.None });

        var visits = Generated.Lines(_temp.Path)
            .Select(line => JsonDocument.Parse(line.Bytes).RootElement)
            .DistinctBy(root => root.GetProperty("visit_id").GetString())
            .ToList();

        Assert.True(visits.Count > 4000, $"{visits.Count} visits");
        AssertShare(visits, v => v.GetProperty("source").GetProperty("site").GetString() == "mysite.com", 90.0 / 99);
        AssertShare(visits, v => v.GetProperty("source").GetProperty("api_version").GetString() == "v3", 0.6);
        AssertShare(visits, v => v.GetProperty("source").GetProperty("api_version").GetString() == "v1", 0.2);
        AssertShare(visits, v => v.GetProperty("technical").GetProperty("lang").GetString() == "en", 20.0 / 23);
        AssertShare(visits, v => v.GetProperty("technical").GetProperty("browser").GetString() == "Microsoft Edge 14", 0.1);
        AssertShare(visits, v => v.GetProperty("technical").GetProperty("device").GetProperty("type").GetString() == "pc", 1.0 / 3);
        AssertShare(visits, v => v.GetProperty("user").GetProperty("ip").GetString()!.Contains(':', StringComparison.Ordinal), 0.5);
    }

    private static void AssertShare(List<JsonElement> visits, Func<JsonElement, bool> predicate, double expected)
    {
        var share = visits.Count(predicate) / (double)visits.Count;
        Assert.InRange(share, expected - 0.03, expected + 0.03);
    }

    /// <summary>The dotted paths of every property, in the order they are written.</summary>
    private static List<string> PropertyPaths(byte[] line)
    {
        var paths = new List<string>();
        var stack = new Stack<string>();
        var reader = new Utf8JsonReader(line);
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = reader.GetString()!;
                    paths.Add(stack.Count == 0 ? pending : stack.Peek() + "." + pending);
                    break;
                case JsonTokenType.StartObject when pending is not null:
                    stack.Push(paths[^1]);
                    pending = null;
                    break;
                case JsonTokenType.EndObject when stack.Count > 0:
                    stack.Pop();
                    break;
            }
        }

        return paths;
    }
}
