using System.Text.RegularExpressions;

namespace Sessionizer.Cli.Tests;

/// <summary>What --help shows is what the parser accepts.</summary>
public sealed partial class HelpTests
{
    public static TheoryData<string> Commands => ["run", "follow", "generate", "status", "report"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_default_shown_in_help_is_accepted_by_the_option(string command)
    {
        var help = Cli.Run(command, "--help").Output;
        var defaults = DefaultPattern().Matches(help).Select(m => (Option: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(defaults);

        foreach (var (option, value) in defaults)
        {
            string[] args = command switch
            {
                "run" => ["run", "--window", "2026-11-20T10", "--input", "in", "--output", "out", option, value],
                "follow" => ["follow", "--input", "in", "--output", "out", option, value],
                "generate" => ["generate", "--output", "out", "--start", "2026-11-20T10", option, value],
                _ => [command, "--output", Path.GetTempPath(), option, value],
            };
            var errors = SessionizerCli.Parse(args).Errors;
            Assert.True(errors.Count == 0, $"{command} {option} {value}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void Durations_and_log_formats_are_shown_as_they_are_written()
    {
        var help = Cli.Run("run", "--help").Output;

        Assert.Contains("[default: 5m]", help, StringComparison.Ordinal);
        Assert.Contains("[default: 1d]", help, StringComparison.Ordinal);
        Assert.DoesNotContain("00:05:00", help, StringComparison.Ordinal);
        Assert.Contains("--log-format <text|json>", help, StringComparison.Ordinal);
        Assert.Contains("--log-format <text|json>", Cli.Run("generate", "--help").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_top_level_help_lists_the_exit_codes()
    {
        var help = Cli.Run("--help").Output;

        Assert.Contains("Exit codes:", help, StringComparison.Ordinal);
        foreach (var code in new[] { "0", "1", "2", "3", "4", "5", "130", "143" })
        {
            Assert.Matches(new Regex($@"\n\s+{code}\s+\w"), help);
        }
    }

    [GeneratedRegex(@"^\s+(--[a-z-]+)\s.*\[default: ([^\]]+)\]", RegexOptions.Multiline)]
    private static partial Regex DefaultPattern();
}
