using System.Text;
using System.Text.Json;
using Sessionizer.Core.Records;

namespace Sessionizer.Core.Tests;

public class ManifestJsonTests
{
    private static Manifest Full() => new()
    {
        Window = "2019-01-28T11",
        Engine = "local",
        Version = "0.1.0",
        Parameters = new ManifestParameters
        {
            InactivityTimeout = "5m",
            MaxSessionDuration = "24h",
            ClosingPages = ["logout", "quit"],
            MaxRejectedFraction = 0.01,
            AllowMissingInput = false,
            NoPreviousState = true,
        },
        Started = new DateTimeOffset(2026, 11, 20, 10, 5, 0, 123, TimeSpan.Zero),
        Finished = new DateTimeOffset(2026, 11, 20, 10, 5, 7, 456, TimeSpan.Zero),
        Input = new ManifestInput
        {
            Root = "/data/visits",
            Missing = false,
            Files = [new ManifestFile { Path = "2019/01/28/11/part-0.json.gz", Bytes = 1234 }],
        },
        Previous = new ManifestPrevious
        {
            Window = "2019-01-28T10",
            ManifestSha256 = new string('a', 64),
        },
        Counts = new ManifestCounts
        {
            InputLines = 10,
            ValidEvents = 7,
            Rejected = 3,
            RejectedByReason = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["malformed_json"] = 2, ["missing_page"] = 1 },
            Duplicates = 1,
            EventsBeforeWindow = 2,
            EventsAfterWindow = 1,
            PreviousActiveSessions = 4,
            ActiveSessions = 2,
            ClosedSessions = 5,
            ClosedByReason = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["inactivity"] = 4, ["max_duration"] = 1 },
        },
        Outputs =
        [
            new ManifestFile { Path = "active-sessions/2019/01/28/11/part-00000.json", Bytes = 300, Records = 2, Sha256 = new string('b', 64) },
            new ManifestFile { Path = "closed-sessions/2019/01/28/11/part-00000.json.gz", Bytes = 900, Records = 5, Sha256 = new string('c', 64) },
        ],
    };

    [Fact]
    public void A_manifest_round_trips_through_its_json()
    {
        var bytes = ManifestJson.Serialize(Full());

        var read = ManifestJson.Deserialize(bytes);

        Assert.Equal(Manifest.CurrentFormat, read.Format);
        Assert.Equal("2019-01-28T11", read.Window);
        Assert.Equal("local", read.Engine);
        Assert.Equal("0.1.0", read.Version);
        Assert.Equal("5m", read.Parameters.InactivityTimeout);
        Assert.Equal(["logout", "quit"], read.Parameters.ClosingPages);
        Assert.Equal(0.01, read.Parameters.MaxRejectedFraction);
        Assert.True(read.Parameters.NoPreviousState);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 5, 0, 123, TimeSpan.Zero), read.Started);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 5, 7, 456, TimeSpan.Zero), read.Finished);
        Assert.Equal(1234, Assert.Single(read.Input.Files).Bytes);
        Assert.Null(read.Input.Files[0].Records);
        Assert.Equal("2019-01-28T10", read.Previous?.Window);
        Assert.Null(read.Previous?.Path);
        Assert.Equal(10, read.Counts.InputLines);
        Assert.Equal(2, read.Counts.RejectedByReason["malformed_json"]);
        Assert.Equal(1, read.Counts.ClosedByReason["max_duration"]);
        Assert.Equal(5, read.Outputs[1].Records);
        Assert.Equal(new string('c', 64), read.Outputs[1].Sha256);
        Assert.Equal(bytes, ManifestJson.Serialize(read));
    }

    [Fact]
    public void The_json_uses_the_spec_snake_case_names_and_ends_with_a_newline()
    {
        var bytes = ManifestJson.Serialize(Full());
        Assert.Equal((byte)'\n', bytes[^1]);

        using var doc = JsonDocument.Parse(bytes);
        var root = doc.RootElement;
        var counts = root.GetProperty("counts");
        foreach (var name in new[]
        {
            "input_lines", "valid_events", "rejected", "duplicates", "events_before_window", "events_after_window",
            "previous_active_sessions", "active_sessions", "closed_sessions", "closed_by_reason",
        })
        {
            Assert.True(counts.TryGetProperty(name, out _), $"counts.{name} is missing");
        }

        Assert.Equal(4, counts.GetProperty("closed_by_reason").GetProperty("inactivity").GetInt64());
        Assert.Equal("2019-01-28T11", root.GetProperty("window").GetString());
        Assert.Equal("5m", root.GetProperty("parameters").GetProperty("inactivity_timeout").GetString());
        Assert.Equal(new string('a', 64), root.GetProperty("previous").GetProperty("manifest_sha256").GetString());
        Assert.True(root.TryGetProperty("started", out _));
        Assert.True(root.TryGetProperty("finished", out _));
        Assert.True(root.GetProperty("input").GetProperty("files")[0].TryGetProperty("bytes", out _));
        Assert.Equal(2, root.GetProperty("outputs")[0].GetProperty("records").GetInt64());
    }

    [Fact]
    public void A_manifest_without_previous_state_omits_it_and_reads_back_null()
    {
        var bytes = ManifestJson.Serialize(Full() with { Previous = null });

        Assert.DoesNotContain("\"previous\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Null(ManifestJson.Deserialize(bytes).Previous);
    }

    [Fact]
    public void A_manifest_of_a_previous_state_folder_round_trips()
    {
        var manifest = Full() with
        {
            Previous = new ManifestPrevious
            {
                Path = "/migrate/open-sessions/2019/01/28/10",
                Files = [new ManifestFile { Path = "part-0.json", Bytes = 10, Sha256 = new string('d', 64) }],
            },
        };

        var read = ManifestJson.Deserialize(ManifestJson.Serialize(manifest));

        Assert.Null(read.Previous?.Window);
        Assert.Equal("/migrate/open-sessions/2019/01/28/10", read.Previous?.Path);
        Assert.Equal(new string('d', 64), Assert.Single(read.Previous!.Files!).Sha256);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void Bytes_that_are_not_a_manifest_throw_a_json_exception(string text)
    {
        Assert.ThrowsAny<JsonException>(() => ManifestJson.Deserialize(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void A_manifest_without_its_window_throws_a_json_exception()
    {
        var json = Encoding.UTF8.GetString(ManifestJson.Serialize(Full())).Replace("\"window\": \"2019-01-28T11\",", "", StringComparison.Ordinal);
        Assert.DoesNotContain("\"2019-01-28T11\"", json, StringComparison.Ordinal);

        Assert.ThrowsAny<JsonException>(() => ManifestJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Full()'s JSON with one member replaced: every reader then sees a manifest the job never writes.</summary>
    private static byte[] With(Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ManifestJson.Serialize(Full()))!.AsObject();
        node["previous"]!["files"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["path"] = "active-sessions/x/part-00000.json", ["bytes"] = 1 });
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static TheoryData<string> Damages => new()
    {
        "window null", "engine null", "version null", "parameters null", "closing_pages null", "closing_pages [null]", "input null",
        "input.root null", "input.files null", "input.files [null]", "input.files[0].path null", "counts null",
        "rejected_by_reason null", "closed_by_reason null", "outputs null", "outputs [null]", "outputs[0].path null",
        "previous.files [null]", "outputs[0].path ..", "outputs[0].path absolute", "input.files twice", "previous.files twice", "outputs twice",
        "outputs[0].path empty segment", "counts.closed_sessions negative", "outputs[0].bytes negative", "outputs[0].records negative",
        "input.files[0].bytes negative", "rejected_by_reason negative",
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_manifest_with_a_null_where_the_job_writes_a_value_an_unsafe_path_or_a_negative_count_is_not_a_manifest(string damage)
    {
        var bytes = With(m =>
        {
            switch (damage)
            {
                case "window null": m["window"] = null; break;
                case "engine null": m["engine"] = null; break;
                case "version null": m["version"] = null; break;
                case "parameters null": m["parameters"] = null; break;
                case "closing_pages null": m["parameters"]!["closing_pages"] = null; break;
                case "closing_pages [null]": m["parameters"]!["closing_pages"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null); break;
                case "input null": m["input"] = null; break;
                case "input.root null": m["input"]!["root"] = null; break;
                case "input.files null": m["input"]!["files"] = null; break;
                case "input.files [null]": m["input"]!["files"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null); break;
                case "input.files[0].path null": m["input"]!["files"]![0]!["path"] = null; break;
                case "counts null": m["counts"] = null; break;
                case "rejected_by_reason null": m["counts"]!["rejected_by_reason"] = null; break;
                case "closed_by_reason null": m["counts"]!["closed_by_reason"] = null; break;
                case "outputs null": m["outputs"] = null; break;
                case "outputs [null]": m["outputs"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null); break;
                case "outputs[0].path null": m["outputs"]![0]!["path"] = null; break;
                case "previous.files [null]": m["previous"]!["files"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null); break;
                case "outputs[0].path ..": m["outputs"]![0]!["path"] = "active-sessions/../../../etc/passwd"; break;
                case "outputs[0].path absolute": m["outputs"]![0]!["path"] = "/etc/passwd"; break;
                case "input.files twice": m["input"]!["files"]!.AsArray().Add(m["input"]!["files"]![0]!.DeepClone()); break;
                case "previous.files twice": m["previous"]!["files"]!.AsArray().Add(m["previous"]!["files"]![0]!.DeepClone()); break;
                case "outputs twice": m["outputs"]!.AsArray().Add(m["outputs"]![1]!.DeepClone()); break;
                case "outputs[0].path empty segment": m["outputs"]![0]!["path"] = "active-sessions//part-00000.json"; break;
                case "counts.closed_sessions negative": m["counts"]!["closed_sessions"] = -1; break;
                case "outputs[0].bytes negative": m["outputs"]![0]!["bytes"] = -1; break;
                case "outputs[0].records negative": m["outputs"]![0]!["records"] = -1; break;
                case "input.files[0].bytes negative": m["input"]!["files"]![0]!["bytes"] = -1; break;
                case "rejected_by_reason negative": m["counts"]!["rejected_by_reason"]!["malformed_json"] = -2; break;
                default: throw new ArgumentOutOfRangeException(nameof(damage));
            }
        });

        Assert.ThrowsAny<JsonException>(() => ManifestJson.Deserialize(bytes));
    }

    /// <summary>
    /// Input and previous-state paths are names, never opened: the forms earlier builds wrote for files
    /// named with backslashes (<c>a\b.json</c> as <c>a/b.json</c>, <c>..\x.json</c> as <c>../x.json</c>) still read.
    /// </summary>
    [Theory]
    [InlineData("2019/01/28/11/a//b.json")]
    [InlineData("2019/01/28/11/../x.json")]
    [InlineData("../x.json")]
    [InlineData("2019/01/28/11/a\\b.json")]
    [InlineData("2019/01/28/11/é\n [1]{x}*?.json")]
    public void Input_and_previous_state_paths_are_names_and_read_whatever_they_hold(string path)
    {
        var bytes = With(m =>
        {
            m["input"]!["files"]![0]!["path"] = path;
            m["previous"]!["files"]![0]!["path"] = path;
        });

        var read = ManifestJson.Deserialize(bytes);

        Assert.Equal(path, Assert.Single(read.Input.Files).Path);
        Assert.Equal(path, Assert.Single(read.Previous!.Files!).Path);
    }

    [Fact]
    public void The_undamaged_manifest_of_these_tests_is_read()
    {
        Assert.Equal("2019-01-28T11", ManifestJson.Deserialize(With(_ => { })).Window);
    }
}
