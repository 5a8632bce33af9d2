using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>docs/reference.md §5.2: outputs are staged under _temporary; what a crashed run left there is cleaned up by the next run of the window.</summary>
public class StagingTests
{
    [Fact]
    public void A_stale_staging_folder_left_by_a_crashed_run_is_removed_by_the_next_run_of_that_window()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        var stale = Path.Combine(sandbox.OutputRoot, "_temporary", "2019-01-28T10");
        Files.Write(Path.Combine(stale, "staging", "active-sessions", "part-00000.json"), ["{\"stale\":true}"]);
        Files.Write(Path.Combine(stale, "staging", "closed-sessions", "part-00000.json.gz"), ["{\"stale\":true}"]);
        Files.Write(Path.Combine(stale, "replaced-rejected", "part-00000.json.gz"), ["{\"stale\":true}"]);

        sandbox.Run();

        Assert.False(Directory.Exists(stale));
        Assert.Empty(sandbox.ActiveRecords(Sandbox.W));
        Assert.Equal(1, Assert.Single(sandbox.ClosedRecords(Sandbox.W)).GetProperty("user_id").GetInt64());
    }

    [Fact]
    public void A_run_leaves_no_staging_behind()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));

        sandbox.Run();
        sandbox.Run();

        Assert.False(Directory.Exists(Path.Combine(sandbox.OutputRoot, "_temporary", "2019-01-28T10")));
        Assert.Equal(["2019-01-28T10.json"], Directory.GetFiles(Path.Combine(sandbox.OutputRoot, "manifests")).Select(Path.GetFileName));
    }

    [Fact]
    public void Outputs_left_without_a_manifest_by_a_crashed_run_are_replaced_by_the_next_run()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        sandbox.Run();
        var outputs = sandbox.Outputs(Sandbox.W);
        // A run killed after it removed the old manifest and swapped one folder: no commit, mixed folders.
        File.Delete(sandbox.ManifestPath(Sandbox.W));
        Files.Write(Path.Combine(sandbox.OutputDirectory(Sandbox.Active, Sandbox.W), "part-00000.json"), ["{\"half\":true}"]);

        sandbox.Run();

        Files.AssertSameFiles(outputs, sandbox.Outputs(Sandbox.W));
        Assert.True(File.Exists(sandbox.ManifestPath(Sandbox.W)));
    }
}
