using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Sessionizer.Cli.Logging;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Report;

namespace Sessionizer.Cli.Commands;

/// <summary><c>sessionizer report</c>: one self-contained HTML page on the committed windows of an output root (docs/reference.md §6.10).</summary>
internal static class ReportCommand
{
    public const string DefaultFile = "sessionizer-report.html";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var root = CliOptions.Directory("--output", "Output root to report on.", required: true, mustExist: true);
        var window = CliOptions.Window("--window", "Report on this window only.");
        var from = CliOptions.Window("--from", "First window of the range (default: the first committed, or the first of the last 10,000 hours when the committed windows span more).");
        var to = CliOptions.Window("--to", "Last window of the range (default: the last committed).");
        var file = new Option<string>("--out")
        {
            Description = $"The HTML file to write (replaced if it exists), or - for standard output. [default: {DefaultFile}]",
            HelpName = "file",
        };
        file.Validators.Add(result =>
        {
            var path = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (path is null or "-")
            {
                return;
            }

            if (Directory.Exists(path))
            {
                result.AddError($"--out {path} is a folder; give a file name.");
            }
            else if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
            {
                result.AddError($"--out {path}: the folder {folder} does not exist.");
            }
        });
        var top = CliOptions.Positive("--top", "Values kept in each top list (sites, browsers, entry and exit pages).", 10);
        var parallelism = CliOptions.Positive("--parallelism", "Windows read at once; the default is the number of cores.", Environment.ProcessorCount);
        var logFormat = CliOptions.LogFormat();

        var command = new Command("report", "Write one self-contained HTML page on committed windows: counts, rejected lines, sessions, lineage and parameters.")
        {
            root, window, from, to, file, top, parallelism, logFormat,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(window) is not null && (result.GetResult(from) is not null || result.GetResult(to) is not null))
            {
                result.AddError("Give either --window or --from/--to, not both.");
            }

            CliOptions.RequireOrder(result, from, to);
        });
        command.SetAction(parse =>
        {
            var log = Logs.Create(parse.GetValue(logFormat), error);
            var clock = Stopwatch.StartNew();
            var single = parse.GetValue(window);
            var settings = new ReportSettings
            {
                From = single ?? parse.GetValue(from),
                To = single ?? parse.GetValue(to),
                Top = parse.GetValue(top),
                Parallelism = parse.GetValue(parallelism),
            };
            RangeReport report;
            try
            {
                report = ReportBuilder.Build(new OutputLayout(parse.GetValue(root)!), settings);
            }
            catch (ReportRangeException e)
            {
                log.ForContext("ExitCode", ExitCodes.Usage).Error("sessionizer: {Reason}", e.Message);
                return ExitCodes.Usage;
            }

            if (report.Cut is { } cut)
            {
                log.Information(
                    "No range given: the committed windows go from {FirstCommitted} to {LastCommitted}, {Hours} hours, more than a page shows; the report covers the last {Shown} hours, from {From}, without the {WindowsLeftOut} committed windows before it; give --from and --to for another range",
                    cut.FirstCommitted.ToString(), report.Windows[^1].Window.ToString(), cut.Hours, report.Windows.Count, report.Windows[0].Window.ToString(), cut.WindowsLeftOut);
            }

            foreach (var w in report.Windows)
            {
                foreach (var problem in w.Problems)
                {
                    log.Warning("Window {Window}: {Problem}", w.Window.ToString(), problem);
                }
            }

            var html = ReportPage.Render(report);
            var target = parse.GetValue(file) ?? DefaultFile;
            if (target == "-")
            {
                output.Write(html);
            }
            else
            {
                try
                {
                    Write(target, html);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    log.ForContext("ExitCode", ExitCodes.Failure).Error("Cannot write the report to {File}: {Message}", target, e.Message);
                    return ExitCodes.Failure;
                }
            }

            var withManifest = report.Windows.Count(w => w.Manifest is not null);
            // Its last line holds the exit code, as run's and follow's do (docs/reference.md §6.8).
            log.ForContext("ExitCode", ExitCodes.Committed).Information(
                "Report of {Windows} windows ({WithManifest} with a manifest, {NotCurrent} not current, {Missing} without a manifest, {Problems} with unreadable closed sessions) written to {File} in {ElapsedSeconds:0.000}s",
                report.Windows.Count, withManifest, report.Windows.Count(w => w.State != WindowState.Committed && w.Manifest is not null),
                report.Windows.Count - withManifest, report.Windows.Count(w => w.Manifest is not null && !w.SessionsRead),
                target == "-" ? "standard output" : Path.GetFullPath(target), clock.Elapsed.TotalSeconds);
            return ExitCodes.Committed;
        });
        return command;
    }

    /// <summary>Writes under a hidden temporary name in the same folder, then renames: a reader sees the old page or the new one.</summary>
    private static void Write(string path, string html)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
