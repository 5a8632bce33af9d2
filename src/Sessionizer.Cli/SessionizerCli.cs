using System.CommandLine;
using Sessionizer.Cli.Commands;
using Sessionizer.Cli.Logging;

namespace Sessionizer.Cli;

/// <summary>The command line: parses arguments, runs the command, returns the exit code (docs/reference.md §6).</summary>
internal static class SessionizerCli
{
    private const string Usage = """
        Usage:
          sessionizer run      --window 2026-11-20T10 --input ROOT --output ROOT [options]
          sessionizer run      --from 2026-11-20T10 --to 2026-11-20T15 --input ROOT --output ROOT [options]
          sessionizer follow   --input ROOT --output ROOT [--from H] [--ready-marker NAME] [options]
          sessionizer generate --output ROOT --start 2026-11-20T10 [--hours N] [--visits N] [--seed N] [options]
          sessionizer status   --output ROOT [--from H --to H] [--format text|json]
          sessionizer report   --output ROOT [--window H | --from H --to H] [--out FILE]
          sessionizer plan     --window 2026-11-20T10 [--engine spark|duckdb] [--inactivity-timeout T] [--closing-page P]
          sessionizer completion bash        # tab completion: source <(sessionizer completion bash)
        Run 'sessionizer COMMAND --help' for all options.
        """;

    private const string Description = """
        Sessionizer: turns hourly website visit logs into user sessions.

        Exit codes:
          0    committed (run, generate), reported (status, report), or stopped by --until or a signal (follow)
          1    failure: corrupt previous state, unreadable input, I/O error; nothing committed
          2    usage: unknown option, bad value; follow: a --from that leaves a gap or rewrites committed windows
          3    input not ready: the window's input folder or the previous window's commit is missing
          4    data-quality gate: too many rejected lines; nothing committed
          5    the window is locked by another run
          130  interrupted by SIGINT: nothing committed for the window in progress
          143  terminated by SIGTERM: nothing committed for the window in progress
        """;

    /// <summary>Parses without running: what a command line means, or its usage errors.</summary>
    internal static ParseResult Parse(string[] args) => Root(TextWriter.Null, TextWriter.Null).Parse(args);

    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Root(output, error).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A usage error exits 2 with a one-line reason and the usage, so an orchestrator does not retry it.
            if (Asks(args, "--log-format", "json"))
            {
                Logs.Create("json", error).ForContext("ExitCode", ExitCodes.Usage).Error("sessionizer: {Reason}", parse.Errors[0].Message);
            }
            else
            {
                error.WriteLine($"sessionizer: {parse.Errors[0].Message}");
                error.WriteLine(Usage);
            }

            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in one line and exit 1, not a crash dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var verbose = args.Contains("--verbose", StringComparer.Ordinal);
            var format = Asks(args, "--log-format", "json") ? "json" : "text";
            Logs.Create(format, error, verbose).ForContext("ExitCode", ExitCodes.Failure).Error(verbose ? e : null,
                "Unexpected error ({Type}): {Message}. This is a bug; rerun with --verbose for the details to report.", e.GetType().Name, e.Message);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Whether the command line gives <paramref name="option"/> the value <paramref name="value"/>, before any parsing.</summary>
    private static bool Asks(string[] args, string option, string value) =>
        args.Zip(args.Skip(1)).Any(p => p.First == option && p.Second == value)
        || args.Contains($"{option}={value}", StringComparer.Ordinal) || args.Contains($"{option}:{value}", StringComparer.Ordinal);

    private static RootCommand Root(TextWriter output, TextWriter error) => new(Description)
    {
        RunCommand.Create(error),
        FollowCommand.Create(error),
        GenerateCommand.Create(error),
        StatusCommand.Create(output),
        ReportCommand.Create(output, error),
        PlanCommand.Create(output),
        CompletionCommand.Create(output),
    };
}
