using System.Globalization;

namespace Sessionizer.Generation;

/// <summary>Appends UTF-8 bytes to a span that the caller made large enough; no allocation.</summary>
internal ref struct SpanWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;

    public int Position { get; private set; }

    public readonly ReadOnlySpan<byte> Written => _destination[..Position];

    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_destination[Position..]);
        Position += bytes.Length;
    }

    public void Write(byte b) => _destination[Position++] = b;

    /// <summary>The next <paramref name="count"/> bytes, for the caller to fill; they count as written.</summary>
    public Span<byte> Reserve(int count)
    {
        var span = _destination.Slice(Position, count);
        Position += count;
        return span;
    }

    public void WriteInteger(long value)
    {
        value.TryFormat(_destination[Position..], out var written, default, CultureInfo.InvariantCulture);
        Position += written;
    }

    /// <summary>A fixed-point number with four decimals: <c>-12345</c> is written <c>-1.2345</c>.</summary>
    public void WriteFourDecimals(int tenThousandths)
    {
        if (tenThousandths < 0)
        {
            Write((byte)'-');
            tenThousandths = -tenThousandths;
        }

        WriteInteger(tenThousandths / 10_000);
        Write((byte)'.');
        WriteDigits(tenThousandths % 10_000, 4);
    }

    /// <summary>Writes <paramref name="value"/> with exactly <paramref name="count"/> digits, leading zeros included.</summary>
    public void WriteDigits(int value, int count)
    {
        for (var i = Position + count - 1; i >= Position; i--)
        {
            _destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        Position += count;
    }

    /// <summary>The low <paramref name="digits"/> hexadecimal digits of a value, lower case, most significant first.</summary>
    public void WriteHex(ulong value, int digits)
    {
        for (var i = Position + digits - 1; i >= Position; i--)
        {
            _destination[i] = (byte)"0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }

        Position += digits;
    }
}
