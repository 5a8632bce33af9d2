using System.Text.Json;
using Sessionizer.Core.Visits;

namespace Sessionizer.Generation.Tests;

/// <summary>The generated lines against the job's own parser (docs/reference.md §2).</summary>
public sealed class ParserAcceptanceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly VisitParser _parser = new(new Vocabulary());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_line_is_a_valid_visit_except_the_injected_malformed_and_missing_field_lines()
    {
        var settings = Generated.Settings(visits: 100) with { Anomalies = new AnomalyRates(0.1, 0.1, 0.02, 0.03) };
        var result = Generated.Write(_temp.Path, settings);

        var reasons = new Dictionary<string, int>();
        var valid = 0;
        foreach (var line in Generated.Lines(_temp.Path))
        {
            if (_parser.Parse(line.Bytes, out _, out var reason) == LineKind.Visit)
            {
                valid++;
                continue;
            }

            reasons[reason.Code()] = reasons.GetValueOrDefault(reason.Code()) + 1;
            if (reason == RejectionReason.MalformedJson)
            {
                // Cut short, as by a partial write: the start of a line.
                var start = "{\"visit_id\":\"";
                Assert.True(line.Text.StartsWith(start, StringComparison.Ordinal) || start.StartsWith(line.Text, StringComparison.Ordinal), line.Text);
            }
        }

        Assert.Equal(["malformed_json", "missing_event_time", "missing_page", "missing_user_id"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(result.Counts.MalformedLines, reasons["malformed_json"]);
        Assert.Equal(result.Counts.MissingFieldLines, reasons["missing_event_time"] + reasons["missing_page"] + reasons["missing_user_id"]);
        Assert.Equal(result.Counts.Lines - result.Counts.RejectableLines, valid);
        Assert.InRange(reasons["malformed_json"], 0.015 * result.Counts.Lines, 0.025 * result.Counts.Lines);
        Assert.InRange(result.Counts.MissingFieldLines, 0.025 * result.Counts.Lines, 0.035 * result.Counts.Lines);
    }

    [Fact]
    public void Incomplete_and_inconsistent_visits_are_accepted_and_their_fields_are_null_or_reshaped()
    {
        var settings = Generated.Settings(visits: 100) with { Anomalies = new AnomalyRates(0.5, 0.5, 0, 0) };
        var result = Generated.Write(_temp.Path, settings);

        var shapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Generated.Lines(_temp.Path))
        {
            Assert.Equal(LineKind.Visit, _parser.Parse(line.Bytes, out var visit, out _));
            using var json = JsonDocument.Parse(line.Bytes);
            var root = json.RootElement;
            var technical = root.GetProperty("technical");
            var damaged = new[]
            {
                ("device", technical.GetProperty("device")), ("network", technical.GetProperty("network")),
                ("browser", technical.GetProperty("browser")), ("source", root.GetProperty("source")),
            }.Where(f => Shape(f.Item1, f.Item2) != "normal").ToList();

            // Every visit is damaged in exactly two of the four fields, all null or all reshaped.
            Assert.Equal(2, damaged.Count);
            Assert.Single(damaged.Select(f => f.Item2.ValueKind == JsonValueKind.Null).Distinct());
            foreach (var (name, value) in damaged)
            {
                shapes.Add(name + ":" + Shape(name, value));
            }

            if (Shape("browser", technical.GetProperty("browser")) == "reshaped")
            {
                Assert.Equal(JsonValueKind.Null, technical.GetProperty("lang").ValueKind);
                Assert.Null(_parser.Vocabulary.MetadataOf(visit).Browser);
                Assert.Null(_parser.Vocabulary.MetadataOf(visit).Language);
            }

            if (Shape("source", root.GetProperty("source")) == "reshaped")
            {
                Assert.StartsWith("www.", root.GetProperty("source").GetString(), StringComparison.Ordinal);
                Assert.Null(_parser.Vocabulary.MetadataOf(visit).Site);
            }
        }

        Assert.Equal(8, shapes.Count);
        Assert.Equal(result.Counts.VisitsStarted, result.Counts.IncompleteVisits + result.Counts.InconsistentVisits);
    }

    private static string Shape(string field, JsonElement value) => (field, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) => "null",
        ("device", JsonValueKind.Object) when value.TryGetProperty("type", out _) => "normal",
        ("device", JsonValueKind.Object) when value.TryGetProperty("name", out _) => "reshaped",
        ("network", JsonValueKind.String) => "normal",
        ("network", JsonValueKind.Object) when value.TryGetProperty("short_name", out _) && value.TryGetProperty("long_name", out _) => "reshaped",
        ("browser", JsonValueKind.String) => "normal",
        ("browser", JsonValueKind.Object) when value.TryGetProperty("name", out _) && value.TryGetProperty("language", out _) => "reshaped",
        ("source", JsonValueKind.Object) => "normal",
        ("source", JsonValueKind.String) => "reshaped",
        _ => throw new InvalidOperationException($"{field} has an unexpected shape: {value}"),
    };
}
