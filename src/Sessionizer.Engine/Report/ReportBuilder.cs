using System.Collections.Concurrent;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Lineage;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Report;

/// <summary>What to report on, and how.</summary>
public sealed record ReportSettings
{
    public Window? From { get; init; }

    public Window? To { get; init; }

    /// <summary>Values kept in each top list (sites, browsers, entry and exit pages).</summary>
    public int Top { get; init; } = 10;

    /// <summary>Windows read at once (each by one thread: decompression is the cost).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Compare each window's input folder with its manifest, as <c>status</c> does.</summary>
    public bool CheckInput { get; init; } = true;
}

/// <summary>
/// Builds the report of an output root: lineage from the manifests (as <c>status</c>, with
/// <see cref="LineageScanner"/>), then the closed-session parts of every window with a readable
/// manifest, read in parallel, one window per thread. Memory: one read buffer per thread (about the
/// longest line), fixed-size distributions, and a count per distinct site, browser, entry and exit
/// page (all of a window's while it is read, then its top values; all of the range's until the end).
/// </summary>
public static class ReportBuilder
{
    /// <summary>The most hours one page covers: every hour of the range is a row (docs/reference.md §6.10).</summary>
    public const int MaxWindows = 10_000;

    public static RangeReport Build(OutputLayout layout, ReportSettings settings, CancellationToken cancel = default)
    {
        var lineage = LineageScanner.Scan(layout, settings.From, settings.To, settings.CheckInput);
        var windows = Windows(lineage, settings);

        var range = new SessionStats();
        var read = new ConcurrentDictionary<Window, WindowReport>();
        var toRead = windows.Where(w => w.Manifest is not null).ToList();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(toRead, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancel },
            window =>
            {
                var (stats, problems) = ReadWindow(layout, window, cancel);
                SessionSummary? summary = null;
                if (stats is not null)
                {
                    lock (range)
                    {
                        range.Merge(stats);
                    }

                    summary = stats.Summarize(settings.Top);
                }

                read[window.Window] = window with { Sessions = summary, Problems = problems };
            });

        var notChecked = settings.CheckInput
            ? windows.Where(w => w.Manifest is not null && w.InputChanges is null).Select(w => w.Manifest!.Input.Root).Distinct(StringComparer.Ordinal).ToList()
            : [];
        return new RangeReport
        {
            OutputRoot = layout.Root,
            From = settings.From,
            To = settings.To,
            Windows = windows.Select(w => read.GetValueOrDefault(w.Window, w)).ToList(),
            Sessions = range.Summarize(settings.Top),
            Top = settings.Top,
            UncheckedInputRoots = notChecked,
            Generated = DateTimeOffset.UtcNow,
            Version = ProductVersion.Current,
        };
    }

    /// <summary>Every window from the first to the last of the range: those with a manifest from the lineage, the others as gaps or not committed.</summary>
    private static List<WindowReport> Windows(LineageReport lineage, ReportSettings settings)
    {
        var known = lineage.Windows.ToDictionary(w => w.Window);
        var list = new List<WindowReport>();
        if (known.Count == 0 && (settings.From is null || settings.To is null))
        {
            return list;
        }

        var first = settings.From ?? lineage.Windows[0].Window;
        var last = settings.To ?? lineage.Windows[^1].Window;
        var hours = Window.Count(first, last);
        if (hours > MaxWindows)
        {
            var committed = settings.From is null || settings.To is null
                ? $" (the committed windows go from {lineage.Windows[0].Window} to {lineage.Windows[^1].Window})"
                : "";
            throw new ReportRangeException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The report's range {first}..{last} holds {hours:N0} hours, more than {MaxWindows:N0}, the most one page shows (a row per hour): give --from and --to{committed}."));
        }

        var firstCommitted = lineage.Windows.Count > 0 ? lineage.Windows[0].Window : (Window?)null;
        var lastCommitted = lineage.Windows.Count > 0 ? lineage.Windows[^1].Window : (Window?)null;
        for (var w = first; w <= last; w = w.Next)
        {
            if (known.TryGetValue(w, out var status))
            {
                list.Add(new WindowReport(w, WindowStates.Of(status), status.Reason, status.Manifest) { InputChanges = status.InputChanges });
            }
            else
            {
                var between = w > firstCommitted && w < lastCommitted;
                list.Add(new WindowReport(w, between ? WindowState.Gap : WindowState.NotCommitted,
                    between ? "no manifest: not committed, between committed windows" : "no manifest: not committed", null));
            }

            if (w == Window.Last)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>Reads a window's closed-session parts, as its manifest lists them; null stats when one cannot be read.</summary>
    private static (SessionStats? Stats, List<string> Problems) ReadWindow(OutputLayout layout, WindowReport window, CancellationToken cancel)
    {
        var stats = new SessionStats();
        var problems = new List<string>();
        var prefix = OutputLayout.ClosedSessions + "/";
        var parts = window.Manifest!.Outputs.Where(o => o.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (parts.Count == 0)
        {
            problems.Add("its manifest lists no closed-sessions part");
            return (null, problems);
        }

        foreach (var part in parts)
        {
            var path = Path.Combine(layout.Root, part.Path);
            PartRead found;
            try
            {
                found = ClosedSessionReader.ReadPart(path, stats, cancel);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                problems.Add($"{part.Path} cannot be read: {e.Message}");
                return (null, problems);
            }

            if (part.Records is { } records && records != found.Records)
            {
                problems.Add($"{part.Path} holds {found.Records} records; its manifest says {records}");
            }

            if (found.Bytes != part.Bytes || (part.Sha256 is not null && part.Sha256 != found.Sha256))
            {
                problems.Add($"{part.Path} is not the file its manifest recorded ({found.Bytes} bytes, SHA-256 {found.Sha256[..12]}…; recorded {part.Bytes} bytes, {part.Sha256?[..Math.Min(12, part.Sha256.Length)]}…)");
            }
        }

        return (stats, problems);
    }
}

/// <summary>The range asked for, or that the committed windows span, holds more than <see cref="ReportBuilder.MaxWindows"/> hours.</summary>
public sealed class ReportRangeException(string message) : Exception(message);
