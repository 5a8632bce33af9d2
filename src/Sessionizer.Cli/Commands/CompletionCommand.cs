using System.CommandLine;

namespace Sessionizer.Cli.Commands;

/// <summary>
/// <c>sessionizer completion bash</c>: a bash script that completes commands, options and option values
/// by asking sessionizer itself through System.CommandLine's <c>[suggest:POSITION]</c> directive (on by
/// default in a root command), so no other tool (dotnet-suggest) and no .NET on the machine is needed.
/// </summary>
internal static class CompletionCommand
{
    /// <summary>
    /// The function gets the command as typed (<c>$1</c>: sessionizer on PATH, or a path to it), asks it for
    /// the candidates at the cursor, and keeps those that start with the word being completed. Without
    /// candidates (a folder or file value) bash completes file names (<c>-o default</c>).
    /// </summary>
    internal const string BashScript = """
        # bash completion for sessionizer: commands, options and option values, as sessionizer itself
        # suggests them. Load it in ~/.bashrc with:  source <(sessionizer completion bash)
        _sessionizer_complete() {
            local IFS=$'\n' cur="${COMP_WORDS[COMP_CWORD]}" candidates
            candidates=$("$1" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) || return 0
            COMPREPLY=($(compgen -W "${candidates}" -- "${cur}"))
        }
        complete -o default -F _sessionizer_complete sessionizer

        """;

    public static Command Create(TextWriter output)
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash (zsh reads it after bashcompinit)." };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command("completion", "Print a script that completes sessionizer's commands and options in the shell: source <(sessionizer completion bash)")
        {
            shell,
        };
        command.SetAction(_ =>
        {
            output.Write(BashScript);
            return ExitCodes.Committed;
        });
        return command;
    }
}
