using System.CommandLine;
using System.CommandLine.Parsing;
using Serilog;
using Sessionizer.Cli.Logging;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.DuckDb;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Cli.Commands;

/// <summary>
/// The options that say how windows are run, shared by <c>run</c> and <c>follow</c> (docs/reference.md §6.2),
/// with their checks, so both commands accept and refuse the same things and build the same <see cref="RunSettings"/>.
/// </summary>
internal sealed class JobOptions
{
    public const double DefaultMaxRejectedFraction = 0.01;

    private readonly Option<string> _input = CliOptions.Directory("--input", "Input root: visit logs under ROOT/yyyy/MM/dd/HH/.", required: true);
    private readonly Option<string> _output = CliOptions.Directory("--output", "Output root: active-sessions/, closed-sessions/, rejected/, manifests/.", required: true);
    private readonly Option<bool> _noPreviousState = new("--no-previous-state") { Description = "The (first) window starts without previous state." };
    private readonly Option<string> _previousState = CliOptions.Directory("--previous-state", "Read the (first) window's previous active sessions from this folder, e.g. the reference Spark job's open-sessions/yyyy/MM/dd/HH.", required: false);
    private readonly Option<bool> _allowMissingInput = new("--allow-missing-input") { Description = "Run a window whose input folder is missing with no new events, instead of exiting 3." };
    private readonly Option<TimeSpan?> _timeout = CliOptions.Duration("--inactivity-timeout", "A gap longer than this splits sessions.", SessionRules.DefaultInactivityTimeout);
    private readonly Option<TimeSpan?> _maxDuration = CliOptions.Duration("--max-session-duration", "A session that has lasted this long is closed at the end of the window.", SessionRules.DefaultMaxSessionDuration);
    private readonly Option<string[]> _closingPages = new("--closing-page") { Description = "A page whose visit closes the session (repeatable), e.g. logout.", HelpName = "page", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<double> _maxRejected = CliOptions.Fraction("--max-rejected-fraction", "Fail (exit 4, commit nothing) when more than this fraction of the input lines is rejected.", DefaultMaxRejectedFraction);
    private readonly Option<int> _parallelism = CliOptions.Positive("--parallelism", "Threads to use; the default is the number of cores.", Environment.ProcessorCount);
    private readonly Option<string> _compression = CliOptions.OneOf("--compression-level", "gzip level of closed sessions and rejected lines: fastest (default, chosen by measurement: see README), optimal, smallest, or none (stored, still gzip).",
        [.. CompressionLevelNames.All]);

    private readonly Option<string> _engine = CliOptions.OneOf("--engine",
        "local (one process, all cores), duckdb (the SQL plan of the Spark engine, run by DuckDB in this process), or spark (not in this build).",
        "local", "duckdb", "spark");

    private readonly Option<string> _logFormat = CliOptions.LogFormat();
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Also log debug details, such as the time of each phase of a window." };

    /// <summary>The options in the order help lists them.</summary>
    public IReadOnlyList<Option> All =>
    [
        _input, _output, _noPreviousState, _previousState, _allowMissingInput, _timeout, _maxDuration,
        _closingPages, _maxRejected, _parallelism, _compression, _engine, _logFormat, _verbose,
    ];

    /// <summary>The checks across options: roots that overlap, state options that exclude each other, an engine not in this build.</summary>
    public void Validate(CommandResult result)
    {
        if (result.GetResult(_input)?.Tokens.FirstOrDefault()?.Value is { } inputRoot
            && result.GetResult(_output)?.Tokens.FirstOrDefault()?.Value is { } outputRoot
            && RootOverlap.Explain(inputRoot, outputRoot) is { } overlap)
        {
            result.AddError(overlap);
        }

        if (result.GetResult(_previousState) is not null && result.GetValue(_noPreviousState))
        {
            result.AddError("--previous-state and --no-previous-state exclude each other.");
        }

        if (result.GetResult(_engine) is { Tokens: [{ Value: "spark" }] })
        {
            result.AddError("--engine spark is not available in this build yet; use --engine local or --engine duckdb.");
        }
    }

    public bool Verbose(ParseResult parse) => parse.GetValue(_verbose);

    /// <summary>The logger; <paramref name="progress"/>: the live progress line its lines clear first, if any.</summary>
    public ILogger Log(ParseResult parse, TextWriter error, ProgressLine? progress = null) =>
        Logs.Create(parse.GetValue(_logFormat), error, parse.GetValue(_verbose), progress);

    /// <summary>The live progress line: only for text logs on a terminal, else null (<see cref="ProgressLine.ForTerminal"/>).</summary>
    public ProgressLine? Progress(ParseResult parse, TextWriter error) => ProgressLine.ForTerminal(parse.GetValue(_logFormat), error);

    /// <param name="progress">Where each window's progress is reported, if anywhere.</param>
    public RunSettings Settings(ParseResult parse, IProgress<WindowProgress>? progress = null) => new()
    {
        InputRoot = parse.GetValue(_input)!,
        OutputRoot = parse.GetValue(_output)!,
        Rules = new SessionRules(parse.GetValue(_timeout) ?? SessionRules.DefaultInactivityTimeout,
            parse.GetValue(_maxDuration) ?? SessionRules.DefaultMaxSessionDuration, parse.GetValue(_closingPages)),
        AllowMissingInput = parse.GetValue(_allowMissingInput),
        MaxRejectedFraction = parse.GetValue(_maxRejected),
        NoPreviousState = parse.GetValue(_noPreviousState),
        PreviousStateDirectory = parse.GetValue(_previousState),
        Parallelism = parse.GetValue(_parallelism),
        CompressionLevel = CompressionLevelNames.LevelOf(parse.GetValue(_compression)!),
        Engine = parse.GetValue(_engine)!,
        Progress = progress,
    };

    /// <summary>The engine the settings name.</summary>
    public static WindowEngine Engine(RunSettings settings, ILogger log) =>
        settings.Engine == "duckdb" ? new DuckDbEngine(log) : new LocalEngine(log);
}
