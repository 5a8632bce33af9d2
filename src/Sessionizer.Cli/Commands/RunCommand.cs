using System.CommandLine;
using Serilog;
using Sessionizer.Cli.Logging;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.DuckDb;
using Sessionizer.Engine.Lineage;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Commands;

/// <summary><c>sessionizer run</c>: sessionize one window or a range of windows (docs/reference.md §5, §6.2).</summary>
internal static class RunCommand
{
    public const double DefaultMaxRejectedFraction = 0.01;

    public static Command Create(TextWriter error)
    {
        var window = CliOptions.Window("--window", "The hourly window to run (UTC).");
        var from = CliOptions.Window("--from", "First window of a range to run in order.");
        var to = CliOptions.Window("--to", "Last window of the range (inclusive).");
        var input = CliOptions.Directory("--input", "Input root: visit logs under ROOT/yyyy/MM/dd/HH/.", required: true);
        var output = CliOptions.Directory("--output", "Output root: active-sessions/, closed-sessions/, rejected/, manifests/.", required: true);
        var noPreviousState = new Option<bool>("--no-previous-state") { Description = "The (first) window starts without previous state." };
        var previousState = CliOptions.Directory("--previous-state", "Read the (first) window's previous active sessions from this folder, e.g. the reference Spark job's open-sessions/yyyy/MM/dd/HH.", required: false);
        var allowMissingInput = new Option<bool>("--allow-missing-input") { Description = "Run a window whose input folder is missing with no new events, instead of exiting 3." };
        var timeout = CliOptions.Duration("--inactivity-timeout", "A gap longer than this splits sessions.", SessionRules.DefaultInactivityTimeout);
        var maxDuration = CliOptions.Duration("--max-session-duration", "A session that has lasted this long is closed at the end of the window.", SessionRules.DefaultMaxSessionDuration);
        var closingPages = new Option<string[]>("--closing-page") { Description = "A page whose visit closes the session (repeatable), e.g. logout.", HelpName = "page", Arity = ArgumentArity.ZeroOrMore };
        var maxRejected = CliOptions.Fraction("--max-rejected-fraction", "Fail (exit 4, commit nothing) when more than this fraction of the input lines is rejected.", DefaultMaxRejectedFraction);
        var parallelism = CliOptions.Positive("--parallelism", "Threads to use; the default is the number of cores.", Environment.ProcessorCount);
        var compression = CliOptions.OneOf("--compression-level", "gzip level of closed sessions and rejected lines: fastest (default, chosen by measurement: see README), optimal, smallest, or none (stored, still gzip).",
            "fastest", "optimal", "smallest", "none");
        var engine = CliOptions.OneOf("--engine",
            "local (one process, all cores), duckdb (the SQL plan of the Spark engine, run by DuckDB in this process), or spark (not in this build).",
            "local", "duckdb", "spark");
        var logFormat = CliOptions.LogFormat();
        var verbose = new Option<bool>("--verbose") { Description = "Also log debug details, such as the time of each phase of a window." };

        var command = new Command("run", "Sessionize one hourly window (--window) or a range (--from, --to) and commit the outputs.")
        {
            window, from, to, input, output, noPreviousState, previousState, allowMissingInput, timeout, maxDuration,
            closingPages, maxRejected, parallelism, compression, engine, logFormat, verbose,
        };
        command.Validators.Add(result =>
        {
            var hasWindow = result.GetResult(window) is not null;
            var hasFrom = result.GetResult(from) is not null;
            var hasTo = result.GetResult(to) is not null;
            if (hasWindow == (hasFrom || hasTo))
            {
                result.AddError("Give either --window, or --from and --to.");
            }
            else if (hasFrom != hasTo)
            {
                result.AddError("--from and --to go together.");
            }
            else
            {
                CliOptions.RequireOrder(result, from, to);
            }

            if (result.GetResult(input)?.Tokens.FirstOrDefault()?.Value is { } inputRoot
                && result.GetResult(output)?.Tokens.FirstOrDefault()?.Value is { } outputRoot
                && RootOverlap.Explain(inputRoot, outputRoot) is { } overlap)
            {
                result.AddError(overlap);
            }

            if (result.GetResult(previousState) is not null && result.GetValue(noPreviousState))
            {
                result.AddError("--previous-state and --no-previous-state exclude each other.");
            }

            if (result.GetResult(engine) is { Tokens: [{ Value: "spark" }] })
            {
                result.AddError("--engine spark is not available in this build yet; use --engine local or --engine duckdb.");
            }
        });

        command.SetAction(parse =>
        {
            var log = Logs.Create(parse.GetValue(logFormat), error, parse.GetValue(verbose));
            var settings = new RunSettings
            {
                InputRoot = parse.GetValue(input)!,
                OutputRoot = parse.GetValue(output)!,
                Rules = new SessionRules(parse.GetValue(timeout) ?? SessionRules.DefaultInactivityTimeout,
                    parse.GetValue(maxDuration) ?? SessionRules.DefaultMaxSessionDuration, parse.GetValue(closingPages)),
                AllowMissingInput = parse.GetValue(allowMissingInput),
                MaxRejectedFraction = parse.GetValue(maxRejected),
                NoPreviousState = parse.GetValue(noPreviousState),
                PreviousStateDirectory = parse.GetValue(previousState),
                Parallelism = parse.GetValue(parallelism),
                CompressionLevel = parse.GetValue(compression) switch
                {
                    "optimal" => System.IO.Compression.CompressionLevel.Optimal,
                    "smallest" => System.IO.Compression.CompressionLevel.SmallestSize,
                    "none" => System.IO.Compression.CompressionLevel.NoCompression,
                    _ => System.IO.Compression.CompressionLevel.Fastest,
                },
                Engine = parse.GetValue(engine)!,
            };
            var first = parse.GetValue(window) ?? parse.GetValue(from)!.Value;
            var last = parse.GetValue(window) ?? parse.GetValue(to)!.Value;
            return Execute(settings, first, last, log, parse.GetValue(verbose));
        });
        return command;
    }

    /// <summary>
    /// Windows after <paramref name="lastCommitted"/>, the last window this run committed, that
    /// consumed a state this run replaced are now stale: say so, and how to reprocess them, with one
    /// command per stretch of consecutive stale windows run alike. Also after a run that stopped at a
    /// failure or a signal: the windows it committed before still made later ones stale.
    /// </summary>
    private static void WarnAboutStaleWindows(RunSettings settings, Window? lastCommitted, ILogger log)
    {
        if (lastCommitted is not { } last)
        {
            return;
        }

        LineageReport report;
        try
        {
            // All windows: whether the window before a stale one is committed decides whether its command can run.
            report = LineageScanner.Scan(new OutputLayout(settings.OutputRoot));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not to hide the run's own outcome: the windows committed stay committed; `status` can tell later.
            log.Warning("Could not check for windows made stale by this run ({Message}); run sessionizer status to see them", e.Message);
            return;
        }

        var stale = report.Stale.Where(s => s.Window > last).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        log.Warning("{Count} later windows are now stale ({Windows}): they consumed state this run replaced. Reprocess them, in this order:",
            stale.Count, string.Join(", ", stale.Select(s => s.Window.ToString())));
        foreach (var stretch in ReprocessCommands.Of(report, last.Next, settings.OutputRoot))
        {
            if (stretch.MissingPrevious is { } missing)
            {
                log.Warning("Reprocess {Windows} once window {Previous}, whose state it consumed, is committed again, with: {Command}",
                    stretch.Windows, missing.ToString(), stretch.Command);
            }
            else
            {
                log.Warning("Reprocess {Windows} with: {Command}", stretch.Windows, stretch.Command);
            }
        }
    }

    private static int Execute(RunSettings settings, Window first, Window last, ILogger log, bool verbose)
    {
        using var signals = new Signals();
        log.Information("Running windows {From}..{To} on the {Engine} engine: input {Input}, output {Output}, {Rules}",
            first, last, settings.Engine, settings.InputRoot, settings.OutputRoot, settings.Rules.Describe());
        Window? lastCommitted = null;
        try
        {
            WindowEngine engine = settings.Engine == "duckdb" ? new DuckDbEngine(log) : new LocalEngine(log);
            new WindowRunner(settings, log, engine).RunRange(first, last, outcome =>
            {
                lastCommitted = outcome.Window;
                Summary.Log(log, outcome);
            }, signals.Token);
            WarnAboutStaleWindows(settings, lastCommitted, log);
            if (signals.Received is not null)
            {
                // The signal came once the last window's commit was swapping directories (or later): it completed.
                log.Error("Received {Signal}: window {Window} committed (its commit had started), the run stops here",
                    signals.Name, lastCommitted.ToString());
                return signals.ExitCode;
            }

            return ExitCodes.Committed;
        }
        catch (RunCancelledException e)
        {
            WarnAboutStaleWindows(settings, lastCommitted, log);
            log.Error("Received {Signal}: window {Window} not committed, staging removed, lock released", signals.Name, e.Window.ToString());
            return signals.ExitCode;
        }
        catch (RunFailedException e)
        {
            WarnAboutStaleWindows(settings, lastCommitted, log);
            log.Error(verbose ? e : null, "{Failure}: {Message}", e.Failure, e.Message);
            return ExitCodes.Of(e.Failure);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WarnAboutStaleWindows(settings, lastCommitted, log);

            // One line saying what and where (the message names the path); the stack trace only with --verbose.
            log.Error(verbose ? e : null, "Run failed, nothing more was committed: {Message}", e.Message);
            return ExitCodes.Failure;
        }
    }
}
