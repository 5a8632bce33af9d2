using System.Text;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// The hint a run prints when it made later windows stale: commands that run as printed, one per
/// stretch of consecutive stale windows with the same recorded parameters, never across a gap.
/// </summary>
public sealed class StaleHintTests : IDisposable
{
    private static readonly string[] ParametersA = ["--inactivity-timeout", "10m", "--closing-page", "logout"];
    private static readonly string[] ParametersB = ["--inactivity-timeout", "15m", "--closing-page", "logout"];

    private readonly TempDirectory _temp = new();

    public StaleHintTests()
    {
        // User 1 stays active from 10 to 13, so its state changes in every window when window 10 changes.
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:58:00Z", "index"));
        InputLogs.Write(Input, "2026-11-20T11", "a.json", InputLogs.Visit(1, "2026-11-20T11:01:00Z", "about"), InputLogs.Visit(1, "2026-11-20T11:58:00Z", "about"));
        InputLogs.Write(Input, "2026-11-20T12", "a.json", InputLogs.Visit(1, "2026-11-20T12:01:00Z", "index"), InputLogs.Visit(1, "2026-11-20T12:55:00Z", "about"));
        InputLogs.Write(Input, "2026-11-20T13", "a.json", InputLogs.Visit(1, "2026-11-20T13:05:00Z", "index"));

        // Window 14 has no input: a gap. 15 and 16 start afresh, so they are not stale.
        InputLogs.Write(Input, "2026-11-20T15", "a.json", InputLogs.Visit(2, "2026-11-20T15:05:00Z", "index"));
        InputLogs.Write(Input, "2026-11-20T16", "a.json", InputLogs.Visit(2, "2026-11-20T16:05:00Z", "index"));
    }

    /// <summary>A space and a quote: the printed command must quote it.</summary>
    private string Input => _temp.Combine("in put's");

    private string Output => _temp.Combine("out");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_hint_prints_one_runnable_command_per_stretch_of_stale_windows_with_their_parameters_and_they_reprocess_them()
    {
        Run(["--from", "2026-11-20T10", "--to", "2026-11-20T12", "--no-previous-state", .. ParametersA]);
        Run(["--window", "2026-11-20T13", .. ParametersB]);
        Run(["--from", "2026-11-20T15", "--to", "2026-11-20T16", "--no-previous-state", .. ParametersA]);
        InputLogs.Write(Input, "2026-11-20T10", "b.json", InputLogs.Visit(1, "2026-11-20T10:59:00Z", "my-account"));

        var rerun = Run(["--window", "2026-11-20T10", "--no-previous-state", .. ParametersA]);

        var input = "'" + Input.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
        string[] expected =
        [
            $"sessionizer run --from 2026-11-20T11 --to 2026-11-20T12 --input {input} --output {Output} --inactivity-timeout 10m --closing-page logout",
            $"sessionizer run --window 2026-11-20T13 --input {input} --output {Output} --inactivity-timeout 15m --closing-page logout",
        ];
        Assert.Contains("3 later windows are now stale (2026-11-20T11, 2026-11-20T12, 2026-11-20T13)", rerun.Error);
        var commands = Commands(rerun.Error);
        Assert.Equal(expected, commands);

        foreach (var command in commands)
        {
            var args = ShellWords(command);
            Assert.Equal("sessionizer", args[0]);
            var result = Cli.Run(args[1..]);
            Assert.True(result.ExitCode == 0, command + "\n" + result.Error);
        }

        Assert.Contains("6 committed windows, 0 stale", Cli.Run("status", "--output", Output).Output);
    }

    [Fact]
    public void A_stale_window_whose_previous_window_is_no_longer_committed_is_named_with_the_window_to_commit_first()
    {
        Run(["--from", "2026-11-20T10", "--to", "2026-11-20T13", "--no-previous-state", .. ParametersA]);
        File.Delete(Path.Combine(Output, "manifests", "2026-11-20T12.json"));
        InputLogs.Write(Input, "2026-11-20T10", "b.json", InputLogs.Visit(1, "2026-11-20T10:59:00Z", "my-account"));

        var rerun = Run(["--window", "2026-11-20T10", "--no-previous-state", .. ParametersA]);

        var input = "'" + Input.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
        Assert.Equal([$"sessionizer run --window 2026-11-20T11 --input {input} --output {Output} --inactivity-timeout 10m --closing-page logout"], Commands(rerun.Error));
        Assert.Contains("Reprocess 2026-11-20T13 once window 2026-11-20T12, whose state it consumed, is committed again, with: " +
            $"sessionizer run --window 2026-11-20T13 --input {input} --output {Output} --inactivity-timeout 10m --closing-page logout", rerun.Error);
    }

    [Fact]
    public void Stale_windows_run_from_different_input_roots_get_one_command_each_with_their_own_input_root()
    {
        var otherInput = _temp.Combine("other in");
        InputLogs.Write(otherInput, "2026-11-20T12", "a.json", InputLogs.Visit(1, "2026-11-20T12:01:00Z", "index"), InputLogs.Visit(1, "2026-11-20T12:55:00Z", "about"));
        Run(["--from", "2026-11-20T10", "--to", "2026-11-20T11", "--no-previous-state", .. ParametersA]);
        var other = Cli.Run(["run", "--window", "2026-11-20T12", .. ParametersA, "--input", otherInput, "--output", Output]);
        Assert.True(other.ExitCode == 0, other.Error);
        InputLogs.Write(Input, "2026-11-20T10", "b.json", InputLogs.Visit(1, "2026-11-20T10:59:00Z", "my-account"));

        var rerun = Run(["--window", "2026-11-20T10", "--no-previous-state", .. ParametersA]);

        Assert.Equal(
            [
                $"sessionizer run --window 2026-11-20T11 --input {Quoted(Input)} --output {Output} --inactivity-timeout 10m --closing-page logout",
                $"sessionizer run --window 2026-11-20T12 --input {Quoted(otherInput)} --output {Output} --inactivity-timeout 10m --closing-page logout",
            ],
            Commands(rerun.Error));
    }

    [Fact]
    public void A_range_that_stops_at_a_failure_after_committing_a_window_still_names_the_windows_it_made_stale()
    {
        Run(["--from", "2026-11-20T10", "--to", "2026-11-20T12", "--no-previous-state", .. ParametersA]);
        InputLogs.Write(Input, "2026-11-20T10", "b.json", InputLogs.Visit(1, "2026-11-20T10:59:00Z", "my-account"));
        InputLogs.Write(Input, "2026-11-20T11", "bad.json", "not json");

        var rerun = Cli.Run(["run", "--from", "2026-11-20T10", "--to", "2026-11-20T11", "--no-previous-state", .. ParametersA, "--input", Input, "--output", Output]);

        Assert.True(rerun.ExitCode == 4, rerun.Error);
        Assert.Contains("2 later windows are now stale (2026-11-20T11, 2026-11-20T12)", rerun.Error);
        var command = Assert.Single(Commands(rerun.Error));
        Assert.Equal($"sessionizer run --from 2026-11-20T11 --to 2026-11-20T12 --input {Quoted(Input)} --output {Output} --inactivity-timeout 10m --closing-page logout", command);

        File.Delete(Path.Combine(Input, "2026", "11", "20", "11", "bad.json"));
        var reprocess = Cli.Run(ShellWords(command)[1..]);
        Assert.True(reprocess.ExitCode == 0, reprocess.Error);
        Assert.Contains("3 committed windows, 0 stale", Cli.Run("status", "--output", Output).Output);
    }

    private static string Quoted(string path) => "'" + path.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    /// <summary>The commands of the hint: what follows "with: " on its lines.</summary>
    private static List<string> Commands(string log) =>
        log.Split('\n').Where(l => l.Contains(" with: sessionizer ", StringComparison.Ordinal) && !l.Contains("committed again", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("with: ", StringComparison.Ordinal) + "with: ".Length)..].TrimEnd('\r')).ToList();

    /// <summary>Splits a command line as a POSIX shell does, for words, spaces, single quotes and backslashes.</summary>
    private static string[] ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                Assert.True(end > i, "unterminated quote in " + line);
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '\\')
            {
                word.Append(line[++i]);
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                Assert.DoesNotContain(c, "\"$`*?[]{}()<>|&;~#!");
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    private CliResult Run(string[] args)
    {
        var result = Cli.Run(["run", .. args, "--input", Input, "--output", Output]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }
}
