using System.Collections.Concurrent;
using System.Globalization;
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
        // A range given in full is judged before anything is read.
        if (settings.From is not null && settings.To is not null)
        {
            _ = Range([], settings);
        }

        // Manifests and lineage of the whole root; each window's input folder is compared with its
        // manifest afterwards, for the windows of the page only (a root's worth of folders otherwise).
        var lineage = LineageScanner.Scan(layout, settings.From, settings.To, checkInput: false);
        var range = Range(lineage.Windows, settings);
        var windows = new List<WindowReport>();
        if (range is { } r)
        {
            var statuses = lineage.Windows.Where(s => s.Window >= r.First && s.Window <= r.Last)
                .Select(s => settings.CheckInput ? LineageScanner.WithInputChecked(s) : s)
                .ToList();
            windows = Windows(statuses, r.First, r.Last);
        }

        var sessions = new SessionStats();
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
                    lock (sessions)
                    {
                        sessions.Merge(stats);
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
            Cut = range?.Cut,
            Sessions = sessions.Summarize(settings.Top),
            Top = settings.Top,
            UncheckedInputRoots = notChecked,
            Generated = DateTimeOffset.UtcNow,
            Version = ProductVersion.Current,
        };
    }

    /// <summary>
    /// The first and last window of the page: the range given, its missing ends the first and last
    /// committed windows; null when there is none. With no range given, committed windows that span
    /// more than <see cref="MaxWindows"/> hours are cut to the last <see cref="MaxWindows"/>; a range
    /// given (in full or one end) of more hours is refused, saying what to give.
    /// </summary>
    private static (Window First, Window Last, RangeCut? Cut)? Range(IReadOnlyList<WindowStatus> committed, ReportSettings settings)
    {
        if (committed.Count == 0 && (settings.From is null || settings.To is null))
        {
            return null;
        }

        var first = settings.From ?? committed[0].Window;
        var last = settings.To ?? committed[^1].Window;
        var hours = Window.Count(first, last);
        if (hours <= MaxWindows)
        {
            return (first, last, null);
        }

        // Window.Count(first, last) > MaxWindows: both shifts stay between first and last.
        var lastShown = Window.FromStart(first.Start.AddHours(MaxWindows - 1));
        var firstShown = Window.FromStart(last.Start.AddHours(-(MaxWindows - 1)));
        var tooMany = string.Create(CultureInfo.InvariantCulture, $"{hours:N0} hours, more than {MaxWindows:N0}, the most one page shows (a row per hour)");
        if (settings.From is null && settings.To is null)
        {
            return (firstShown, last, new RangeCut(first, hours, committed.Count(s => s.Window < firstShown)));
        }

        throw new ReportRangeException((settings.From, settings.To) switch
        {
            (not null, not null) => $"--from {first} --to {last} is {tooMany}: give a shorter range, e.g. --from {first} --to {lastShown}, or --from {firstShown} --to {last}.",
            (not null, null) => $"--from {first} to the last committed window, {last}, is {tooMany}: give --to as well, {lastShown} at the latest.",
            _ => $"The first committed window, {first}, to --to {last} is {tooMany}: give --from as well, {firstShown} at the earliest.",
        });
    }

    /// <summary>Every window from <paramref name="first"/> to <paramref name="last"/>: those with a manifest from the lineage, the others as gaps or not committed.</summary>
    private static List<WindowReport> Windows(List<WindowStatus> statuses, Window first, Window last)
    {
        var known = statuses.ToDictionary(w => w.Window);
        var list = new List<WindowReport>();
        var firstCommitted = statuses.Count > 0 ? statuses[0].Window : (Window?)null;
        var lastCommitted = statuses.Count > 0 ? statuses[^1].Window : (Window?)null;
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

/// <summary>The range given (both ends, or one and the committed windows) holds more than <see cref="ReportBuilder.MaxWindows"/> hours.</summary>
public sealed class ReportRangeException(string message) : Exception(message);
