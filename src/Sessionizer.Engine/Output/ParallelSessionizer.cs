using System.IO.Compression;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Partitioning;

namespace Sessionizer.Engine.Output;

/// <summary>
/// Sessionizes a window's user ranges on several threads (a <see cref="RangeSessionizer"/> each) and
/// writes their records into the active- and closed-sessions parts, in user order.
/// </summary>
internal static class ParallelSessionizer
{
    /// <summary>
    /// Sessionizes the user ranges on <paramref name="parallelism"/> threads and appends their records
    /// to the part files in range order, i.e. in user order, whatever order the threads finish in.
    /// At most two ranges per thread are in flight, which bounds memory. <paramref name="cancel"/> is
    /// checked before each range is written.
    /// </summary>
    public static SessionOutputs SessionizeAndWrite(VisitBlocks[] ranges, Vocabulary vocabulary, SessionRules rules, Window window, string activeDirectory,
        string closedDirectory, CompressionLevel level, int parallelism, CancellationToken cancel = default)
    {
        using var active = PartFiles.OpenActive(activeDirectory, window);
        using var closed = PartFiles.OpenClosed(closedDirectory, window, level);
        var results = new RangeOutput?[ranges.Length];
        var failures = new Exception?[ranges.Length];
        // The writer blocks without spinning: on a small machine its spinning would slow the workers it waits for.
        var ready = Enumerable.Range(0, ranges.Length).Select(_ => new ManualResetEventSlim(false, spinCount: 1)).ToArray();
        using var inFlight = new SemaphoreSlim(2 * parallelism);
        using var stop = new CancellationTokenSource();
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(parallelism, ranges.Length)).Select(_ => Task.Factory.StartNew(() =>
        {
            using var sessionizer = new RangeSessionizer(rules, window, level, vocabulary);
            while (true)
            {
                // A slot is taken before an index, so the oldest unwritten ranges always have one: no deadlock.
                inFlight.Wait(stop.Token);
                var i = Interlocked.Increment(ref next);
                if (i >= ranges.Length)
                {
                    return;
                }

                try
                {
                    results[i] = sessionizer.Sessionize(ranges[i]);
                }
                catch (Exception e)
                {
                    failures[i] = e;
                }

                ranges[i] = null!; // drained: let the GC have it
                ready[i].Set();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        long activeCount = 0, closedCount = 0, duplicates = 0;
        var byReason = RangeOutput.NewReasonCounts();
        try
        {
            for (var i = 0; i < ranges.Length; i++)
            {
                cancel.ThrowIfCancellationRequested();
                ready[i].Wait();
                if (failures[i] is { } failure)
                {
                    throw new InvalidOperationException($"Sessionizing user range {i} failed: {failure.Message}", failure);
                }

                var result = results[i]!;
                results[i] = null;
                active.WriteRaw(result.Active.AsSpan(0, result.ActiveLength), result.ActiveSessions);
                closed.WriteRaw(result.ClosedGzip.AsSpan(0, result.ClosedGzipLength), result.ClosedSessions);
                result.Return();
                activeCount += result.ActiveSessions;
                closedCount += result.ClosedSessions;
                duplicates += result.Duplicates;
                for (var r = 0; r < byReason.Length; r++)
                {
                    byReason[r] += result.ClosedByReason[r];
                }

                inFlight.Release();
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                Task.WaitAll(workers);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                // Workers stopped waiting for a slot once the writer was done or failed.
            }

            foreach (var signal in ready)
            {
                signal.Dispose();
            }
        }

        return new SessionOutputs(active.Close(), closed.Close(), activeCount, closedCount, byReason, duplicates);
    }
}
