using Sessionizer.Core.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Engine.Input;

/// <summary>
/// Splits a stream into lines without an object per line: each line is a span over one large
/// buffer, valid until the next call. A line longer than <see cref="InputLimits.MaxLineBytes"/> is
/// returned cut to its first <see cref="InputLimits.MaxRawBytes"/> (less the bytes of a UTF-8
/// character the cut would split) and flagged, and the rest of it is read past without being held
/// in memory.
/// </summary>
internal sealed class LineReader(Stream stream, byte[]? buffer = null)
{
    // Room for the longest acceptable line plus its "\r\n", so such a line is always whole in the buffer.
    public const int BufferSize = InputLimits.MaxLineBytes + (1 << 20);

    private readonly byte[] _buffer = buffer is { Length: >= BufferSize } ? buffer : new byte[BufferSize];
    private int _start;
    private int _end;
    private bool _endOfStream;

    // Bytes read from the stream so far; the pending bytes _buffer[_start.._end] are the stream's
    // bytes just before this position.
    private long _streamPosition;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Where the line last returned starts, as an offset from the stream's position when reading began.</summary>
    public long LineStart { get; private set; }

    /// <summary>
    /// Skips a UTF-8 byte order mark (EF BB BF) if the stream starts with one: called once, before the
    /// first line, at the start of a file only (a byte order mark anywhere else is data). Some Windows
    /// tools write one; without this the first line would be malformed JSON.
    /// </summary>
    public void SkipByteOrderMark()
    {
        ReadOnlySpan<byte> mark = [0xEF, 0xBB, 0xBF];
        while (_end - _start < mark.Length && !_endOfStream)
        {
            Fill();
        }

        if (_buffer.AsSpan(_start, _end - _start).StartsWith(mark))
        {
            _start += mark.Length;
        }
    }

    /// <summary>Reads the next line, without its line end ("\n" or "\r\n").</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        while (true)
        {
            LineStart = _streamPosition - _end + _start;
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(pending[..newline]);
                _start += newline + 1;
                return Found(ref line, out tooLong);
            }

            if (_endOfStream)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }

                line = TrimCarriageReturn(pending);
                _start = _end;
                return Found(ref line, out tooLong);
            }

            if (pending.Length > InputLimits.MaxLineBytes + 1)
            {
                line = SkipRestOfLongLine();
                tooLong = true;
                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    private bool Found(ref ReadOnlySpan<byte> line, out bool tooLong)
    {
        LineNumber++;
        tooLong = line.Length > InputLimits.MaxLineBytes;
        if (tooLong)
        {
            line = line[..CutLength(line)];
        }

        return true;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _streamPosition += read;
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    /// <summary>Keeps the head of an over-long line at the buffer's start and discards the rest up to its line end.</summary>
    private ReadOnlySpan<byte> SkipRestOfLongLine()
    {
        var keep = CutLength(_buffer.AsSpan(_start, _end - _start));
        _buffer.AsSpan(_start, keep).CopyTo(_buffer);
        while (true)
        {
            var read = stream.Read(_buffer, keep, _buffer.Length - keep);
            _streamPosition += read;
            if (read == 0)
            {
                _start = _end = keep;
                _endOfStream = true;
                break;
            }

            var newline = _buffer.AsSpan(keep, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                // What follows the line end stays in the buffer for the next call.
                _start = keep + newline + 1;
                _end = keep + read;
                break;
            }
        }

        return _buffer.AsSpan(0, keep);
    }

    /// <summary>
    /// Where an over-long line is cut: at <see cref="InputLimits.MaxRawBytes"/>, moved back so that the cut
    /// does not split a character (a split one would come out as U+FFFD, and the raw text longer than the
    /// limit), as a rejected record's raw text is cut (<see cref="Utf8Cut"/>).
    /// </summary>
    private static int CutLength(ReadOnlySpan<byte> line) => Utf8Cut.Length(line, InputLimits.MaxRawBytes);

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
}
