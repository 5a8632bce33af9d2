using System.Diagnostics;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// <c>sessionizer completion bash</c>: the script it prints, loaded in a real bash and asked as bash asks it
/// on Tab, completes commands, options and option values through the real executable's [suggest] directive.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Completion_bash_prints_the_script()
    {
        var result = Cli.Run("completion", "bash");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Commands.CompletionCommand.BashScript, result.Output);
        Assert.Contains("complete -o default -F _sessionizer_complete sessionizer", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_shell_is_a_usage_error()
    {
        var result = Cli.Run("completion", "fish");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("fish", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sessionizer st", "status")]
    [InlineData("sessionizer run --eng", "--engine")]
    [InlineData("sessionizer run --engine d", "duckdb")]
    [InlineData("sessionizer status --output out --format ", "json\ntext")]
    [InlineData("sessionizer run --window 2026-11-20T10 --no-prev", "--no-previous-state")]
    public void Bash_completes_with_the_script(string line, string expected)
    {
        Assert.Equal(expected, Complete(line));
    }

    /// <summary>
    /// Sources the script in bash, sets what bash sets on Tab (the line, the cursor at its end, the words)
    /// and calls the completion function; the command it runs, sessionizer, is this build's executable.
    /// </summary>
    private string Complete(string line)
    {
        var script = _temp.Combine("completion.bash");
        File.WriteAllText(script, Cli.Run("completion", "bash").Output);

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("""
            dll="$2"
            sessionizer() { dotnet "$dll" "$@"; }
            source "$1"
            COMP_LINE="$3"
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _sessionizer_complete sessionizer
            printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
            """);
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sessionizer.dll"));
        start.ArgumentList.Add(line);
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, error);
        return output.Result.TrimEnd('\n');
    }
}
