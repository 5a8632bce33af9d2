using System.CommandLine;
using Sessionizer.Cli.Commands;

namespace Sessionizer.Cli;

/// <summary>The command line: parses arguments, runs the command, returns the exit code (SPEC §6).</summary>
internal static class SessionizerCli
{
    private const string Usage = """
        Usage:
          sessionizer run      --window 2026-11-20T10 --input ROOT --output ROOT [options]
          sessionizer run      --from 2026-11-20T10 --to 2026-11-20T15 --input ROOT --output ROOT [options]
          sessionizer generate --output ROOT --start 2026-11-20T10 [--hours N] [--visits N] [--seed N] [options]
          sessionizer status   --output ROOT [--from H --to H] [--format text|json]
        Run 'sessionizer COMMAND --help' for all options.
        """;

    private const string Description = """
        Sessionizer: turns hourly website visit logs into user sessions.

        Exit codes:
          0    committed (run, generate), or reported (status)
          1    failure: corrupt previous state, unreadable input, I/O error; nothing committed
          2    usage: unknown option, bad value
          3    input not ready: the window's input folder or the previous window's commit is missing
          4    data-quality gate: too many rejected lines; nothing committed
          5    the window is locked by another run
        """;

    /// <summary>Parses without running: what a command line means, or its usage errors.</summary>
    internal static ParseResult Parse(string[] args) => Root(TextWriter.Null, TextWriter.Null).Parse(args);

    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Root(output, error).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A usage error exits 2 with a one-line reason and the usage, so an orchestrator does not retry it.
            error.WriteLine($"sessionizer: {parse.Errors[0].Message}");
            error.WriteLine(Usage);
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static RootCommand Root(TextWriter output, TextWriter error) => new(Description)
    {
        RunCommand.Create(error),
        GenerateCommand.Create(error),
        StatusCommand.Create(output),
    };
}
