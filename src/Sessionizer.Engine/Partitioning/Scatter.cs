namespace Sessionizer.Engine.Partitioning;

/// <summary>
/// Moves visits from the readers' lists into one list per user range, in parallel, handing each
/// source block, once emptied, to the ranges being filled (through a pool that lives as long as the call).
/// </summary>
internal static class Scatter
{
    public static VisitBlocks[] ByUserRange(List<VisitBlocks> sources, UserRanges ranges, int parallelism)
    {
        var pool = new VisitBlockPool();
        var targets = NewLists(ranges.Count, pool);

        if (ranges.Count == 1)
        {
            foreach (var source in sources)
            {
                targets[0].Take(source);
            }

            return targets;
        }

        var segments = sources.SelectMany(s => s.Segments()).ToList();
        foreach (var source in sources)
        {
            source.Clear(); // from here on only `segments` holds the blocks, and drops each once scattered
        }

        var gate = new Lock();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, segments.Count, Math.Max(1, segments.Count / (parallelism * 8))),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => NewLists(ranges.Count, pool),
            (range, _, local) =>
            {
                for (var s = range.Item1; s < range.Item2; s++)
                {
                    foreach (ref readonly var visit in segments[s].Span)
                    {
                        local[ranges.RangeOf(visit.UserId)].Add(visit);
                    }

                    if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(segments[s], out var block))
                    {
                        pool.Return(block.Array!); // reused for the ranges being filled
                    }

                    segments[s] = default;
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (var i = 0; i < targets.Length; i++)
                    {
                        targets[i].Take(local[i]);
                    }
                }
            });
        return targets;
    }

    private static VisitBlocks[] NewLists(int count, VisitBlockPool pool)
    {
        var lists = new VisitBlocks[count];
        for (var i = 0; i < count; i++)
        {
            lists[i] = new VisitBlocks(pool);
        }

        return lists;
    }
}
