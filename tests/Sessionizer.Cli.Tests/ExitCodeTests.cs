using Sessionizer.Core.Time;
using Sessionizer.Engine.Commit;
using Sessionizer.Engine.Output;

namespace Sessionizer.Cli.Tests;

public sealed class ExitCodeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Input => _temp.Combine("in");

    private string Output => _temp.Combine("out");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_committed_window_exits_0_and_writes_its_manifest()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"));

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--no-previous-state");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(Output, "manifests", "2026-11-20T10.json")));
        Assert.Contains("Window 2026-11-20T10 committed", result.Error);
    }

    [Theory]
    [InlineData("run", "--window", "2026-11-20T10:00")]
    [InlineData("run", "--window", "yesterday")]
    [InlineData("run", "--window", "2026-11-20T10", "--inactivity-timeout", "5")]
    [InlineData("run", "--window", "2026-11-20T10", "--inactivity-timeout", "0s")]
    [InlineData("run", "--window", "2026-11-20T10", "--max-session-duration", "1.5h")]
    [InlineData("run", "--window", "2026-11-20T10", "--max-rejected-fraction", "2")]
    [InlineData("run", "--window", "2026-11-20T10", "--log-format", "xml")]
    [InlineData("run", "--window", "2026-11-20T10", "--no-such-option")]
    [InlineData("run", "--window", "2026-11-20T10", "--from", "2026-11-20T10", "--to", "2026-11-20T11")]
    [InlineData("run", "--from", "2026-11-20T10")]
    [InlineData("run", "--from", "2026-11-20T12", "--to", "2026-11-20T10")]
    [InlineData("run", "--from", "garbage", "--to", "2026-11-20T10")]
    [InlineData("run", "--window", "2026-11-20T10", "--no-previous-state", "--previous-state", "x")]
    [InlineData("run", "--window", "2026-11-20T10", "--engine", "hadoop")]
    [InlineData("run", "--window", "0001-01-01T00")]
    [InlineData("run", "--window", "9999-12-31T23")]
    [InlineData("run", "--from", "9999-12-31T20", "--to", "9999-12-31T23")]
    [InlineData("frobnicate")]
    public void A_usage_error_exits_2_with_a_one_line_reason_and_the_usage(params string[] args)
    {
        string[] full = args.Length > 1 && args[0] == "run" ? [.. args, "--input", Input, "--output", Output] : args;

        var result = Cli.Run(full);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        var lines = result.Error.Split('\n');
        Assert.StartsWith("sessionizer: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error);
        Assert.False(Directory.Exists(Path.Combine(Output, "manifests")));
    }

    [Fact]
    public void A_missing_required_option_exits_2()
    {
        var result = Cli.Run("run", "--window", "2026-11-20T10", "--output", Output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--input", result.Error);
    }

    [Fact]
    public void A_window_whose_input_folder_is_missing_exits_3_and_writes_nothing()
    {
        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--no-previous-state");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("2026/11/20/10", result.Error);
        Assert.False(File.Exists(Path.Combine(Output, "manifests", "2026-11-20T10.json")));
    }

    [Fact]
    public void A_missing_input_folder_is_allowed_with_allow_missing_input()
    {
        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--no-previous-state", "--allow-missing-input");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(Output, "manifests", "2026-11-20T10.json")));
    }

    [Fact]
    public void A_window_whose_previous_window_is_not_committed_exits_3_naming_the_window_to_run_first()
    {
        InputLogs.Write(Input, "2026-11-20T11", "a.json", InputLogs.Visit(1, "2026-11-20T11:00:00Z", "index"));

        var result = Cli.Run("run", "--window", "2026-11-20T11", "--input", Input, "--output", Output);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("run window 2026-11-20T10 first", result.Error);
    }

    [Fact]
    public void Too_many_rejected_lines_exit_4_and_commit_nothing()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"), "{not json");

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--no-previous-state");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("malformed_json 1", result.Error);
        Assert.Contains("a.json:2", result.Error);
        Assert.False(File.Exists(Path.Combine(Output, "manifests", "2026-11-20T10.json")));
    }

    [Fact]
    public void The_quality_gate_can_be_relaxed_with_max_rejected_fraction()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"), "{not json");

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--no-previous-state", "--max-rejected-fraction", "0.5");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void A_window_locked_by_another_run_exits_5()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"));
        using var held = WindowLock.Acquire(new OutputLayout(Output), Window.Parse("2026-11-20T10"));

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--no-previous-state");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("locked", result.Error);
    }

    [Fact]
    public void Corrupt_previous_state_exits_1_naming_the_file_and_line()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:59:00Z", "index"));
        InputLogs.Write(Input, "2026-11-20T11", "a.json", InputLogs.Visit(1, "2026-11-20T11:01:00Z", "about"));
        Assert.Equal(0, Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--no-previous-state").ExitCode);
        var state = Path.Combine(Output, "active-sessions", "2026", "11", "20", "10", "part-00000.json");
        File.WriteAllText(state, "{\"userId\":1,\"visitedPages\":[{\"eventTime\":\n");

        var result = Cli.Run("run", "--window", "2026-11-20T11", "--input", Input, "--output", Output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("part-00000.json", result.Error);
        Assert.Contains("line 1", result.Error);
    }
}
