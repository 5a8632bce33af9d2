namespace Sessionizer.Engine.Partitioning;

/// <summary>Moves visits from the readers' lists into one list per user range, in parallel, releasing the source blocks as it goes.</summary>
internal static class Scatter
{
    public static VisitBlocks[] ByUserRange(List<VisitBlocks> sources, UserRanges ranges, int parallelism)
    {
        var targets = new VisitBlocks[ranges.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = new VisitBlocks();
        }

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
            () => NewLocal(ranges.Count),
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
                        VisitBlocks.Recycle(block.Array!); // reused for the ranges being filled
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
        VisitBlocks.ReleasePooledBlocks();
        return targets;
    }

    private static VisitBlocks[] NewLocal(int count)
    {
        var local = new VisitBlocks[count];
        for (var i = 0; i < count; i++)
        {
            local[i] = new VisitBlocks();
        }

        return local;
    }
}
