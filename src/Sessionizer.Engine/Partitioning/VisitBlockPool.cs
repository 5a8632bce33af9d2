using System.Collections.Concurrent;
using Sessionizer.Core.Visits;

namespace Sessionizer.Engine.Partitioning;

/// <summary>
/// Blocks emptied by one scatter, reused for the ranges it fills, so the visits occupy their memory
/// once, not twice, at the peak. Owned by that scatter and dropped with it: nothing is kept between
/// windows. Thread-safe.
/// </summary>
internal sealed class VisitBlockPool
{
    private readonly ConcurrentBag<Visit[]> _blocks = [];

    /// <summary>A block of <see cref="VisitBlocks.BlockSize"/>: a returned one when there is one, else a new one.</summary>
    public Visit[] Take() => _blocks.TryTake(out var reused) ? reused : GC.AllocateUninitializedArray<Visit>(VisitBlocks.BlockSize);

    /// <summary>Gives a block back for reuse; the caller must hold no other reference to it.</summary>
    public void Return(Visit[] block)
    {
        if (block.Length == VisitBlocks.BlockSize)
        {
            _blocks.Add(block);
        }
    }
}
