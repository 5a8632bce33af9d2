using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>docs/reference.md §5.8: corrupt state is fatal, with the file and line; state is never skipped.</summary>
public class CorruptStateTests
{
    private static readonly Window H1 = Sandbox.W;
    private static readonly Window H2 = H1.Next;

    /// <summary>Commits H1 with two active sessions (two lines of state) and writes H2's input; returns H1's active-sessions file.</summary>
    private static string CommitState(Sandbox sandbox)
    {
        sandbox.Input(H1, "a.json", Visit(1, "10:58:00", "a"), Visit(2, "10:59:00", "b"), Visit(2, "10:59:30", "c"));
        sandbox.Input(H2, "a.json", Visit(1, "11:01:00", "d"));
        sandbox.Run(H1);
        var part = sandbox.ActivePart(H1);
        Assert.Equal(2, File.ReadAllLines(part).Length);
        return part;
    }

    private static RunFailedException RunH2Fails(Sandbox sandbox)
    {
        var failure = sandbox.RunFails(H2, sandbox.Settings with { NoPreviousState = false });
        Assert.Equal(RunFailure.Failed, failure.Failure);
        sandbox.AssertNothingCommitted(H2);
        return failure;
    }

    [Fact]
    public void A_truncated_line_of_the_previous_active_sessions_fails_the_run_naming_the_file_and_line()
    {
        using var sandbox = new Sandbox();
        var part = CommitState(sandbox);
        var lines = File.ReadAllLines(part);
        File.WriteAllText(part, lines[0] + "\n" + lines[1][..(lines[1].Length / 2)]);

        var failure = RunH2Fails(sandbox);

        Assert.Contains(part, failure.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_in_the_previous_active_sessions_fails_the_run_naming_the_file_and_line()
    {
        using var sandbox = new Sandbox();
        var part = CommitState(sandbox);
        var lines = File.ReadAllLines(part);
        File.WriteAllText(part, "garbage that is not json\n" + lines[1] + "\n");

        var failure = RunH2Fails(sandbox);

        Assert.Contains(part, failure.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"userId":3}""")]
    [InlineData("""{"userId":3,"visitedPages":[]}""")]
    [InlineData("""{"userId":0,"visitedPages":[{"eventTime":1548673165000,"pageName":"a"}]}""")]
    [InlineData("""{"userId":3,"visitedPages":[{"eventTime":"2019-01-28T10:59:25Z","pageName":"a"}]}""")]
    [InlineData("""{"userId":3,"visitedPages":[{"eventTime":1548673165000}]}""")]
    [InlineData("""[1,2,3]""")]
    public void A_state_record_that_breaks_the_format_fails_the_run_naming_the_file_and_line(string record)
    {
        using var sandbox = new Sandbox();
        var part = CommitState(sandbox);
        var lines = File.ReadAllLines(part);
        File.WriteAllText(part, lines[0] + "\n" + lines[1] + "\n" + record + "\n");

        var failure = RunH2Fails(sandbox);

        Assert.Contains(part, failure.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_file_that_no_longer_matches_its_manifest_fails_the_run()
    {
        using var sandbox = new Sandbox();
        var part = CommitState(sandbox);
        File.AppendAllText(part, """{"userId":3,"visitedPages":[{"eventTime":1548673165000,"pageName":"a"}],"expirationTimeMillisUtc":1548673465000,"isActive":true}""" + "\n");

        var failure = RunH2Fails(sandbox);

        Assert.Contains(part, failure.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_state_file_fails_the_run()
    {
        using var sandbox = new Sandbox();
        var part = CommitState(sandbox);
        File.Delete(part);

        var failure = RunH2Fails(sandbox);

        Assert.Contains(part, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_manifest_of_the_previous_window_fails_the_run()
    {
        using var sandbox = new Sandbox();
        CommitState(sandbox);
        File.WriteAllText(sandbox.ManifestPath(H1), "{ not a manifest");

        var failure = RunH2Fails(sandbox);

        Assert.Contains(sandbox.ManifestPath(H1), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Intact_state_is_read()
    {
        using var sandbox = new Sandbox();
        CommitState(sandbox);

        sandbox.Run(H2, sandbox.Settings with { NoPreviousState = false });

        Assert.Equal(2, sandbox.Count(H2, "previous_active_sessions"));
        Assert.Equal(2, sandbox.ClosedRecords(H2).Count);
    }
}
