using System.Buffers.Binary;

namespace Sessionizer.Core.Time;

/// <summary>
/// <see cref="EventTime.TryParseIso"/> for a stream of event times that mostly share their hour:
/// remembers the last <c>yyyy-MM-ddTHH:</c> of a time written <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>
/// and the instant it starts, so a time of the same hour only needs its <c>mm:ss.fff</c> read. Any
/// other shape goes to the full parser. Same answers, a third of the work. One per thread.
/// </summary>
internal sealed class HourCache
{
    private const int Length = 24; // yyyy-MM-ddTHH:mm:ss.fffZ
    private const int PrefixLength = 14; // yyyy-MM-ddTHH:

    private ulong _head; // bytes 0-7 of the prefix
    private ulong _tail; // bytes 6-13
    private long _hourMs = long.MinValue; // MinValue: nothing cached yet

    public bool TryParse(ReadOnlySpan<byte> s, out long epochMs)
    {
        if (s.Length == Length && s[^1] == (byte)'Z' && _hourMs != long.MinValue
            && BinaryPrimitives.ReadUInt64LittleEndian(s) == _head
            && BinaryPrimitives.ReadUInt64LittleEndian(s[(PrefixLength - 8)..]) == _tail)
        {
            if (TryMinuteSecondMillis(s, out var intoHour))
            {
                epochMs = _hourMs + intoHour;
                return true;
            }

            epochMs = 0;
            return false;
        }

        if (!EventTime.TryParseIso(s, out epochMs))
        {
            return false;
        }

        if (s.Length == Length && s[^1] == (byte)'Z' && TryMinuteSecondMillis(s, out var ms))
        {
            _head = BinaryPrimitives.ReadUInt64LittleEndian(s);
            _tail = BinaryPrimitives.ReadUInt64LittleEndian(s[(PrefixLength - 8)..]);
            _hourMs = epochMs - ms;
        }

        return true;
    }

    /// <summary>Reads <c>mm:ss.fff</c> at bytes 14-22, checked as the full parser checks them.</summary>
    private static bool TryMinuteSecondMillis(ReadOnlySpan<byte> s, out int ms)
    {
        ms = 0;
        if (s[16] != (byte)':' || s[19] != (byte)'.' || !AreDigits(s[14..16]) || !AreDigits(s[17..19]) || !AreDigits(s[20..23]))
        {
            return false;
        }

        var minute = ((s[14] - '0') * 10) + (s[15] - '0');
        var second = ((s[17] - '0') * 10) + (s[18] - '0');
        if (minute > 59 || second > 59)
        {
            return false;
        }

        ms = (minute * 60_000) + (second * 1000) + ((s[20] - '0') * 100) + ((s[21] - '0') * 10) + (s[22] - '0');
        return true;
    }

    private static bool AreDigits(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
        {
            if ((uint)(b - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }
}
