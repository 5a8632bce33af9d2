using System.Text.Json;

namespace Sessionizer.Cli.Tests;

public sealed class StatusTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public StatusTests()
    {
        // User 1 is active across 10→11→12; its state changes if window 10 changes.
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:58:00Z", "index"));
        InputLogs.Write(Input, "2026-11-20T11", "a.json", InputLogs.Visit(1, "2026-11-20T11:01:00Z", "about"), InputLogs.Visit(1, "2026-11-20T11:58:00Z", "about"));
        InputLogs.Write(Input, "2026-11-20T12", "a.json", InputLogs.Visit(1, "2026-11-20T12:01:00Z", "index"));
    }

    private string Input => _temp.Combine("in");

    private string Output => _temp.Combine("out");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Status_lists_committed_windows_with_their_counts()
    {
        Run("--from", "2026-11-20T10", "--to", "2026-11-20T12", "--no-previous-state");

        var status = Cli.Run("status", "--output", Output);

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("3 committed windows, 0 stale", status.Output);
        Assert.Matches(@"2026-11-20T11\s+committed\s+2\s+2\s+0", status.Output);
    }

    [Fact]
    public void A_rerun_that_changes_a_windows_state_makes_later_windows_stale_and_the_run_says_how_to_reprocess()
    {
        Run("--from", "2026-11-20T10", "--to", "2026-11-20T12", "--no-previous-state");
        InputLogs.Write(Input, "2026-11-20T10", "b.json", InputLogs.Visit(1, "2026-11-20T10:59:00Z", "my-account"));

        var rerun = Run("--window", "2026-11-20T10", "--no-previous-state");
        var status = Cli.Run("status", "--output", Output, "--format", "json");

        Assert.Contains("2 later windows are now stale", rerun.Error);
        Assert.Contains("--from 2026-11-20T11 --to 2026-11-20T12", rerun.Error);
        var windows = JsonDocument.Parse(status.Output).RootElement.GetProperty("windows").EnumerateArray()
            .ToDictionary(w => w.GetProperty("window").GetString()!, w => w.GetProperty("status").GetString());
        Assert.Equal("committed", windows["2026-11-20T10"]);
        Assert.Equal("stale", windows["2026-11-20T11"]);
        Assert.Equal("stale-upstream", windows["2026-11-20T12"]);
    }

    [Fact]
    public void Reprocessing_the_stale_windows_makes_them_current_again()
    {
        Run("--from", "2026-11-20T10", "--to", "2026-11-20T12", "--no-previous-state");
        InputLogs.Write(Input, "2026-11-20T10", "b.json", InputLogs.Visit(1, "2026-11-20T10:59:00Z", "my-account"));
        Run("--window", "2026-11-20T10", "--no-previous-state");

        Run("--from", "2026-11-20T11", "--to", "2026-11-20T12");

        Assert.Contains("3 committed windows, 0 stale", Cli.Run("status", "--output", Output).Output);
    }

    [Fact]
    public void A_rerun_that_reproduces_the_same_state_makes_nothing_stale()
    {
        Run("--from", "2026-11-20T10", "--to", "2026-11-20T12", "--no-previous-state");

        var rerun = Run("--window", "2026-11-20T10", "--no-previous-state");

        Assert.DoesNotContain("stale", rerun.Error);
        Assert.Contains("0 stale", Cli.Run("status", "--output", Output).Output);
    }

    [Fact]
    public void Status_shows_gaps_between_committed_windows()
    {
        Run("--window", "2026-11-20T10", "--no-previous-state");
        Run("--window", "2026-11-20T12", "--no-previous-state");

        var status = Cli.Run("status", "--output", Output);

        Assert.Contains("gaps (not committed): 2026-11-20T11", status.Output);
    }

    [Fact]
    public async Task Gaps_are_listed_as_stretches_so_a_window_far_from_the_others_does_not_list_every_hour_between()
    {
        Run("--window", "2026-11-20T10", "--no-previous-state");
        Run("--window", "2026-11-20T12", "--no-previous-state");
        Run("--window", "9999-12-31T22", "--no-previous-state", "--allow-missing-input");

        // A timeout, not a hang, if status lists every hour of the gap.
        var (text, json) = await Task.Run(() => (Cli.Run("status", "--output", Output), Cli.Run("status", "--output", Output, "--format", "json")))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("gaps (not committed): 2026-11-20T11, 2026-11-20T13..9999-12-31T21 (69,890,865 windows)", text.Output, StringComparison.Ordinal);
        var gaps = JsonDocument.Parse(json.Output).RootElement.GetProperty("gaps");
        Assert.Equal(2, gaps.GetArrayLength());
        Assert.Equal("2026-11-20T11", gaps[0].GetProperty("from").GetString());
        Assert.Equal("2026-11-20T11", gaps[0].GetProperty("to").GetString());
        Assert.Equal(1, gaps[0].GetProperty("windows").GetInt64());
        Assert.Equal("2026-11-20T13", gaps[1].GetProperty("from").GetString());
        Assert.Equal("9999-12-31T21", gaps[1].GetProperty("to").GetString());
        Assert.Equal((Core.Time.Window.Last.StartMs - Core.Time.Window.Parse("2026-11-20T13").StartMs) / 3_600_000, gaps[1].GetProperty("windows").GetInt64());
    }

    [Fact]
    public void Status_can_list_a_range_of_windows()
    {
        Run("--from", "2026-11-20T10", "--to", "2026-11-20T12", "--no-previous-state");

        var status = Cli.Run("status", "--output", Output, "--from", "2026-11-20T11", "--to", "2026-11-20T11", "--format", "json");

        var windows = JsonDocument.Parse(status.Output).RootElement.GetProperty("windows");
        Assert.Equal("2026-11-20T11", Assert.Single(windows.EnumerateArray()).GetProperty("window").GetString());
    }

    private CliResult Run(params string[] args)
    {
        var result = Cli.Run(["run", .. args, "--input", Input, "--output", Output]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }
}
