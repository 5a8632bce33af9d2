using System.CommandLine;
using Serilog;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Lineage;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Commands;

/// <summary><c>sessionizer run</c>: sessionize one window or a range of windows (docs/reference.md §5, §6.2).</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter error)
    {
        var window = CliOptions.Window("--window", "The hourly window to run (UTC).");
        var from = CliOptions.Window("--from", "First window of a range to run in order.");
        var to = CliOptions.Window("--to", "Last window of the range (inclusive).");
        var job = new JobOptions();

        var command = new Command("run", "Sessionize one hourly window (--window) or a range (--from, --to) and commit the outputs.") { window, from, to };
        foreach (var option in job.All)
        {
            command.Options.Add(option);
        }

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

            job.Validate(result);
        });

        command.SetAction(parse =>
        {
            var first = parse.GetValue(window) ?? parse.GetValue(from)!.Value;
            var last = parse.GetValue(window) ?? parse.GetValue(to)!.Value;
            using var progress = job.Progress(parse, error);
            return Execute(job.Settings(parse, progress), first, last, job.Log(parse, error, progress), job.Verbose(parse));
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
        var committed = 0;

        // Windows run in order and the range stops at the first that fails: that is the one after the last committed.
        Window Failing() => lastCommitted?.Next ?? first;
        try
        {
            new WindowRunner(settings, log, JobOptions.Engine(settings, log)).RunRange(first, last, outcome =>
            {
                lastCommitted = outcome.Window;
                committed++;
                Summary.Log(log, outcome);
            }, signals.Token);
            WarnAboutStaleWindows(settings, lastCommitted, log);
            if (signals.Received is not null)
            {
                // The signal came once the last window's commit was swapping directories (or later): it completed.
                log.ForContext("ExitCode", signals.ExitCode).Error("Received {Signal}: window {Window} committed (its commit had started), the run stops here",
                    signals.Name, lastCommitted.ToString());
                return Summary.Finished(log, "run", signals.ExitCode, committed);
            }

            return Summary.Finished(log, "run", ExitCodes.Committed, committed);
        }
        catch (RunCancelledException e)
        {
            WarnAboutStaleWindows(settings, lastCommitted, log);
            Summary.NotCommitted(log, e.Window, signals.ExitCode, interrupted: true)
                .Error("Received {Signal}: window {Window} not committed, staging removed, lock released", signals.Name, e.Window.ToString());
            return Summary.Finished(log, "run", signals.ExitCode, committed);
        }
        catch (RunFailedException e)
        {
            WarnAboutStaleWindows(settings, lastCommitted, log);
            var code = ExitCodes.Of(e.Failure);
            Summary.NotCommitted(log, e.Window ?? Failing(), code).Error(verbose ? e : null, "{Failure}: {Message}", e.Failure, e.Message);
            return Summary.Finished(log, "run", code, committed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WarnAboutStaleWindows(settings, lastCommitted, log);

            // One line saying what and where (the message names the path); the stack trace only with --verbose.
            Summary.NotCommitted(log, Failing(), ExitCodes.Failure).Error(verbose ? e : null, "Run failed, nothing more was committed: {Message}", e.Message);
            return Summary.Finished(log, "run", ExitCodes.Failure, committed);
        }
    }
}
