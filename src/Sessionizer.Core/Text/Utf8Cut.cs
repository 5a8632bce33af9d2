namespace Sessionizer.Core.Text;

/// <summary>
/// Cuts UTF-8 bytes at a byte limit without splitting a character: the one rule behind the raw text of a
/// rejected record (<c>RejectedRecord.CutRaw</c>) and the cut of an over-long line as it is read
/// (<c>LineReader</c>); the SQL plan renders it, for valid text, as <c>SqlDialect.CutUtf8</c>.
/// </summary>
public static class Utf8Cut
{
    /// <summary>
    /// How many of the first bytes of <paramref name="utf8"/> to keep: all of them when there are at most
    /// <paramref name="maxBytes"/>; else <paramref name="maxBytes"/>, moved back over the continuation bytes
    /// (<c>10xxxxxx</c>) at the cut, so that the kept bytes do not end inside a character. For valid UTF-8
    /// that moves back at most 3 bytes. Bytes that are not valid UTF-8 may hold a longer run of continuation
    /// bytes: the cut moves back over all of it, as the Spark engine's cut of an invalid line does
    /// (<c>SparkSql.Lines</c>).
    /// </summary>
    public static int Length(ReadOnlySpan<byte> utf8, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (utf8.Length <= maxBytes)
        {
            return utf8.Length;
        }

        var end = maxBytes;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80)
        {
            end--;
        }

        return end;
    }
}
