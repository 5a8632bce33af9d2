using System.Text.Json;

namespace Sessionizer.Cli.Tests;

/// <summary>Mistakes in a command line exit 2 with one line saying what is wrong, never 3 (which an orchestrator retries) and never a stack trace.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public UsageErrorTests()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"));
        File.WriteAllText(AFile, "not a folder");
    }

    private string Input => _temp.Combine("in");

    private string Output => _temp.Combine("out");

    private string AFile => _temp.Combine("a-file.txt");

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[]> FolderOptionsNamingAFile => new()
    {
        new[] { "run", "--window", "2026-11-20T10", "--input", "FILE", "--output", "OUT", "--no-previous-state" },
        new[] { "run", "--window", "2026-11-20T10", "--input", "IN", "--output", "FILE", "--no-previous-state" },
        new[] { "run", "--window", "2026-11-20T10", "--input", "IN", "--output", "OUT", "--previous-state", "FILE" },
        new[] { "generate", "--output", "FILE", "--start", "2026-11-20T10", "--visits", "1" },
        new[] { "status", "--output", "FILE" },
    };

    [Theory]
    [MemberData(nameof(FolderOptionsNamingAFile))]
    public void A_folder_option_naming_a_file_is_a_usage_error(string[] template)
    {
        var result = Cli.Run(Fill(template));

        AssertUsageError(result, AFile);
    }

    [Theory]
    [InlineData("run", "sub")]
    [InlineData("generate", "sub")]
    [InlineData("run", "sub/")]
    public void A_folder_under_a_file_is_a_usage_error(string command, string below)
    {
        var under = Path.Combine(AFile, below);
        string[] args = command == "run"
            ? ["run", "--window", "2026-11-20T10", "--input", Input, "--output", under, "--no-previous-state"]
            : ["generate", "--output", under, "--start", "2026-11-20T10", "--visits", "1"];

        var result = Cli.Run(args);

        AssertUsageError(result, under);
        Assert.Contains($"lies under {AFile}, which is a file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_of_an_output_root_that_does_not_exist_is_a_usage_error()
    {
        AssertUsageError(Cli.Run("status", "--output", _temp.Combine("nowhere")), _temp.Combine("nowhere"));
    }

    [Fact]
    public void Status_from_after_to_is_a_usage_error()
    {
        Directory.CreateDirectory(Output);

        AssertUsageError(Cli.Run("status", "--output", Output, "--from", "2026-11-20T12", "--to", "2026-11-20T11"), "2026-11-20T11");
    }

    [Fact]
    public void Overlapping_roots_are_a_usage_error_naming_both()
    {
        var inside = _temp.Combine("in", "2026", "11", "20", "10", "out");

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", inside, "--no-previous-state");

        AssertUsageError(result, inside);
        Assert.Contains(Input, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out")]
    [InlineData("in")]
    [InlineData("in/sessions")]
    public void Output_beside_or_inside_the_input_root_reads_only_visit_logs_run_after_run(string output)
    {
        var root = _temp.Combine(output);
        for (var run = 0; run < 2; run++)
        {
            var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", root, "--no-previous-state");

            Assert.True(result.ExitCode == 0, result.Error);
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "manifests", "2026-11-20T10.json")));
            Assert.Equal(1, manifest.RootElement.GetProperty("counts").GetProperty("input_lines").GetInt64());
            Assert.Single(manifest.RootElement.GetProperty("input").GetProperty("files").EnumerateArray());
        }
    }

    [Fact]
    public void With_json_logs_a_usage_error_is_one_clef_line_with_exit_code_2()
    {
        var result = Cli.Run("run", "--window", "yesterday", "--input", Input, "--output", Output, "--log-format", "json");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var e = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Error", e.GetProperty("@l").GetString());
        Assert.Equal("sessionizer: {Reason}", e.GetProperty("@mt").GetString());
        Assert.Contains("yesterday", e.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, e.GetProperty("ExitCode").GetInt32());
        Assert.True(e.TryGetProperty("@t", out _));
    }

    [Fact]
    public void An_empty_previous_state_folder_is_warned_about()
    {
        Directory.CreateDirectory(_temp.Combine("state"));

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--previous-state", _temp.Combine("state"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("WRN", result.Error, StringComparison.Ordinal);
        Assert.Contains("no state file", result.Error, StringComparison.Ordinal);
    }

    private static void AssertUsageError(CliResult result, string named)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.StartsWith("sessionizer: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private string[] Fill(string[] template) =>
        template.Select(a => a switch { "FILE" => AFile, "IN" => Input, "OUT" => Output, _ => a }).ToArray();
}
