using System.Text.Json;

namespace Sessionizer.Generation.Tests;

/// <summary>The <c>generate</c> command end to end, and the job run over what it wrote.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Logs => _temp.Combine("logs");

    private string Sessions => _temp.Combine("sessions");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generated_hours_run_and_commit_with_the_default_quality_gate(bool gzip)
    {
        string[] args = ["generate", "--output", Logs, "--start", "2026-11-20T10", "--hours", "3", "--visits", "200", "--seed", "42"];
        var generated = Cli.Run(gzip ? [.. args, "--gzip"] : args);
        Assert.True(generated.ExitCode == 0, generated.Error);
        Assert.Contains("Generated ", generated.Error);

        var run = Cli.Run("run", "--from", "2026-11-20T10", "--to", "2026-11-20T12", "--input", Logs, "--output", Sessions, "--no-previous-state");

        Assert.True(run.ExitCode == 0, run.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Sessions, "manifests", "2026-11-20T11.json")));
        var counts = manifest.RootElement.GetProperty("counts");
        Assert.True(counts.GetProperty("rejected").GetInt64() > 0);
        Assert.True(counts.GetProperty("events_before_window").GetInt64() > 0, "late events of 10:00 are read in 11:00");
        Assert.True(counts.GetProperty("closed_sessions").GetInt64() > 1000);
        Assert.Equal(0, counts.GetProperty("events_after_window").GetInt64());
    }

    [Theory]
    [InlineData("9999-12-31T23", "2")]
    [InlineData("9999-12-31T20", "4")]
    [InlineData("9999-12-31T20", "5")]
    [InlineData("0001-01-01T00", "1")]
    public void Hours_outside_the_runnable_windows_are_a_usage_error(string start, string hours)
    {
        var result = Cli.Run("generate", "--output", Logs, "--start", start, "--hours", hours);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sessionizer: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("9999-12-31T22", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Logs));
    }

    [Fact]
    public void Logout_pages_close_sessions_when_the_run_is_told_so()
    {
        var generated = Cli.Run("generate", "--output", Logs, "--start", "2026-11-20T10", "--visits", "100", "--closing-page-rate", "0.02");
        Assert.True(generated.ExitCode == 0, generated.Error);

        var run = Cli.Run("run", "--window", "2026-11-20T10", "--input", Logs, "--output", Sessions, "--no-previous-state", "--closing-page", "logout");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"closing_action [1-9]\d*", run.Error);
    }

    [Fact]
    public void Too_many_malformed_lines_trip_the_quality_gate()
    {
        Assert.Equal(0, Cli.Run("generate", "--output", Logs, "--start", "2026-11-20T10", "--visits", "50", "--anomalies", "malformed=0.05").ExitCode);

        var run = Cli.Run("run", "--window", "2026-11-20T10", "--input", Logs, "--output", Sessions, "--no-previous-state");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("malformed_json", run.Error);
    }

    [Fact]
    public void A_folder_that_holds_files_is_not_mixed_into_unless_overwrite_is_given()
    {
        string[] args = ["generate", "--output", Logs, "--start", "2026-11-20T10", "--visits", "20", "--files-per-hour", "5"];
        Assert.Equal(0, Cli.Run(args).ExitCode);

        var again = Cli.Run([.. args[..^1], "2"]);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--overwrite", again.Error);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(Logs, "2026", "11", "20", "10")).Length);

        var overwritten = Cli.Run([.. args[..^1], "2", "--overwrite"]);
        Assert.Equal(0, overwritten.ExitCode);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(Logs, "2026", "11", "20", "10")).Length);
    }

    [Fact]
    public void The_events_option_stops_the_command_at_that_many_lines()
    {
        var result = Cli.Run("generate", "--output", Logs, "--start", "2026-11-20T10", "--hours", "2", "--events", "1000", "--files-per-hour", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1000, File.ReadLines(Path.Combine(Logs, "2026", "11", "20", "10", "part-00000.json")).Count());
        Assert.False(Directory.Exists(Path.Combine(Logs, "2026", "11", "20", "11")));
    }

    [Theory]
    [InlineData("--hours", "0")]
    [InlineData("--visits", "-5")]
    [InlineData("--seed", "x")]
    [InlineData("--events", "0")]
    [InlineData("--anomalies", "incomplete=2")]
    [InlineData("--anomalies", "broken=0.1")]
    [InlineData("--anomalies", "malformed=0.6,missing=0.6")]
    [InlineData("--late-fraction", "1.5")]
    [InlineData("--closing-page-rate", "-0.1")]
    [InlineData("--start", "2026-11-20")]
    public void A_bad_option_is_a_usage_error(string option, string value)
    {
        var result = Cli.Run(option == "--start"
            ? ["generate", "--output", Logs, option, value]
            : ["generate", "--output", Logs, "--start", "2026-11-20T10", option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sessionizer: ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Logs));
    }

    [Fact]
    public void The_start_and_output_are_required()
    {
        Assert.Equal(2, Cli.Run("generate", "--output", Logs).ExitCode);
        Assert.Equal(2, Cli.Run("generate", "--start", "2026-11-20T10").ExitCode);
    }

    [Fact]
    public void Help_documents_the_anomaly_rates_and_defaults()
    {
        var result = Cli.Run("generate", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("incomplete=0.02,inconsistent=0.02,malformed=0.001,missing=0.001", result.Output);
        Assert.Contains("--late-fraction", result.Output);
    }
}
