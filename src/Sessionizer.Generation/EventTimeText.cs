using System.Globalization;

namespace Sessionizer.Generation;

/// <summary>
/// Writes an event time as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (24 bytes), the format of the job's own
/// outputs. The <c>yyyy-MM-ddTHH:</c> part is formatted once per hour; the rest digit by digit.
/// Not thread-safe: one per formatting thread.
/// </summary>
internal sealed class EventTimeText
{
    public const int Length = 24;

    private const long HourMs = 3_600_000;

    private readonly byte[] _hourPrefix = new byte[14];
    private long _hourStartMs = long.MinValue;

    public void Write(long epochMs, Span<byte> destination)
    {
        var hourStart = epochMs - (epochMs % HourMs);
        if (hourStart != _hourStartMs)
        {
            // Generated times are after 1970, so the remainder is never negative.
            DateTime.UnixEpoch.AddMilliseconds(hourStart)
                .TryFormat(_hourPrefix, out _, "yyyy-MM-dd'T'HH':'", CultureInfo.InvariantCulture);
            _hourStartMs = hourStart;
        }

        _hourPrefix.CopyTo(destination);
        var w = new SpanWriter(destination[_hourPrefix.Length..]);
        var inHour = (int)(epochMs - hourStart);
        w.WriteDigits(inHour / 60_000, 2);
        w.Write((byte)':');
        w.WriteDigits(inHour / 1000 % 60, 2);
        w.Write((byte)'.');
        w.WriteDigits(inHour % 1000, 3);
        w.Write((byte)'Z');
    }
}
