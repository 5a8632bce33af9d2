using System.CommandLine;
using Sessionizer.Cli.Commands;

namespace Sessionizer.Cli;

/// <summary>The command line: parses arguments, runs the command, returns the exit code (docs/reference.md §6).</summary>
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

    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Sessionizer: turns hourly website visit logs into user sessions.")
        {
            RunCommand.Create(error),
            GenerateCommand.Create(error),
            StatusCommand.Create(output),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A usage error exits 2 with a one-line reason and the usage, so an orchestrator does not retry it.
            error.WriteLine($"sessionizer: {parse.Errors[0].Message}");
            error.WriteLine(Usage);
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
