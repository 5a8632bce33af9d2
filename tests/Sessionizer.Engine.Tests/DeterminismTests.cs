using Sessionizer.Core.Sessions;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>docs/reference.md §3.3 and §5.3: input file order and line order never change any output; reruns give byte-identical files.</summary>
public class DeterminismTests
{
    private static readonly SessionRules Rules = new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(24), ["logout"]);

    private static readonly string[] RejectedLines = ["not json", "", "{\"user_id\":-1,\"event_time\":\"2019-01-28T10:00:00Z\",\"page\":{\"current\":\"a\"}}", "[]"];

    /// <summary>Events of many users, with ties on time, duplicates that differ in metadata only, and times around both window ends.</summary>
    private static List<string> Events()
    {
        var random = new Random(20190128);
        string[] pages = ["home", "cart", "p1", "p2", "logout"];
        (string? Site, string? Browser)[] metadata = [(null, null), ("a.com", "Firefox"), ("b.com", null), (null, "Chrome"), ("a.com", "Chrome")];
        var events = new List<string>();
        for (var user = 1; user <= 300; user++)
        {
            var count = random.Next(1, 12);
            for (var i = 0; i < count; i++)
            {
                var ms = random.Next(-10 * 60_000, 65 * 60_000);
                var time = TimeSpan.FromHours(10) + TimeSpan.FromMilliseconds(ms);
                var at = time.ToString(@"hh\:mm\:ss\.fff", System.Globalization.CultureInfo.InvariantCulture);
                var page = pages[random.Next(pages.Length)];
                var (site, browser) = metadata[random.Next(metadata.Length)];
                events.Add(Visit(user, at, page, site: site, browser: browser));
                if (random.Next(4) == 0)
                {
                    // A duplicate that differs in metadata only, and an event at the same time on another page.
                    var (site2, browser2) = metadata[random.Next(metadata.Length)];
                    events.Add(Visit(user, at, page, site: site2, browser: browser2, language: null));
                    events.Add(Visit(user, at, pages[random.Next(pages.Length)], site: site2));
                }
            }
        }

        return events;
    }

    private static void WriteSplit(Sandbox sandbox, List<string> events, string[] names, Random? shuffle)
    {
        var ordered = shuffle is null ? events : [.. events.OrderBy(_ => shuffle.Next())];
        for (var f = 0; f < names.Length; f++)
        {
            var lines = ordered.Where((_, i) => i % names.Length == f).SelectMany((line, i) => i % 7 == 0 ? new[] { line, "" } : [line]);
            sandbox.Input(names[f], [.. lines]);
        }

        sandbox.Input("bad.json", RejectedLines);
    }

    [Fact]
    public void The_same_events_shuffled_and_split_differently_over_plain_and_gzip_files_give_byte_identical_outputs()
    {
        var events = Events();
        using var first = new Sandbox();
        using var second = new Sandbox();
        WriteSplit(first, events, ["a.json", "b.json"], shuffle: null);
        WriteSplit(second, events, ["x.json.gz", "sub/y.jsonl", "sub/deeper/z.jsonl.gz", "0.json", "w.json.gz"], new Random(7));

        first.Run(first.Settings with { Rules = Rules, MaxRejectedFraction = 1, Parallelism = 1 });
        second.Run(second.Settings with { Rules = Rules, MaxRejectedFraction = 1, Parallelism = 8 });

        var expected = first.Outputs(Sandbox.W);
        Assert.NotEmpty(first.ActiveRecords(Sandbox.W));
        Assert.True(first.ClosedRecords(Sandbox.W).Count > 300);
        Assert.Equal(3, first.RejectedRecords(Sandbox.W).Count);
        Assert.True(first.Count("duplicates") > 0);
        Files.AssertSameFiles(expected, second.Outputs(Sandbox.W));
        Assert.Equal(first.Count("duplicates"), second.Count("duplicates"));
    }

    [Fact]
    public void A_rerun_of_a_window_gives_byte_identical_outputs_and_removes_files_left_from_before()
    {
        using var sandbox = new Sandbox();
        WriteSplit(sandbox, Events(), ["a.json.gz", "b.json"], shuffle: null);
        var settings = sandbox.Settings with { Rules = Rules, MaxRejectedFraction = 1 };
        sandbox.Run(settings);
        var outputs = sandbox.Outputs(Sandbox.W);
        var manifestOutputs = sandbox.Manifest().GetProperty("outputs").GetRawText();
        foreach (var kind in new[] { Sandbox.Active, Sandbox.Closed, Sandbox.Rejected })
        {
            Files.Write(Path.Combine(sandbox.OutputDirectory(kind, Sandbox.W), "part-00001.json"), ["{\"stale\":true}"]);
            Files.Write(Path.Combine(sandbox.OutputDirectory(kind, Sandbox.W), "old", "part-00000.json"), ["{\"stale\":true}"]);
        }

        sandbox.Run(settings);

        Files.AssertSameFiles(outputs, sandbox.Outputs(Sandbox.W));
        Assert.Equal(manifestOutputs, sandbox.Manifest().GetProperty("outputs").GetRawText());
    }

    [Fact]
    public void A_rerun_with_changed_input_replaces_all_outputs_of_the_window()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"), Visit(2, "10:58:00", "b"), "not json");
        sandbox.Run(sandbox.Settings with { MaxRejectedFraction = 1 });

        File.Delete(Path.Combine(sandbox.InputDirectory(Sandbox.W), "a.json"));
        sandbox.Input("b.json", Visit(3, "10:20:00", "c"));
        sandbox.Run(sandbox.Settings with { MaxRejectedFraction = 1 });

        Assert.Equal([3L], sandbox.ClosedRecords(Sandbox.W).Select(r => r.GetProperty("user_id").GetInt64()));
        Assert.Empty(sandbox.ActiveRecords(Sandbox.W));
        Assert.Empty(sandbox.RejectedRecords(Sandbox.W));
        Assert.Equal(1, sandbox.Count("input_lines"));
    }
}
