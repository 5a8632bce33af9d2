using Sessionizer.Core.Visits;

namespace Sessionizer.Engine.Partitioning;

/// <summary>
/// An append-only list of visits kept in fixed blocks of 4 096 (96 KiB): no copy when it grows, and
/// blocks of several lists can be joined without copying. The blocks are just over the large-object
/// threshold on purpose: they live until the window is sessionized, and the large-object heap keeps
/// them in place instead of copying them from generation to generation; a visit holds no reference,
/// so the collector never scans them either. Not thread-safe: each thread fills its own, and lists
/// are joined afterwards. New blocks come from <paramref name="pool"/> when one is given.
/// </summary>
internal sealed class VisitBlocks(VisitBlockPool? pool = null)
{
    public const int BlockSize = 4096;

    private readonly List<(Visit[] Block, int Count)> _segments = [];
    private Visit[]? _current;
    private int _currentCount;

    public long Count { get; private set; }

    public void Add(in Visit visit)
    {
        if (_current is null || _currentCount == BlockSize)
        {
            Seal();
            _current = pool?.Take() ?? GC.AllocateUninitializedArray<Visit>(BlockSize);
        }

        _current[_currentCount++] = visit;
        Count++;
    }

    public void AddRange(IEnumerable<Visit> visits)
    {
        foreach (var visit in visits)
        {
            Add(visit);
        }
    }

    /// <summary>Moves the blocks of <paramref name="other"/> to the end of this list; <paramref name="other"/> is left empty.</summary>
    public void Take(VisitBlocks other)
    {
        other.Seal();
        Seal();
        _segments.AddRange(other._segments);
        Count += other.Count;
        other._segments.Clear();
        other.Count = 0;
    }

    /// <summary>The visits, block by block.</summary>
    public IEnumerable<ReadOnlyMemory<Visit>> Segments()
    {
        foreach (var (block, count) in _segments)
        {
            yield return block.AsMemory(0, count);
        }

        if (_current is not null && _currentCount > 0)
        {
            yield return _current.AsMemory(0, _currentCount);
        }
    }

    /// <summary>
    /// Copies all visits into <paramref name="destination"/> (grown when too small) and releases the
    /// blocks; returns how many were copied.
    /// </summary>
    public int DrainInto(ref Visit[] destination)
    {
        if (destination.Length < Count)
        {
            destination = GC.AllocateUninitializedArray<Visit>((int)Math.Max(Count, destination.Length * 2L));
        }

        var at = 0;
        foreach (var segment in Segments())
        {
            segment.Span.CopyTo(destination.AsSpan(at));
            at += segment.Length;
        }

        // Not recycled: once the ranges are filled nothing needs blocks any more, and dropping them lets the
        // collector give their memory to the session buffers instead.
        Clear();
        return at;
    }

    public void Clear()
    {
        _segments.Clear();
        _current = null;
        _currentCount = 0;
        Count = 0;
    }

    private void Seal()
    {
        if (_current is not null && _currentCount > 0)
        {
            _segments.Add((_current, _currentCount));
        }

        _current = null;
        _currentCount = 0;
    }
}
