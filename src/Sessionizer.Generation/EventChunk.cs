using System.Buffers;
using Sessionizer.Core.Time;

namespace Sessionizer.Generation;

/// <summary>
/// A run of consecutive events delivered in one hour, and, once <see cref="Format"/> has run, their
/// lines: line i of the chunk goes to part file i mod F of the hour. Chunks are formatted in
/// parallel and written in the order the simulator handed them out, so files do not depend on
/// thread timing. Reused: the writer gives a chunk back with <see cref="VisitSimulator.Recycle"/>.
/// </summary>
internal sealed class EventChunk
{
    public const int Capacity = 16 * 1024;

    private const int TypicalLineBytes = 480;

    private readonly ArrayBufferWriter<byte>[] _lines;

    internal EventChunk(int files)
    {
        _lines = new ArrayBufferWriter<byte>[files];
        for (var i = 0; i < files; i++)
        {
            _lines[i] = new ArrayBufferWriter<byte>(((Capacity / files) + 1) * TypicalLineBytes);
        }
    }

    /// <summary>The hour folder the events are written to.</summary>
    public Window Hour { get; internal set; }

    public int Count { get; private set; }

    /// <summary>Part files per hour: line i of the chunk goes to file i mod this.</summary>
    public int FileCount => _lines.Length;

    internal bool IsFull => Count == Capacity;

    internal GeneratedEvent[] Events { get; } = new GeneratedEvent[Capacity];

    /// <summary>The formatted lines for each part file of the hour (valid after <see cref="Format"/>).</summary>
    public ReadOnlyMemory<byte> Lines(int file) => _lines[file].WrittenMemory;

    /// <summary>Formats the events into lines. A pure function of the events; call it on any thread.</summary>
    public void Format()
    {
        foreach (var lines in _lines)
        {
            lines.ResetWrittenCount();
        }

        var time = new EventTimeText();
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref Events[i];
            var lines = _lines[i % _lines.Length];
            var written = LineFormatter.Write(e, lines.GetSpan(e.Visit.Length + LineFormatter.MaxVariableBytes), time);
            lines.Advance(written);
        }
    }

    internal void Add(in GeneratedEvent e) => Events[Count++] = e;

    internal void Reset(Window hour)
    {
        Hour = hour;
        Count = 0;
    }
}
