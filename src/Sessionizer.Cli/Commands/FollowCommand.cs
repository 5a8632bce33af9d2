using System.CommandLine;
using Serilog;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Follow;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Commands;

/// <summary>
/// <c>sessionizer follow</c>: runs windows in order, each once it is ready, for as long as it lives
/// (docs/reference.md §5.10, §6.7). Each window goes through <c>run</c>'s code path and commit.
/// </summary>
internal static class FollowCommand
{
    public static Command Create(TextWriter error)
    {
        var from = CliOptions.Window("--from", "The first window, when nothing is committed yet; with committed windows follow resumes after the last one, and --from must be that window.");
        var until = CliOptions.Window("--until", "Stop once this window is committed (a bounded catch-up, tests); by default follow runs until signalled.");
        var readyMarker = new Option<string>("--ready-marker")
        {
            Description = "A window is ready when its input folder holds this file, e.g. _SUCCESS; without it, when the clock passes the window's end plus --allowed-lateness.",
            HelpName = "name",
        };
        readyMarker.Validators.Add(result =>
        {
            var name = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
            {
                result.AddError($"--ready-marker: '{name}' is not a file name; give a name such as _SUCCESS, without a folder.");
            }
        });
        var lateness = CliOptions.Duration("--allowed-lateness", "Without --ready-marker, a window is ready this long after its end; with one, a window whose input folder is still missing then follows --allow-missing-input.",
            FollowSettings.DefaultAllowedLateness);
        var poll = CliOptions.Duration("--poll-interval", "How often a window that is not ready (or is locked) is checked again.", FollowSettings.DefaultPollInterval);
        var reprocessLate = new Option<bool>("--reprocess-late")
        {
            Description = "Rerun committed windows whose input changed since their commit (late data), and the windows that become stale, in order, before the next window; without it, follow only warns.",
        };
        var lookback = CliOptions.Positive("--late-window-lookback", "How many committed windows (the last one and those before it) are checked for late data at each poll.",
            FollowSettings.DefaultLateWindowLookback);
        var metricsFile = new Option<string>("--metrics-file")
        {
            Description = "After each window, replace this file (atomically) with the last window's metrics in Prometheus text format, e.g. for node_exporter's textfile collector.",
            HelpName = "path",
        };
        metricsFile.Validators.Add(result =>
        {
            var path = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (string.IsNullOrWhiteSpace(path) || Directory.Exists(path) || folder is null || !Directory.Exists(folder))
            {
                result.AddError($"--metrics-file: '{path}' is not a file path in an existing folder.");
            }
        });
        var job = new JobOptions();

        var command = new Command("follow", "Run windows in order, each once it is ready, for as long as the process lives; resumes after the last committed window.")
        {
            from, until, readyMarker, lateness, poll, reprocessLate, lookback, metricsFile,
        };
        foreach (var option in job.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            CliOptions.RequireOrder(result, from, until);
            job.Validate(result);
        });

        command.SetAction(parse =>
        {
            var follow = new FollowSettings
            {
                From = parse.GetValue(from),
                Until = parse.GetValue(until),
                ReadyMarker = parse.GetValue(readyMarker),
                AllowedLateness = parse.GetValue(lateness) ?? FollowSettings.DefaultAllowedLateness,
                PollInterval = parse.GetValue(poll) ?? FollowSettings.DefaultPollInterval,
                ReprocessLate = parse.GetValue(reprocessLate),
                LateWindowLookback = parse.GetValue(lookback),
            };
            using var progress = job.Progress(parse, error);
            return Execute(job.Settings(parse, progress), follow, parse.GetValue(metricsFile), job.Log(parse, error, progress), job.Verbose(parse));
        });
        return command;
    }

    /// <summary>Logs a committed window and, for the next window (not a rerun), writes the metrics file.</summary>
    private static void Committed(FollowedWindow window, string? metricsFile, ILogger log)
    {
        Summary.Log(log, window.Outcome, window.Lag);
        if (metricsFile is null || window.Reprocessed)
        {
            return;
        }

        try
        {
            FollowMetrics.Write(metricsFile, window);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The window is committed: a metrics file that cannot be written does not stop follow.
            log.Warning("Cannot write the metrics file {MetricsFile}: {Message}", metricsFile, e.Message);
        }
    }

    private static int Execute(RunSettings settings, FollowSettings follow, string? metricsFile, ILogger log, bool verbose)
    {
        using var signals = new Signals();
        var readiness = follow.ReadyMarker is { } marker
            ? $"a window is ready when its input folder holds {marker}"
            : $"a window is ready {Duration.Format(follow.AllowedLateness)} after its end";
        log.Information("Following windows on the {Engine} engine: input {Input}, output {Output}, {Readiness}, checked every {PollInterval}; {Rules}",
            settings.Engine, settings.InputRoot, settings.OutputRoot, readiness, Duration.Format(follow.PollInterval), settings.Rules.Describe());
        var committed = 0;
        try
        {
            var runner = new WindowRunner(settings, log, JobOptions.Engine(settings, log));
            var result = new WindowFollower(settings, follow, log, runner)
                .RunAsync(w =>
                {
                    committed++;
                    Committed(w, metricsFile, log);
                }, signals.Token).GetAwaiter().GetResult();
            switch (result.Stop)
            {
                case FollowStop.Until:
                    log.Information("Window {Until} is committed (--until): follow stops; a restart resumes at window {Next}",
                        follow.Until.ToString(), result.ResumesAt.ToString());
                    break;
                case FollowStop.LastWindow:
                    log.Information("Window {Last} is committed, the last window the job can run: follow stops", Window.Last.ToString());
                    break;
                case FollowStop.CancelledRunning:
                    Summary.NotCommitted(log, result.ResumesAt, ExitCodes.Committed, interrupted: true).Information(
                        "Received {Signal}: window {Window} not committed, staging removed, lock released; follow stops, a restart resumes at window {Window}",
                        signals.Name, result.ResumesAt.ToString(), result.ResumesAt.ToString());
                    break;
                default:
                    log.Information("Received {Signal}: follow stops before window {Window}, nothing in progress; a restart resumes at window {Window}",
                        signals.Name, result.ResumesAt.ToString(), result.ResumesAt.ToString());
                    break;
            }

            return Summary.Finished(log, "follow", ExitCodes.Committed, committed);
        }
        catch (FollowRefusedException e)
        {
            log.ForContext("ExitCode", ExitCodes.Usage).Error("follow cannot start: {Message}", e.Message);
            return Summary.Finished(log, "follow", ExitCodes.Usage, committed);
        }
        catch (RunFailedException e)
        {
            var code = ExitCodes.Of(e.Failure);
            Summary.NotCommitted(log, e.Window, code).Error(verbose ? e : null, "{Failure}: {Message}", e.Failure, e.Message);
            return Summary.Finished(log, "follow", code, committed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Summary.NotCommitted(log, null, ExitCodes.Failure).Error(verbose ? e : null, "Follow failed: {Message}", e.Message);
            return Summary.Finished(log, "follow", ExitCodes.Failure, committed);
        }
    }
}
