using System.CommandLine;
using Serilog;
using Sessionizer.Cli.Logging;
using Sessionizer.Generation;

namespace Sessionizer.Cli.Commands;

/// <summary><c>sessionizer generate</c>: writes realistic visit logs for a range of hours, deterministic from a seed (docs/reference.md §6.4).</summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter error)
    {
        var output = CliOptions.Directory("--output", "Where to write: ROOT/yyyy/MM/dd/HH/part-NNNNN.json[.gz], the layout run --input reads.", required: true);
        var start = CliOptions.Window("--start", "The first hour to generate (UTC).");
        start.Required = true;
        var hours = CliOptions.Positive("--hours", "How many consecutive hours to generate.", 1);
        var visits = CliOptions.Positive("--visits", "Visits in progress at any time; each lasts 120-600 s with an event every 1-10 s (about 0.18 events per second per visit).", 10_000);
        var seed = GenerateOptions.Seed();
        var gzip = new Option<bool>("--gzip") { Description = "Write gzip-compressed .json.gz files." };
        var filesPerHour = CliOptions.Positive("--files-per-hour", "Part files per hour folder.", 4);
        var events = GenerateOptions.Events();
        var anomalies = GenerateOptions.Anomalies();
        var lateFraction = CliOptions.Fraction("--late-fraction", "Fraction of events delivered late, into the next hour's folder (none in the last hour).", 0.01);
        var closingPageRate = CliOptions.Fraction("--closing-page-rate", "Chance that an event is the page 'logout', which ends its visit; pair with run --closing-page logout.", 0);
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the part files of hour folders that already hold files, instead of failing." };
        var parallelism = CliOptions.Positive("--parallelism", "Threads formatting and compressing; the default is the number of cores.", Environment.ProcessorCount);
        var logFormat = CliOptions.LogFormat();

        var command = new Command("generate", "Write simulated visit logs for a range of hours, e.g. to try the job at scale.")
        {
            output, start, hours, visits, seed, gzip, filesPerHour, events, anomalies, lateFraction, closingPageRate, overwrite, parallelism, logFormat,
        };

        command.Validators.Add(result =>
        {
            // From the tokens: GetValue throws on a value with errors (which are reported already).
            var hoursText = result.GetResult(hours)?.Tokens.FirstOrDefault()?.Value ?? "1";
            if (Core.Time.Window.TryParse(result.GetResult(start)?.Tokens.FirstOrDefault()?.Value, out var first) && first.IsRunnable
                && int.TryParse(hoursText, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0
                && count > Core.Time.Window.Count(first, Core.Time.Window.Last))
            {
                result.AddError($"--start {first} --hours {count} goes past {Core.Time.Window.Last}: {CliOptions.WindowRange}.");
            }
        });

        command.SetAction(parse =>
        {
            var log = Logs.Create(parse.GetValue(logFormat), error);
            var settings = new GenerationSettings
            {
                Start = parse.GetValue(start)!.Value,
                Hours = parse.GetValue(hours),
                Visits = parse.GetValue(visits),
                Seed = parse.GetValue(seed),
                FilesPerHour = parse.GetValue(filesPerHour),
                MaxEvents = parse.GetValue(events),
                Anomalies = parse.GetValue(anomalies)!,
                LateFraction = parse.GetValue(lateFraction),
                ClosingPageRate = parse.GetValue(closingPageRate),
            };
            var target = new GenerationOutput
            {
                Root = parse.GetValue(output)!,
                Gzip = parse.GetValue(gzip),
                Overwrite = parse.GetValue(overwrite),
                Parallelism = parse.GetValue(parallelism),
            };
            return Execute(settings, target, log);
        });
        return command;
    }

    private static int Execute(GenerationSettings settings, GenerationOutput output, ILogger log)
    {
        log.Information("Generating {Hours} hour(s) from {Start} into {Output}: {Visits} concurrent visits, seed {Seed}, anomalies {Anomalies}, " +
            "late fraction {LateFraction}, closing-page rate {ClosingPageRate}, {FilesPerHour} file(s) per hour{Gzip}",
            settings.Hours, settings.Start.ToString(), output.Root, settings.Visits, settings.Seed, settings.Anomalies.ToString(),
            settings.LateFraction, settings.ClosingPageRate, settings.FilesPerHour, output.Gzip ? ", gzip" : "");
        try
        {
            var result = LogGenerator.Generate(settings, output,
                (hour, lines) => log.Information("Hour {Hour} written: {Lines} lines", hour.ToString(), lines));
            var c = result.Counts;
            log.Information(
                "Generated {Lines} lines in {ElapsedSeconds:0.000}s ({LinesPerSecond:0} lines/s): {Malformed} malformed, {Missing} missing a field, " +
                "{Late} late, {ClosingPages} logout; {Visits} visits ({Incomplete} incomplete, {Inconsistent} inconsistent); {Hours} hour folder(s), {Files} files, {Bytes} bytes",
                c.Lines, result.Elapsed.TotalSeconds, result.LinesPerSecond, c.MalformedLines, c.MissingFieldLines, c.LateLines, c.ClosingPages,
                c.VisitsStarted, c.IncompleteVisits, c.InconsistentVisits, result.Hours, result.Files, result.Bytes);
            return ExitCodes.Committed;
        }
        catch (Exception e) when (IoFailure(e) is { } io)
        {
            // One line saying what and where (a full disk, a read-only file system), also when a writer thread met it.
            log.ForContext("ExitCode", ExitCodes.Failure).Error("Generation failed: {Message}", io.Message);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The I/O failure <paramref name="e"/> is, or the first of the parallel writers' when all of theirs are; else null.</summary>
    private static Exception? IoFailure(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException all when all.Flatten().InnerExceptions is { Count: > 0 } inner && inner.All(i => i is IOException or UnauthorizedAccessException) => inner[0],
        _ => null,
    };
}
