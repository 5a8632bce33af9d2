using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Commit;
using Sessionizer.Engine.Partitioning;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Input;

/// <summary>
/// Reads and validates a window's input on all cores: files, and large plain files in byte ranges
/// split at line ends (<see cref="InputSplit"/>). Each thread has its own parser and visit list, so
/// threads share nothing but the vocabulary; line numbers of rejected lines are made file-wide once
/// every split has counted its lines.
/// </summary>
internal static class InputReader
{
    /// <param name="progress">Told the bytes and valid events read, about once per mebibyte read by each thread (<see cref="ReadProgress"/>).</param>
    public static WindowInput Read(IReadOnlyList<InputFile> files, Vocabulary vocabulary, Window window, int parallelism,
        long splitBytes = InputSplit.TargetBytes, CancellationToken cancel = default, IProgress<WindowProgress>? progress = null)
    {
        CommitSteps.Reached("reading");
        cancel.ThrowIfCancellationRequested();
        var splits = InputSplit.Of(files, splitBytes);
        var reading = progress is null ? null : new ReadProgress(window, WindowProgress.TotalBytesOf(files), progress);
        reading?.Start();
        var results = new SplitResult?[splits.Count];
        var failures = new RunFailedException?[splits.Count];
        var readers = new ConcurrentBag<Reader>();
        var largestFirst = Enumerable.Range(0, splits.Count).OrderByDescending(i => splits[i].Length).ThenBy(i => i).ToList();
        Parallel.ForEach(
            Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering),
            // Cancellation is checked before each split, not per line: the line loop is the hot path.
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancel },
            () => new Reader(new VisitParser(vocabulary), window, reading),
            (i, _, reader) =>
            {
                try
                {
                    results[i] = reader.Read(splits[i]);
                }
                catch (RunFailedException e)
                {
                    // Rethrown below as itself: out of Parallel.ForEach it would come wrapped in an AggregateException.
                    failures[i] = e;
                }

                return reader;
            },
            readers.Add);

        // The first failed file in path order, whichever thread failed first.
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        var counts = new InputCounts();
        var rejected = new List<RejectedRecord>();
        long linesBefore = 0;
        for (var i = 0; i < splits.Count; i++)
        {
            var result = results[i]!;
            linesBefore = splits[i].Part == 0 ? 0 : linesBefore;
            counts.Add(result.Counts);
            var offset = linesBefore;
            rejected.AddRange(offset == 0 ? result.Rejected : result.Rejected.Select(r => r with { Line = r.Line + offset }));
            linesBefore += result.Lines;
        }

        var ordered = readers.OrderByDescending(r => r.Visits.Count).ToList();
        return new WindowInput(ordered.Select(r => r.Visits).ToList(),
            ordered.SelectMany(r => r.SampledUsers).ToList(), rejected, counts);
    }

    /// <summary>What one split yielded besides its visits.</summary>
    private sealed class SplitResult
    {
        public List<RejectedRecord> Rejected { get; } = [];

        public InputCounts Counts { get; } = new();

        /// <summary>Lines that start in the split, blank ones included: the offset of the next split's line numbers.</summary>
        public long Lines { get; set; }
    }

    /// <summary>One thread's reader: its parser, its buffer, and the visits it has read so far.</summary>
    private sealed class Reader(VisitParser parser, Window window, ReadProgress? progress)
    {
        private readonly byte[] _buffer = new byte[LineReader.BufferSize];

        // Counts the bytes read, when progress is reported: per read from disk, never per line.
        private SplitMeter? _meter;

        public VisitBlocks Visits { get; } = new();

        public List<long> SampledUsers { get; } = [];

        public SplitResult Read(InputSplit split)
        {
            var result = new SplitResult();
            var file = split.File;
            try
            {
                if (progress is not null)
                {
                    _meter ??= new SplitMeter(progress, () => Visits.Count);
                    _meter.Begin(split);
                }

                using var stream = Open(split, _meter?.OnRead);
                var lines = new LineReader(stream, _buffer);
                var first = 1L;
                if (split.Start == 0)
                {
                    lines.SkipByteOrderMark();
                }
                else
                {
                    // The stream starts one byte early: skip the end of the line the previous split reads.
                    lines.TryReadLine(out _, out _);
                    first = 2;
                }

                // The first split takes the file's first line whatever its size: that line starts at
                // byte 0 even when a byte order mark makes the reader see it start at byte 3.
                var limit = split.Start > 0 ? split.End - split.Start + 1 : split.End;
                while (lines.TryReadLine(out var line, out var tooLong) && (lines.LineStart < limit || (split.Start == 0 && lines.LineNumber == 1)))
                {
                    var number = lines.LineNumber - first + 1;
                    result.Lines = number;
                    if (tooLong)
                    {
                        Reject(result, file, number, RejectionReason.LineTooLong, line);
                        continue;
                    }

                    switch (parser.Parse(line, out var visit, out var reason))
                    {
                        case LineKind.Visit:
                            Visits.Add(visit);
                            if (UserRanges.IsSampled(visit.UserId, visit.EventTimeMs))
                            {
                                SampledUsers.Add(visit.UserId);
                            }

                            result.Counts.CountValid(visit.EventTimeMs < window.StartMs, visit.EventTimeMs >= window.EndMs);
                            break;
                        case LineKind.Blank:
                            result.Counts.CountBlank();
                            break;
                        default:
                            Reject(result, file, number, reason, line);
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // An unreadable file (e.g. a truncated gzip) fails the run: skipping it would lose events silently.
                throw new RunFailedException(RunFailure.Failed, $"Cannot read input file {file.RelativePath}: {e.Message}", e);
            }

            _meter?.End();
            return result;
        }

        private static Stream Open(InputSplit split, Action<int>? onRead)
        {
            // A split after the first starts one byte early, to see whether a line starts at its start.
            return split.Start == 0 ? split.File.Open(onRead) : split.File.OpenAt(split.Start - 1, onRead);
        }

        private static void Reject(SplitResult result, InputFile file, long line, RejectionReason reason, ReadOnlySpan<byte> raw)
        {
            result.Counts.CountRejected(reason);
            result.Rejected.Add(new RejectedRecord(file.RelativePath, line, reason, RejectedRecord.CutRaw(raw)));
        }
    }
}
