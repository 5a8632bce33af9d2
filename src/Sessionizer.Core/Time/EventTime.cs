namespace Sessionizer.Core.Time;

/// <summary>
/// Parses event times: ISO-8601 date-times with <c>Z</c> or a <c>±hh:mm</c> offset and an optional
/// fraction (kept to the millisecond, sub-millisecond digits truncated). Hand-written over UTF-8 bytes
/// because it runs once per input line; a time without an offset is refused (its instant is ambiguous).
/// </summary>
internal static class EventTime
{
    // Integer arithmetic: TotalMilliseconds is a double, and rounds DateTime.MaxValue up to an
    // instant (10000-01-01T00:00:00Z) that no DateTime, so no output, can hold.
    private static readonly long MinMs = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
    private static readonly long MaxMs = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    /// <summary>Whether epoch milliseconds lie in the range the outputs can print (years 1 to 9999).</summary>
    public static bool IsInRange(long epochMs) => epochMs >= MinMs && epochMs <= MaxMs;

    public static bool TryParseIso(ReadOnlySpan<byte> s, out long epochMs)
    {
        epochMs = 0;
        // yyyy-MM-ddTHH:mm:ss is 19 bytes; the shortest offset is 'Z'.
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] | 0x20) != 't' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var pos = 19;
        var millis = 0;
        if (s[pos] == '.')
        {
            pos++;
            var digits = 0;
            while (pos < s.Length && IsDigit(s[pos]))
            {
                if (digits < 3)
                {
                    millis = (millis * 10) + (s[pos] - '0');
                }

                digits++;
                pos++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 3; digits++)
            {
                millis *= 10;
            }
        }

        if (!TryOffset(s[pos..], out var offsetMinutes))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        var ms = (long)(local - DateTime.UnixEpoch).TotalMilliseconds + millis - (offsetMinutes * 60_000L);
        if (!IsInRange(ms))
        {
            return false;
        }

        epochMs = ms;
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> s, out int minutes)
    {
        minutes = 0;
        if (s.Length == 1 && (s[0] | 0x20) == 'z')
        {
            return true;
        }

        if (s.Length != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':'
            || !TryDigits(s.Slice(1, 2), out var hh) || !TryDigits(s.Slice(4, 2), out var mm) || hh > 23 || mm > 59)
        {
            return false;
        }

        minutes = (s[0] == '-' ? -1 : 1) * ((hh * 60) + mm);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
