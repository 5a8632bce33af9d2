using System.Text.Json;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

public class PreviousStateTests
{
    private static readonly Window H1 = Sandbox.W;
    private static readonly Window H2 = H1.Next;
    private static readonly Window H3 = H2.Next;

    private static List<string> Pages(JsonElement closed) =>
        closed.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("page").GetString()!).ToList();

    [Fact]
    public void A_window_whose_previous_window_is_not_committed_is_input_not_ready_naming_that_window()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(H2, "a.json", Visit(1, "11:10:00", "a"));

        var failure = sandbox.RunFails(H2, sandbox.Settings with { NoPreviousState = false });

        Assert.Equal(RunFailure.InputNotReady, failure.Failure);
        Assert.Contains("2019-01-28T10", failure.Message, StringComparison.Ordinal);
        sandbox.AssertNothingCommitted(H2);
    }

    [Fact]
    public void Output_folders_of_the_previous_window_without_its_manifest_are_not_a_commit()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(H1, "a.json", Visit(1, "10:58:00", "a"));
        sandbox.Run(H1);
        File.Delete(sandbox.ManifestPath(H1));
        sandbox.Input(H2, "a.json", Visit(1, "11:01:00", "b"));

        Assert.Equal(RunFailure.InputNotReady, sandbox.RunFails(H2, sandbox.Settings with { NoPreviousState = false }).Failure);
    }

    [Fact]
    public void With_no_previous_state_a_window_runs_without_the_previous_window()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(H2, "a.json", Visit(1, "11:10:00", "a"));

        sandbox.Run(H2, sandbox.Settings with { NoPreviousState = true });

        var manifest = sandbox.Manifest(H2);
        Assert.False(manifest.TryGetProperty("previous", out var previous) && previous.ValueKind != JsonValueKind.Null);
        Assert.True(manifest.GetProperty("parameters").GetProperty("no_previous_state").GetBoolean());
        Assert.Equal(0, sandbox.Count(H2, "previous_active_sessions"));
    }

    [Fact]
    public void A_range_applies_no_previous_state_to_its_first_window_only_and_carries_sessions_across_windows()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(H1, "a.json", Visit(1, "10:58:00", "a"), Visit(2, "10:30:00", "x"), Visit(3, "10:59:00", "p"));
        sandbox.Input(H2, "a.json", Visit(1, "11:01:00", "b"), Visit(3, "11:56:00", "q"));
        Directory.CreateDirectory(sandbox.InputDirectory(H3));

        var outcomes = new WindowRunner(sandbox.Settings with { NoPreviousState = true }, Sandbox.SilentLog).RunRange(H1, H3);

        Assert.Equal([H1, H2, H3], outcomes.Select(o => o.Window));
        Assert.Equal([1L, 3L], sandbox.ActiveRecords(H1).Select(r => r.GetProperty("userId").GetInt64()));
        Assert.Equal([2L], sandbox.ClosedRecords(H1).Select(r => r.GetProperty("user_id").GetInt64()));

        // User 1's session crosses the H1/H2 boundary and closes in H2 with pages of both windows.
        var closed = sandbox.ClosedRecords(H2);
        var crossing = Assert.Single(closed, r => r.GetProperty("user_id").GetInt64() == 1);
        Assert.Equal(["a", "b"], Pages(crossing));
        Assert.Equal("2019-01-28T10:58:00.000Z", crossing.GetProperty("start").GetString());
        Assert.Equal("2019-01-28T11:01:00.000Z", crossing.GetProperty("end").GetString());
        Assert.Equal(180_000, crossing.GetProperty("duration_ms").GetInt64());
        Assert.Equal("inactivity", crossing.GetProperty("end_reason").GetString());
        Assert.Equal("2019-01-28T11", crossing.GetProperty("window").GetString());

        // User 3's session is split by the gap in H2 and its second part goes on into H3.
        Assert.Equal(["p"], Pages(Assert.Single(closed, r => r.GetProperty("user_id").GetInt64() == 3)));
        var carried = Assert.Single(sandbox.ActiveRecords(H2));
        Assert.Equal(3, carried.GetProperty("userId").GetInt64());
        Assert.Equal(["q"], Pages(Assert.Single(sandbox.ClosedRecords(H3))));

        Assert.True(sandbox.Manifest(H1).GetProperty("parameters").GetProperty("no_previous_state").GetBoolean());
        Assert.False(sandbox.Manifest(H2).GetProperty("parameters").GetProperty("no_previous_state").GetBoolean());
        Assert.False(sandbox.Manifest(H3).GetProperty("parameters").GetProperty("no_previous_state").GetBoolean());
        Assert.Equal(2, sandbox.Count(H2, "previous_active_sessions"));
        Assert.Equal(1, sandbox.Count(H3, "previous_active_sessions"));
    }

    [Fact]
    public void The_manifest_records_the_previous_window_and_the_sha256_of_its_manifest_file()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(H1, "a.json", Visit(1, "10:58:00", "a"));
        sandbox.Input(H2, "a.json", Visit(1, "11:01:00", "b"));
        sandbox.Run(H1);
        var h1Manifest = File.ReadAllBytes(sandbox.ManifestPath(H1));

        sandbox.Run(H2, sandbox.Settings with { NoPreviousState = false });

        var previous = sandbox.Manifest(H2).GetProperty("previous");
        Assert.Equal("2019-01-28T10", previous.GetProperty("window").GetString());
        Assert.Equal(Files.Sha256(h1Manifest), previous.GetProperty("manifest_sha256").GetString());
    }

    [Fact]
    public void A_page_of_the_previous_state_wins_over_a_duplicate_new_event()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(H1, "a.json", Visit(1, "10:58:00", "a", site: "state.com"));
        sandbox.Run(H1);
        sandbox.Input(H2, "a.json", Visit(1, "10:58:00", "a", site: "a-new.com"), Visit(1, "11:01:00", "b", site: "a-new.com"));

        sandbox.Run(H2, sandbox.Settings with { NoPreviousState = false });

        var closed = Assert.Single(sandbox.ClosedRecords(H2));
        Assert.Equal(["a", "b"], Pages(closed));
        Assert.Equal("state.com", closed.GetProperty("site").GetString());
        Assert.Equal(1, sandbox.Count(H2, "duplicates"));
    }

    [Fact]
    public void Rerunning_a_window_reads_the_previous_windows_current_commit()
    {
        using var sandbox = new Sandbox();
        sandbox.Input(H1, "a.json", Visit(1, "10:58:00", "a"));
        sandbox.Input(H2, "a.json", Visit(1, "11:01:00", "b"));
        sandbox.Run(H1);
        sandbox.Run(H2, sandbox.Settings with { NoPreviousState = false });

        sandbox.Input(H1, "b.json", Visit(1, "10:57:00", "z"));
        sandbox.Run(H1);
        sandbox.Run(H2, sandbox.Settings with { NoPreviousState = false });

        Assert.Equal(["z", "a", "b"], Pages(Assert.Single(sandbox.ClosedRecords(H2))));
        Assert.Equal(Files.Sha256(sandbox.ManifestPath(H1)), sandbox.Manifest(H2).GetProperty("previous").GetProperty("manifest_sha256").GetString());
    }
}
