using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Sessionizer.Core.Visits;

/// <summary>
/// Where the double quotes of a line are, one bit per byte, found with SIMD in one pass (as
/// simdjson's first stage does). In a line without escapes or control characters, quotes open and
/// close strings in turn, so <see cref="VisitScanner"/> jumps from a string's start to its end
/// instead of looking at every byte of it.
/// </summary>
internal readonly ref struct QuoteIndex
{
    /// <summary>
    /// The scanner's fast-path limit: longer lines (rare: a usual visit line is about 450 bytes) are left to
    /// the reader. Not the contract's line limit, <see cref="InputLimits.MaxLineBytes"/> (1 MiB).
    /// </summary>
    public const int MaxScannedLineBytes = 4096;

    public const int Words = MaxScannedLineBytes / 64;

    private readonly ReadOnlySpan<ulong> _bits;

    private QuoteIndex(ReadOnlySpan<ulong> bits) => _bits = bits;

    /// <summary>
    /// Indexes <paramref name="line"/> into <paramref name="buffer"/> (<see cref="Words"/> long).
    /// False when the line cannot be scanned this way: too long, a backslash (an escape), a control
    /// character (never valid in a string) or invalid UTF-8 — the reader judges those lines.
    /// </summary>
    public static bool TryBuild(ReadOnlySpan<byte> line, Span<ulong> buffer, out QuoteIndex index)
    {
        index = default;
        if (line.Length > MaxScannedLineBytes)
        {
            return false;
        }

        var words = (line.Length + 63) >> 6;
        var unusual = 0UL;
        ref var start = ref MemoryMarshal.GetReference(line);
        var full = line.Length >> 6;
        for (var word = 0; word < full; word++)
        {
            buffer[word] = Word(ref Unsafe.Add(ref start, word << 6), ref unusual);
        }

        if (full < words)
        {
            // The last 1-63 bytes, padded with spaces: neither a quote nor unusual.
            Span<byte> tail = stackalloc byte[64];
            tail.Fill((byte)' ');
            line[(full << 6)..].CopyTo(tail);
            buffer[full] = Word(ref MemoryMarshal.GetReference(tail), ref unusual);
        }

        if (unusual != 0 && !IsPlainText(line))
        {
            return false;
        }

        index = new QuoteIndex(buffer[..words]);
        return true;
    }

    /// <summary>The position of the first quote at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int from)
    {
        var word = from >> 6;
        var bits = _bits;
        if ((uint)word >= (uint)bits.Length)
        {
            return -1;
        }

        var mask = bits[word] & (ulong.MaxValue << (from & 63));
        while (mask == 0)
        {
            if ((uint)++word >= (uint)bits.Length)
            {
                return -1;
            }

            mask = bits[word];
        }

        return (word << 6) + BitOperations.TrailingZeroCount(mask);
    }

    /// <summary>
    /// The quote bits of 64 bytes; ORs into <paramref name="unusual"/> the bits of their unusual
    /// bytes (control characters, backslashes, non-ASCII). One 512-bit compare where the CPU has
    /// it, four 128-bit ones elsewhere.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Word(ref byte bytes, ref ulong unusual)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref bytes);

            // Signed, bytes >= 0x80 are negative: one compare finds them and the control characters.
            unusual |= (Vector512.LessThan(v.AsSByte(), Vector512.Create((sbyte)0x20)).AsByte()
                | Vector512.Equals(v, Vector512.Create((byte)'\\'))).ExtractMostSignificantBits();
            return Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits();
        }

        var a = Vector128.LoadUnsafe(ref bytes);
        var b = Vector128.LoadUnsafe(ref bytes, 16);
        var c = Vector128.LoadUnsafe(ref bytes, 32);
        var d = Vector128.LoadUnsafe(ref bytes, 48);
        var quote = Vector128.Create((byte)'"');
        var word = (ulong)Vector128.Equals(a, quote).ExtractMostSignificantBits()
            | ((ulong)Vector128.Equals(b, quote).ExtractMostSignificantBits() << 16)
            | ((ulong)Vector128.Equals(c, quote).ExtractMostSignificantBits() << 32)
            | ((ulong)Vector128.Equals(d, quote).ExtractMostSignificantBits() << 48);
        var space = Vector128.Create((sbyte)0x20);
        var backslash = Vector128.Create((byte)'\\');
        unusual |= (Vector128.LessThan(a.AsSByte(), space).AsByte() | Vector128.Equals(a, backslash)
            | Vector128.LessThan(b.AsSByte(), space).AsByte() | Vector128.Equals(b, backslash)
            | Vector128.LessThan(c.AsSByte(), space).AsByte() | Vector128.Equals(c, backslash)
            | Vector128.LessThan(d.AsSByte(), space).AsByte() | Vector128.Equals(d, backslash)).ExtractMostSignificantBits();
        return word;
    }

    /// <summary>Only non-ASCII was seen: fine if it is valid UTF-8 and there is no control character or backslash.</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> line) =>
        !line.ContainsAnyInRange((byte)0, (byte)0x1F) && !line.Contains((byte)'\\') && Utf8.IsValid(line);
}
