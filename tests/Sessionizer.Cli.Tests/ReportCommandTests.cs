using System.IO.Compression;

namespace Sessionizer.Cli.Tests;

/// <summary><c>sessionizer report</c> (docs/reference.md §6.10): the file it writes, its exit codes and its usage errors.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ReportCommandTests()
    {
        var run = Cli.Run("run", "--from", "2026-11-20T10", "--to", "2026-11-20T12", "--input", Repository.PathOf("samples", "logs"),
            "--output", Output, "--no-previous-state");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private string Output => _temp.Combine("out");

    private string Page => _temp.Combine("report.html");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Report_writes_one_html_page_and_logs_where()
    {
        var result = Cli.Run("report", "--output", Output, "--out", Page);

        Assert.True(result.ExitCode == 0, result.Error);
        var html = File.ReadAllText(Page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("All 3 windows committed and current", html, StringComparison.Ordinal);
        Assert.Contains($"Report of 3 windows (3 with a manifest, 0 not current, 0 without a manifest, 0 with unreadable closed sessions) written to {Page}", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path, ".*"));
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("give --from as well, 9998-11-10T07 at the earliest", "--to", "9999-12-31T22")]
    [InlineData("give --to as well, 0002-02-21T16 at the latest", "--from", "0001-01-01T01")]
    [InlineData("give a shorter range, e.g. --from 2026-11-20T10 --to 2028-01-11T01", "--from", "2026-11-20T10", "--to", "2028-01-11T02")]
    public async Task A_range_given_of_more_hours_than_a_page_shows_is_a_usage_error_not_a_hang(string advice, params string[] range)
    {
        // A timeout, not a hang, if report makes a row of every hour.
        var result = await Task.Run(() => Cli.Run(["report", "--output", Output, "--out", Page, .. range])).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("more than 10,000", result.Error, StringComparison.Ordinal);
        Assert.Contains(advice, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Page));
    }

    [Fact]
    public async Task With_no_range_given_committed_windows_far_apart_give_the_last_10000_hours_and_say_so()
    {
        var run = Cli.Run("run", "--window", "9999-12-31T22", "--input", Repository.PathOf("samples", "logs"), "--output", Output, "--no-previous-state", "--allow-missing-input");
        Assert.True(run.ExitCode == 0, run.Error);

        var result = await Task.Run(() => Cli.Run("report", "--output", Output, "--out", Page)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(
            "No range given: the committed windows go from 2026-11-20T10 to 9999-12-31T22, 69890869 hours, more than a page shows; the report covers the last 10000 hours, from 9998-11-10T07, without the 3 committed windows before it; give --from and --to for another range",
            result.Error, StringComparison.Ordinal);
        Assert.Contains("Report of 10000 windows (1 with a manifest", result.Error, StringComparison.Ordinal);
        Assert.Contains("id=\"range-cut\"", File.ReadAllText(Page), StringComparison.Ordinal);
    }

    [Fact]
    public void Out_dash_writes_the_page_to_standard_output()
    {
        var result = Cli.Run("report", "--output", Output, "--window", "2026-11-20T11", "--out", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", result.Output, StringComparison.Ordinal);
        Assert.Contains("<title>Sessionizer report: 2026-11-20T11</title>", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("data-window=\"2026-11-20T10\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_of_the_range_that_are_not_committed_are_shown_as_such_not_as_an_error()
    {
        var result = Cli.Run("report", "--output", Output, "--from", "2026-11-20T09", "--to", "2026-11-20T14", "--out", Page);

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(Page);
        Assert.Contains("<tr data-window=\"2026-11-20T09\" data-status=\"not committed\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-window=\"2026-11-20T14\" data-status=\"not committed\">", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-20T13 to 2026-11-20T14 (2 windows): not committed", html, StringComparison.Ordinal);
        Assert.Contains("3 without a manifest", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_part_that_cannot_be_read_is_shown_and_logged_and_the_report_is_written()
    {
        var part = Path.Combine(Output, "closed-sessions", "2026", "11", "20", "11", "part-00000.json.gz");
        var bytes = File.ReadAllBytes(part);
        File.WriteAllBytes(part, bytes[..(bytes.Length / 2)]);

        var result = Cli.Run("report", "--output", Output, "--out", Page);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("WRN Window 2026-11-20T11: closed-sessions/2026/11/20/11/part-00000.json.gz cannot be read", result.Error, StringComparison.Ordinal);
        Assert.Contains("1 with unreadable closed sessions", result.Error, StringComparison.Ordinal);
        Assert.Contains("closed-sessions/2026/11/20/11/part-00000.json.gz cannot be read", File.ReadAllText(Page), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_logs_end_with_the_exit_code()
    {
        var result = Cli.Run("report", "--output", Output, "--out", Page, "--log-format", "json");

        Assert.Equal(0, result.ExitCode);
        using var last = System.Text.Json.JsonDocument.Parse(result.Error.TrimEnd().Split('\n')[^1]);
        Assert.Equal(0, last.RootElement.GetProperty("ExitCode").GetInt32());
        Assert.Equal(3, last.RootElement.GetProperty("Windows").GetInt32());
        Assert.Equal(Page, last.RootElement.GetProperty("File").GetString());
    }

    [Fact]
    public void A_page_that_cannot_be_written_exits_1()
    {
        var result = Cli.Run("report", "--output", Output, "--out", "/proc/sessionizer-report.html");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot write the report to /proc/sessionizer-report.html", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_replaced_whole()
    {
        File.WriteAllText(Page, "old page");

        Assert.Equal(0, Cli.Run("report", "--output", Output, "--out", Page).ExitCode);

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Page), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["report"], "--output" },
        { ["report", "--output", "NOWHERE"], "does not exist" },
        { ["report", "--output", "FILE"], "is a file" },
        { ["report", "--output", "OUT", "--window", "2026-11-20T10", "--from", "2026-11-20T10"], "either --window or --from/--to" },
        { ["report", "--output", "OUT", "--from", "2026-11-20T12", "--to", "2026-11-20T11"], "--to 2026-11-20T11 is before --from 2026-11-20T12" },
        { ["report", "--output", "OUT", "--window", "2026-11-20"], "is not a window" },
        { ["report", "--output", "OUT", "--out", "OUT"], "is a folder" },
        { ["report", "--output", "OUT", "--out", "NOWHERE/report.html"], "does not exist" },
        { ["report", "--output", "OUT", "--top", "0"], "--top" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Wrong_options_are_usage_errors(string[] template, string message)
    {
        File.WriteAllText(_temp.Combine("a-file"), "x");
        var args = template.Select(a => a switch
        {
            "OUT" => Output,
            "FILE" => _temp.Combine("a-file"),
            "NOWHERE" => _temp.Combine("nowhere"),
            "NOWHERE/report.html" => _temp.Combine("nowhere", "report.html"),
            _ => a,
        }).ToArray();

        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Page));
    }

    [Fact]
    public void The_sample_parts_are_gzip_as_the_reader_expects()
    {
        // Guards the fixture: the closed part of a sample window is a gzip stream of JSON lines.
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Output, "closed-sessions", "2026", "11", "20", "10", "part-00000.json.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.StartsWith("{\"session_id\":", reader.ReadLine(), StringComparison.Ordinal);
    }
}
