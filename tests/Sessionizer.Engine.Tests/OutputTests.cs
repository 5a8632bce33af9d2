using System.Text;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

public class OutputTests
{
    private static readonly string[] Kinds = [Sandbox.Active, Sandbox.Closed, Sandbox.Rejected];

    [Fact]
    public void A_committed_window_has_all_three_output_folders_even_when_they_hold_no_record()
    {
        using var sandbox = new Sandbox();
        Directory.CreateDirectory(sandbox.InputDirectory(Sandbox.W));

        sandbox.Run();

        foreach (var kind in Kinds)
        {
            Assert.True(Directory.Exists(sandbox.OutputDirectory(kind, Sandbox.W)), kind);
            foreach (var file in Directory.GetFiles(sandbox.OutputDirectory(kind, Sandbox.W), "*", SearchOption.AllDirectories))
            {
                Assert.StartsWith("part-", Path.GetFileName(file), StringComparison.Ordinal);
                Assert.Empty(Files.Content(file));
            }
        }

        Assert.True(File.Exists(sandbox.ManifestPath(Sandbox.W)));
    }

    [Fact]
    public void Empty_gzip_parts_are_valid_gzip_files()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:58:00", "a"));

        sandbox.Run();

        foreach (var part in new[] { sandbox.ClosedPart(Sandbox.W), sandbox.RejectedPart(Sandbox.W) })
        {
            var bytes = File.ReadAllBytes(part);
            Assert.Empty(GzipMember.Decompress(bytes));
        }
    }

    [Fact]
    public void Output_files_are_json_lines_plain_for_active_sessions_and_gzip_for_closed_sessions_and_rejected_records()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:58:00", "a"), Visit(2, "10:10:00", "b"), "not json");

        sandbox.Run(sandbox.Settings with { MaxRejectedFraction = 1 });

        Assert.Single(Files.ReadLines(sandbox.ActivePart(Sandbox.W)));
        Assert.Equal('{', (char)File.ReadAllBytes(sandbox.ActivePart(Sandbox.W))[0]);
        Assert.Single(Sandbox.Records(sandbox.ClosedPart(Sandbox.W)));
        Assert.Single(Sandbox.Records(sandbox.RejectedPart(Sandbox.W)));
    }

    [Fact]
    public void The_manifest_lists_every_output_file_with_records_bytes_and_sha256_that_match_the_files()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:58:00", "a"), Visit(2, "10:10:00", "b"), Visit(2, "10:30:00", "c"), Visit(3, "10:59:00", "d"), "not json");

        sandbox.Run(sandbox.Settings with { MaxRejectedFraction = 1 });

        var outputs = sandbox.Manifest().GetProperty("outputs").EnumerateArray().ToList();
        var onDisk = sandbox.Outputs(Sandbox.W);
        Assert.Equal(onDisk.Keys.Order(StringComparer.Ordinal), outputs.Select(o => o.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
        foreach (var output in outputs)
        {
            var path = output.GetProperty("path").GetString()!;
            var bytes = onDisk[path];
            Assert.Equal(bytes.Length, output.GetProperty("bytes").GetInt64());
            Assert.Equal(Files.Sha256(bytes), output.GetProperty("sha256").GetString());
            Assert.Equal(Files.ReadLines(Path.Combine(sandbox.OutputRoot, path)).Count, output.GetProperty("records").GetInt64());
        }

        Assert.Contains("active-sessions/2019/01/28/10/part-00000.json", onDisk.Keys);
        Assert.Contains("closed-sessions/2019/01/28/10/part-00000.json.gz", onDisk.Keys);
        Assert.Contains("rejected/2019/01/28/10/part-00000.json.gz", onDisk.Keys);
        var counts = sandbox.Manifest().GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("active_sessions").GetInt64());
        Assert.Equal(2, counts.GetProperty("closed_sessions").GetInt64());
    }

    [Fact]
    public void The_manifest_is_the_commit_marker_named_after_the_window()
    {
        using var sandbox = new Sandbox();
        Directory.CreateDirectory(sandbox.InputDirectory(Sandbox.W));

        var outcome = sandbox.Run();

        Assert.True(File.Exists(Path.Combine(sandbox.OutputRoot, "manifests", "2019-01-28T10.json")));
        var manifest = sandbox.Manifest();
        Assert.Equal("2019-01-28T10", manifest.GetProperty("window").GetString());
        Assert.Equal("local", manifest.GetProperty("engine").GetString());
        Assert.Equal("5m", manifest.GetProperty("parameters").GetProperty("inactivity_timeout").GetString());
        Assert.Equal("1d", manifest.GetProperty("parameters").GetProperty("max_session_duration").GetString());
        Assert.Equal(outcome.Manifest.Window, manifest.GetProperty("window").GetString());
        Assert.Equal(["2019-01-28T10.json"], Directory.GetFiles(Path.Combine(sandbox.OutputRoot, "manifests")).Select(Path.GetFileName));
    }

    [Fact]
    public void An_active_session_is_written_in_the_reference_jobs_form()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:59:25", "category 20", site: "mysite.com", apiVersion: "v3", browser: "Firefox", language: "en"));

        sandbox.Run();

        Assert.Equal(
            """{"userId":1,"visitedPages":[{"eventTime":1548673165000,"pageName":"category 20"}],"browser":"Firefox","language":"en","site":"mysite.com","apiVersion":"v3","expirationTimeMillisUtc":1548673465000,"isActive":true}""" + "\n",
            File.ReadAllText(sandbox.ActivePart(Sandbox.W)));
    }

    [Fact]
    public void A_closed_session_is_written_in_the_form_of_the_spec()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:26:45", "category 18", site: "mysite.com", apiVersion: "v3", browser: "Mozilla Firefox 53", language: "en"));

        sandbox.Run();

        var sessionId = Files.Sha256(Encoding.UTF8.GetBytes($"1:{Ms("10:26:45")}"))[..32];
        Assert.Equal(
            "{\"session_id\":\"" + sessionId + "\"" +
            ""","user_id":1,"start":"2019-01-28T10:26:45.000Z","end":"2019-01-28T10:26:45.000Z","duration_ms":0,"event_count":1,"entry_page":"category 18","exit_page":"category 18","pages":[{"event_time":"2019-01-28T10:26:45.000Z","page":"category 18","time_on_page_ms":null}],"site":"mysite.com","api_version":"v3","browser":"Mozilla Firefox 53","language":"en","end_reason":"inactivity","window":"2019-01-28T10"}""" + "\n",
            Encoding.UTF8.GetString(Files.Content(sandbox.ClosedPart(Sandbox.W))));
    }
}
