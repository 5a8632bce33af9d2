using System.Runtime.ExceptionServices;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Input;

/// <summary>Reads and validates a window's input files, several files at once.</summary>
public static class InputReader
{
    public static WindowInput Read(IReadOnlyList<InputFile> files, VisitParser parser, Window window, int parallelism)
    {
        var results = new FileResult[files.Count];
        var failures = new RunFailedException?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            try
            {
                results[i] = ReadFile(files[i], parser, window);
            }
            catch (RunFailedException e)
            {
                // Rethrown below as itself: out of Parallel.For it would come wrapped in an AggregateException.
                failures[i] = e;
            }
        });

        // The first failed file in path order, whichever thread failed first.
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        var counts = new InputCounts();
        var visits = new List<Visit>(results.Sum(r => r.Visits.Count));
        var rejected = new List<RejectedRecord>();
        foreach (var result in results)
        {
            counts.Add(result.Counts);
            visits.AddRange(result.Visits);
            rejected.AddRange(result.Rejected);
        }

        return new WindowInput(files, Missing: false, visits, rejected, counts);
    }

    private static FileResult ReadFile(InputFile file, VisitParser parser, Window window)
    {
        var result = new FileResult();
        try
        {
            using var stream = file.Open();
            var lines = new LineReader(stream);
            while (lines.TryReadLine(out var line, out var tooLong))
            {
                if (tooLong)
                {
                    Reject(result, file, lines.LineNumber, RejectionReason.LineTooLong, line);
                    continue;
                }

                switch (parser.Parse(line, out var visit, out var reason))
                {
                    case LineKind.Visit:
                        result.Visits.Add(visit);
                        result.Counts.CountValid(visit.EventTimeMs < window.StartMs, visit.EventTimeMs >= window.EndMs);
                        break;
                    case LineKind.Blank:
                        result.Counts.CountBlank();
                        break;
                    default:
                        Reject(result, file, lines.LineNumber, reason, line);
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // An unreadable file (e.g. a truncated gzip) fails the run: skipping it would lose events silently.
            throw new RunFailedException(RunFailure.Failed, $"Cannot read input file {file.RelativePath}: {e.Message}", e);
        }

        return result;
    }

    private static void Reject(FileResult result, InputFile file, long line, RejectionReason reason, ReadOnlySpan<byte> raw)
    {
        result.Counts.CountRejected(reason);
        result.Rejected.Add(new RejectedRecord(file.RelativePath, line, reason, RejectedRecord.CutRaw(raw)));
    }

    private sealed class FileResult
    {
        public List<Visit> Visits { get; } = [];

        public List<RejectedRecord> Rejected { get; } = [];

        public InputCounts Counts { get; } = new();
    }
}
