using System.IO.Compression;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Partitioning;

namespace Sessionizer.Engine.Output;

/// <summary>
/// Sessionizes one user range (sort, deduplicate, split and close: docs/reference.md §3) and formats its records:
/// active sessions as JSON Lines, closed sessions as one gzip member. One per worker thread: its
/// buffers are reused from range to range.
/// </summary>
internal sealed class RangeSessionizer(SessionRules rules, Window window, CompressionLevel level, Vocabulary vocabulary) : IDisposable
{
    private readonly JsonLineBuffer _active = new(1 << 20);
    private readonly JsonLineBuffer _closed = new(1 << 20);
    private readonly GzipMember _gzip = new(level);
    private readonly VisitSorter _sorter = new();
    private Visit[] _visits = [];

    public RangeOutput Sessionize(VisitBlocks range)
    {
        var count = range.DrainInto(ref _visits);
        var visits = _visits.AsMemory(0, count);
        var kept = Sessionization.SortAndDeduplicate(visits.Span, vocabulary, _sorter);
        _active.Clear();
        _closed.Clear();
        long activeCount = 0, closedCount = 0;
        var byReason = RangeOutput.NewReasonCounts();
        Sessionization.Split(visits[..kept], vocabulary, rules, window, session =>
        {
            if (session.EndReason is { } reason)
            {
                ClosedSessionRecord.Write(_closed, session, window);
                closedCount++;
                byReason[(int)reason]++;
            }
            else
            {
                ActiveSessionRecord.Write(_active, session, rules);
                activeCount++;
            }
        });

        var closedGzip = _gzip.Compress(_closed.WrittenSpan);
        return new RangeOutput(RangeOutput.Rent(_active.WrittenSpan), _active.WrittenCount, activeCount,
            RangeOutput.Rent(closedGzip), closedGzip.Length, closedCount, byReason, count - kept);
    }

    public void Dispose()
    {
        _active.Dispose();
        _closed.Dispose();
    }
}
