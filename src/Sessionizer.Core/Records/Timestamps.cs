using System.Globalization;

namespace Sessionizer.Core.Records;

/// <summary>
/// Writes instants as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, always three fraction digits. Hand-written
/// (days to civil date, then digits) because closed sessions print one per page: a DateTime custom
/// format string costs many times more.
/// </summary>
internal static class Timestamps
{
    /// <summary>Length of the text in bytes.</summary>
    public const int Length = 24;

    private const long MsPerDay = 86_400_000;

    public static string ToText(long epochMs)
    {
        Span<byte> text = stackalloc byte[Length];
        Format(epochMs, text);
        return System.Text.Encoding.ASCII.GetString(text);
    }

    /// <summary>Writes the 24 ASCII bytes into <paramref name="destination"/>; years 1 to 9999.</summary>
    public static void Format(long epochMs, Span<byte> destination)
    {
        var days = DayOf(epochMs, out var msOfDay);
        FormatDate(days, destination);
        FormatTimeOfDay(msOfDay, destination[DateLength..]);
    }

    /// <summary>Length of the date part <c>yyyy-MM-ddT</c>, which all instants of a day share.</summary>
    internal const int DateLength = 11;

    /// <summary>The day (since 1970-01-01) of an instant, and the milliseconds into it.</summary>
    internal static long DayOf(long epochMs, out int msOfDay)
    {
        var days = Math.DivRem(epochMs, MsPerDay, out var rest);
        if (rest < 0)
        {
            days--;
            rest += MsPerDay;
        }

        msOfDay = (int)rest;
        return days;
    }

    /// <summary>Writes <c>yyyy-MM-ddT</c>, the first <see cref="DateLength"/> bytes.</summary>
    internal static void FormatDate(long days, Span<byte> destination)
    {
        var (year, month, day) = CivilFromDays(days);
        Digits(destination[..4], year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
    }

    /// <summary>Writes <c>HH:mm:ss.fffZ</c>, the last 13 bytes.</summary>
    internal static void FormatTimeOfDay(int msOfDay, Span<byte> destination)
    {
        destination = destination[..13];
        destination[12] = (byte)'Z';
        var seconds = Math.DivRem(msOfDay, 1000, out var millis);
        var minutes = Math.DivRem(seconds, 60, out var second);
        var hour = Math.DivRem(minutes, 60, out var minute);
        Digits(destination[..2], hour);
        destination[2] = (byte)':';
        Digits(destination.Slice(3, 2), minute);
        destination[5] = (byte)':';
        Digits(destination.Slice(6, 2), second);
        destination[8] = (byte)'.';
        Digits(destination.Slice(9, 3), millis);
    }

    /// <summary>Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).</summary>
    private static (int Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719_468;
        var era = (days >= 0 ? days : days - 146_096) / 146_097;
        var dayOfEra = days - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthPrime = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * monthPrime) + 2) / 5) + 1);
        var month = (int)(monthPrime < 10 ? monthPrime + 3 : monthPrime - 9);
        var year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        return (year, month, day);
    }

    // "00" to "99": two digits per lookup instead of a division per digit.
    private static ReadOnlySpan<byte> Pairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private static void Digits(Span<byte> destination, int value)
    {
        var i = destination.Length;
        while (i >= 2)
        {
            var pair = value % 100;
            value /= 100;
            i -= 2;
            destination[i] = Pairs[2 * pair];
            destination[i + 1] = Pairs[(2 * pair) + 1];
        }

        if (i == 1)
        {
            destination[0] = (byte)('0' + (value % 10));
        }
    }

    /// <summary>The same text the slow, obviously right way; tests compare the two.</summary>
    internal static string ToTextWithDateTime(long epochMs) =>
        DateTime.UnixEpoch.AddMilliseconds(epochMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
