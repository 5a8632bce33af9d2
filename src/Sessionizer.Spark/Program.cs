using System.CommandLine;
using System.Globalization;
using Microsoft.Spark.Sql;
using Serilog;
using Serilog.Events;
using Serilog.Sinks.SystemConsole.Themes;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;
using Sessionizer.Spark;

// sessionizer-spark run --window H | --from H --to H --input ROOT --output ROOT [options], launched by
// spark-submit --class org.apache.spark.deploy.dotnet.DotnetRunner microsoft-spark-<v>.jar sessionizer-spark run ...
// Exit codes as sessionizer's (docs/reference.md §6.6): 0 committed, 1 failure, 2 usage, 3 input not ready, 4 quality gate
// (5, locked, does not occur: this runner takes no lock).
var window = WindowOption("--window", "The hourly window to run (UTC).");
var from = WindowOption("--from", "First window of a range to run in order.");
var to = WindowOption("--to", "Last window of the range (inclusive).");
var input = new Option<string>("--input") { Description = "Input root (a Hadoop path: hdfs://, s3a://, abfss://, or local): logs under ROOT/yyyy/MM/dd/HH/.", Required = true };
var output = new Option<string>("--output") { Description = "Output root (a Hadoop path): active-sessions/, closed-sessions/, rejected/, manifests/.", Required = true };
var noPreviousState = new Option<bool>("--no-previous-state") { Description = "The (first) window starts without previous state." };
var previousState = new Option<string>("--previous-state") { Description = "Read the (first) window's previous active sessions from this folder (a Hadoop path)." };
var allowMissingInput = new Option<bool>("--allow-missing-input") { Description = "Run a window whose input folder is missing with no new events, instead of exiting 3." };
var timeout = DurationOption("--inactivity-timeout", "A gap longer than this splits sessions.", SessionRules.DefaultInactivityTimeout);
var maxDuration = DurationOption("--max-session-duration", "A session that has lasted this long is closed at the end of the window.", SessionRules.DefaultMaxSessionDuration);
var closingPages = new Option<string[]>("--closing-page") { Description = "A page whose visit closes the session (repeatable).", Arity = ArgumentArity.ZeroOrMore };
var maxRejected = new Option<double>("--max-rejected-fraction")
{
    Description = "Fail (exit 4, commit nothing) when more than this fraction of the input lines is rejected.",
    DefaultValueFactory = _ => 0.01,
    CustomParser = result =>
    {
        if (double.TryParse(result.Tokens.Count == 1 ? result.Tokens[0].Value : null, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1)
        {
            return value;
        }

        result.AddError("--max-rejected-fraction must be a number from 0 to 1.");
        return 0;
    },
};
var verbose = new Option<bool>("--verbose") { Description = "Also log debug details." };

var run = new Command("run", "Sessionize one hourly window (--window) or a range (--from, --to) with Spark and commit the outputs.")
{
    window, from, to, input, output, noPreviousState, previousState, allowMissingInput, timeout, maxDuration, closingPages, maxRejected, verbose,
};
run.Validators.Add(result =>
{
    var hasWindow = result.GetResult(window) is not null;
    var (hasFrom, hasTo) = (result.GetResult(from) is not null, result.GetResult(to) is not null);
    if (hasWindow == (hasFrom || hasTo))
    {
        result.AddError("Give either --window, or --from and --to.");
    }
    else if (hasFrom != hasTo)
    {
        result.AddError("--from and --to go together.");
    }
    else if (hasFrom && result.GetValue(to) is { } last && result.GetValue(from) is { } first && last < first)
    {
        result.AddError($"--to {last} is before --from {first}.");
    }

    if (result.GetResult(previousState) is not null && result.GetValue(noPreviousState))
    {
        result.AddError("--previous-state and --no-previous-state exclude each other.");
    }
});

var parse = new RootCommand("sessionizer-spark: Sessionizer's SQL plan run by Spark (launched by spark-submit).") { run }.Parse(args);
if (parse.Errors.Count > 0 || parse.CommandResult.Command != run)
{
    Console.Error.WriteLine($"sessionizer-spark: {(parse.Errors.Count > 0 ? parse.Errors[0].Message : "give the command: run")}");
    Console.Error.WriteLine("Usage: sessionizer-spark run --window H | --from H --to H --input ROOT --output ROOT [options]");
    return 2;
}

// Log lines on standard error (the driver's log under spark-submit), uncoloured whatever the terminal.
var log = new LoggerConfiguration().MinimumLevel.Is(parse.GetValue(verbose) ? LogEventLevel.Debug : LogEventLevel.Information)
    .WriteTo.Console(outputTemplate: "{UtcTimestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {Level} {Message}{NewLine}{Exception}",
        formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose, theme: ConsoleTheme.None)
    .CreateLogger();
try
{
    var spark = SparkSession.Builder().AppName("sessionizer")
        .Config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .GetOrCreate();
    SparkSettings.Pin(spark);
    var files = new HadoopFiles(spark);
    var settings = new RunSettings
    {
        InputRoot = files.Qualify(parse.GetValue(input)!),
        OutputRoot = files.Qualify(parse.GetValue(output)!),
        Rules = new SessionRules(parse.GetValue(timeout) ?? SessionRules.DefaultInactivityTimeout,
            parse.GetValue(maxDuration) ?? SessionRules.DefaultMaxSessionDuration, parse.GetValue(closingPages)),
        AllowMissingInput = parse.GetValue(allowMissingInput),
        MaxRejectedFraction = parse.GetValue(maxRejected),
        NoPreviousState = parse.GetValue(noPreviousState),
        PreviousStateDirectory = parse.GetValue(previousState) is { } state ? files.Qualify(state) : null,
        // Spark's gzip (Hadoop's GzipCodec) compresses at zlib's default level, which .NET calls Optimal.
        CompressionLevel = System.IO.Compression.CompressionLevel.Optimal,
        Engine = "spark",
    };
    // The local engine's rule (docs/reference.md §6.2), on the qualified URIs: refused only when a run
    // would read what a run wrote; output beside, inside or equal to the input root is fine.
    if (RootOverlap.ExplainResolved(settings.InputRoot, settings.OutputRoot) is { } overlap)
    {
        Console.Error.WriteLine($"sessionizer-spark: {overlap}");
        return 2;
    }

    // Spark reads the state parts and its written parts back by path: a root Spark takes for a glob
    // pattern would fail late, after the window's parts are written.
    foreach (var (option, root) in new[] { ("--input", settings.InputRoot), ("--output", settings.OutputRoot), ("--previous-state", settings.PreviousStateDirectory) })
    {
        if (root is not null && HadoopPaths.IsGlobForSpark(root))
        {
            Console.Error.WriteLine($"sessionizer-spark: {option} {root} holds one of {{}}[]*?\\, which Spark reads as a pattern of other paths; rename it.");
            return 2;
        }
    }

    var firstWindow = parse.GetValue(window) ?? parse.GetValue(from)!.Value;
    var lastWindow = parse.GetValue(window) ?? parse.GetValue(to)!.Value;
    log.Information("Running windows {From}..{To} on Spark {Version}: input {Input}, output {Output}, {Rules}",
        firstWindow, lastWindow, spark.Version(), settings.InputRoot, settings.OutputRoot, settings.Rules.Describe());
    new SparkWindowRunner(spark, files, settings, log).RunRange(firstWindow, lastWindow, outcome =>
        log.Information("Window {Window} committed: {Lines} lines, {Rejected} rejected, {Active} active and {Closed} closed sessions ({Seconds:0.0}s)",
            outcome.Window.ToString(), outcome.Manifest.Counts.InputLines, outcome.Manifest.Counts.Rejected,
            outcome.Manifest.Counts.ActiveSessions, outcome.Manifest.Counts.ClosedSessions, outcome.Elapsed.TotalSeconds));
    return 0;
}
catch (RunFailedException e)
{
    log.Error(parse.GetValue(verbose) ? e : null, "{Failure}: {Message}", e.Failure, e.Message);
    return e.Failure switch
    {
        RunFailure.InputNotReady => 3,
        RunFailure.QualityGate => 4,
        RunFailure.Locked => 5,
        _ => 1,
    };
}
#pragma warning disable CA1031 // Spark's errors (a FAILFAST state line, an unreadable file) come as plain exceptions from the JVM bridge: exit 1.
catch (Exception e)
#pragma warning restore CA1031
{
    log.Error(e, "Failed: {Message}", e.Message);
    return 1;
}

static Option<Window?> WindowOption(string name, string description) => new(name)
{
    Description = description,
    HelpName = "yyyy-MM-ddTHH",
    CustomParser = result =>
    {
        if (Window.TryParse(result.Tokens.Count == 1 ? result.Tokens[0].Value : null, out var parsed))
        {
            return parsed;
        }

        result.AddError($"{name} must be an hour, yyyy-MM-ddTHH (UTC).");
        return null;
    },
};

static Option<TimeSpan?> DurationOption(string name, string description, TimeSpan defaultValue) => new(name)
{
    Description = $"{description} [default: {Duration.Format(defaultValue)}]",
    HelpName = "duration",
    CustomParser = result =>
    {
        if (Duration.TryParse(result.Tokens.Count == 1 ? result.Tokens[0].Value : null, out var parsed) && parsed > TimeSpan.Zero)
        {
            return parsed;
        }

        result.AddError($"{name} must be a positive duration, e.g. 30m or 1h.");
        return null;
    },
};

namespace Sessionizer.Spark
{
    /// <summary>The session settings the plan depends on, pinned whatever the cluster's defaults.</summary>
    internal static class SparkSettings
    {
        /// <summary>Each setting and its value, in the order they are set.</summary>
        public static IReadOnlyList<(string Key, string Value)> Pinned { get; } =
        [
            ("spark.sql.session.timeZone", "UTC"),
            // Text from users (closing pages, file names) is in the SQL: "${...}" in it must stay text.
            ("spark.sql.variable.substitute", "false"),
            // SparkDialect.Literal escapes backslashes and quotes for Spark's default parser; with escaped
            // string literals on, '\\z' would keep both backslashes and 'it\'s' its backslash.
            ("spark.sql.parser.escapedStringLiterals", "false"),
            ("spark.sql.ansi.enabled", "true"),
            ("spark.sql.legacy.timeParserPolicy", "CORRECTED"),
            // A damaged or vanished input file fails the run rather than being skipped.
            ("spark.sql.files.ignoreCorruptFiles", "false"),
            ("spark.sql.files.ignoreMissingFiles", "false"),
            // Each output is written as one part file: no cap on the records of a file.
            ("spark.sql.files.maxRecordsPerFile", "0"),
            // Records are built as text (no JSON writer), so spark.sql.jsonGenerator.ignoreNullFields does not matter.
        ];

        public static void Pin(SparkSession spark)
        {
            var conf = spark.Conf();
            foreach (var (key, value) in Pinned)
            {
                conf.Set(key, value);
            }
        }
    }
}
