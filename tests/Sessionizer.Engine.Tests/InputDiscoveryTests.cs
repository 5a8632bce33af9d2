using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

public class InputDiscoveryTests
{
    private static List<long> ClosedUsers(Sandbox sandbox) =>
        sandbox.ClosedRecords(Sandbox.W).Select(r => r.GetProperty("user_id").GetInt64()).Order().ToList();

    private static List<string> InputFiles(Sandbox sandbox) =>
        sandbox.Manifest().GetProperty("input").GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();

    [Fact]
    public void Reads_json_jsonl_and_their_gzip_forms_recursively_under_the_window_folder()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        sandbox.Input("b.jsonl", Visit(2, "10:10:00", "b"));
        sandbox.Input("c.json.gz", Visit(3, "10:10:00", "c"));
        sandbox.Input("d.jsonl.gz", Visit(4, "10:10:00", "d"));
        sandbox.Input("sub/e.json", Visit(5, "10:10:00", "e"));
        sandbox.Input("sub/deeper/f.jsonl.gz", Visit(6, "10:10:00", "f"));

        sandbox.Run();

        Assert.Equal([1, 2, 3, 4, 5, 6], ClosedUsers(sandbox));
        Assert.Equal(6, sandbox.Count("valid_events"));
        Assert.Equal(
            ["2019/01/28/10/a.json", "2019/01/28/10/b.jsonl", "2019/01/28/10/c.json.gz", "2019/01/28/10/d.jsonl.gz",
             "2019/01/28/10/sub/deeper/f.jsonl.gz", "2019/01/28/10/sub/e.json"],
            InputFiles(sandbox));
    }

    [Fact]
    public void The_manifest_records_each_input_file_with_its_size_on_disk()
    {
        using var sandbox = new Sandbox();
        var plain = sandbox.Input("a.json", Visit(1, "10:10:00", "a"), Visit(1, "10:11:00", "b"));
        var gzip = sandbox.Input("b.json.gz", Visit(2, "10:10:00", "a"));

        sandbox.Run();

        var files = sandbox.Manifest().GetProperty("input").GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(new FileInfo(plain).Length, files[0].GetProperty("bytes").GetInt64());
        Assert.Equal(new FileInfo(gzip).Length, files[1].GetProperty("bytes").GetInt64());
        Assert.Equal(Path.GetFullPath(sandbox.InputRoot), sandbox.Manifest().GetProperty("input").GetProperty("root").GetString());
        Assert.False(sandbox.Manifest().GetProperty("input").GetProperty("missing").GetBoolean());
    }

    [Fact]
    public void Skips_files_and_folders_whose_names_start_with_an_underscore_or_a_dot()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("part-00000.json", Visit(1, "10:10:00", "a"));
        sandbox.Input("_SUCCESS");
        sandbox.Input(".part-00000.json.crc", "\u0001\u0002 not json");
        sandbox.Input("_part-00001.json", Visit(2, "10:10:00", "hidden"), "not json");
        sandbox.Input(".part-00002.json", Visit(3, "10:10:00", "hidden"), "not json");
        sandbox.Input("_temporary/0/_temporary/attempt_1/part-00003.json", Visit(4, "10:10:00", "hidden"), "not json");
        sandbox.Input(".staging/part-00004.jsonl.gz", Visit(5, "10:10:00", "hidden"), "not json");
        sandbox.Input("sub/_part-00005.json", Visit(6, "10:10:00", "hidden"), "not json");
        sandbox.Input("sub/part-00006.json", Visit(7, "10:10:00", "a"));

        sandbox.Run();

        Assert.Equal([1, 7], ClosedUsers(sandbox));
        Assert.Equal(0, sandbox.Count("rejected"));
        Assert.Equal(["2019/01/28/10/part-00000.json", "2019/01/28/10/sub/part-00006.json"], InputFiles(sandbox));
    }

    [Fact]
    public void Ignores_files_with_other_extensions()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        foreach (var name in new[] { "b.txt", "c.csv", "d.gz", "e.json.bz2", "f.json.tmp", "g.jsonl.zst", "README", "h.ndjson", "sub/i.log" })
        {
            sandbox.Input(name, Visit(2, "10:10:00", "ignored"), "not json");
        }

        sandbox.Run();

        Assert.Equal([1], ClosedUsers(sandbox));
        Assert.Equal(1, sandbox.Count("input_lines"));
        Assert.Equal(["2019/01/28/10/a.json"], InputFiles(sandbox));
    }

    [Fact]
    public void Only_the_window_folder_is_read()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        sandbox.Input(Sandbox.W.Next, "a.json", Visit(2, "11:10:00", "a"));
        sandbox.Input(Sandbox.W.Previous, "a.json", Visit(3, "09:10:00", "a"));
        Files.Write(Path.Combine(sandbox.InputRoot, "2019", "01", "28", "stray.json"), [Visit(4, "10:10:00", "a")]);

        sandbox.Run();

        Assert.Equal([1], ClosedUsers(sandbox));
    }

    [Fact]
    public void A_missing_window_folder_is_input_not_ready_and_nothing_is_written()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(Sandbox.W.Next, "a.json", Visit(1, "11:10:00", "a"));

        var failure = sandbox.RunFails();

        Assert.Equal(RunFailure.InputNotReady, failure.Failure);
        Assert.Contains(Path.Combine("2019", "01", "28", "10"), failure.Message, StringComparison.Ordinal);
        sandbox.AssertNothingCommitted(Sandbox.W);
    }

    [Fact]
    public void With_allow_missing_input_a_missing_window_folder_commits_the_window_with_no_events()
    {
        using var sandbox = new Sandbox();

        sandbox.Run(sandbox.Settings with { AllowMissingInput = true });

        var manifest = sandbox.Manifest();
        Assert.True(manifest.GetProperty("input").GetProperty("missing").GetBoolean());
        Assert.Empty(manifest.GetProperty("input").GetProperty("files").EnumerateArray());
        Assert.True(manifest.GetProperty("parameters").GetProperty("allow_missing_input").GetBoolean());
        Assert.Equal(0, sandbox.Count("input_lines"));
        Assert.Equal(0, sandbox.Count("valid_events"));
        Assert.Empty(sandbox.ActiveRecords(Sandbox.W));
        Assert.Empty(sandbox.ClosedRecords(Sandbox.W));
        Assert.Empty(sandbox.RejectedRecords(Sandbox.W));
    }

    [Fact]
    public void With_allow_missing_input_a_missing_window_still_carries_the_previous_state_forward()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:58:00", "a"));
        sandbox.Run();

        sandbox.Run(Sandbox.W.Next, sandbox.Settings with { NoPreviousState = false, AllowMissingInput = true });

        var closed = Assert.Single(sandbox.ClosedRecords(Sandbox.W.Next));
        Assert.Equal(1, closed.GetProperty("user_id").GetInt64());
        Assert.Equal(1, sandbox.Count(Sandbox.W.Next, "previous_active_sessions"));
        Assert.True(sandbox.Manifest(Sandbox.W.Next).GetProperty("input").GetProperty("missing").GetBoolean());
    }

    [Fact]
    public void An_empty_window_folder_is_not_missing_input()
    {
        using var sandbox = new Sandbox();
        Directory.CreateDirectory(sandbox.InputDirectory(Sandbox.W));

        sandbox.Run();

        Assert.False(sandbox.Manifest().GetProperty("input").GetProperty("missing").GetBoolean());
        Assert.Equal(0, sandbox.Count("input_lines"));
    }
}
