using System.Globalization;

namespace Sessionizer.Core.Time;

/// <summary>An hourly processing window: the half-open UTC interval [Start, Start + 1h).</summary>
public readonly record struct Window : IComparable<Window>
{
    private const long HourMs = 3_600_000;

    private Window(long startMs) => StartMs = startMs;

    /// <summary>
    /// The first window that can be run: a window reads its previous window's state and lets
    /// events spill into the next hour, so both neighbours must be dates (years 0001-9999).
    /// </summary>
    public static Window First { get; } = new(new DateTime(1, 1, 1, 1, 0, 0, DateTimeKind.Utc).Subtract(DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond);

    /// <summary>The last window that can be run (see <see cref="First"/>).</summary>
    public static Window Last { get; } = new(new DateTime(9999, 12, 31, 22, 0, 0, DateTimeKind.Utc).Subtract(DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond);

    /// <summary>Whether the window lies in <see cref="First"/>..<see cref="Last"/>, so that its neighbours exist.</summary>
    public bool IsRunnable => StartMs >= First.StartMs && StartMs <= Last.StartMs;

    /// <summary>Window start in epoch milliseconds (UTC).</summary>
    public long StartMs { get; }

    /// <summary>Window end (exclusive) in epoch milliseconds (UTC).</summary>
    public long EndMs => StartMs + HourMs;

    public DateTime Start => DateTime.UnixEpoch.AddMilliseconds(StartMs);

    public Window Previous => new(StartMs - HourMs);

    public Window Next => new(StartMs + HourMs);

    /// <summary>The window's partition path, <c>yyyy/MM/dd/HH</c>.</summary>
    public string PartitionPath => Start.ToString("yyyy'/'MM'/'dd'/'HH", CultureInfo.InvariantCulture);

    /// <summary>The window an instant falls in (floor division, so instants before 1970 work too).</summary>
    public static Window Containing(long epochMs)
    {
        var hours = epochMs / HourMs;
        if (epochMs % HourMs < 0)
        {
            hours--;
        }

        return new Window(hours * HourMs);
    }

    /// <summary>
    /// How many windows <paramref name="from"/>..<paramref name="to"/> holds, both included (1 for a
    /// window and itself); 0 when <paramref name="to"/> is before <paramref name="from"/>. Hours are
    /// subtracted, not milliseconds, so no two windows overflow it.
    /// </summary>
    public static long Count(Window from, Window to) => Math.Max(0, (to.StartMs / HourMs) - (from.StartMs / HourMs) + 1);

    public static Window FromStart(DateTime utcStart)
    {
        if (utcStart.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("A window starts at a UTC instant.", nameof(utcStart));
        }

        var ms = (long)(utcStart - DateTime.UnixEpoch).TotalMilliseconds;
        if (ms % HourMs != 0)
        {
            throw new ArgumentException("A window starts on the hour.", nameof(utcStart));
        }

        return new Window(ms);
    }

    /// <summary>Parses <c>yyyy-MM-ddTHH</c> or the reference job's <c>yyyy-MM-dd HH</c>.</summary>
    public static bool TryParse(string? text, out Window window)
    {
        window = default;
        if (text is null)
        {
            return false;
        }

        string[] formats = ["yyyy-MM-dd'T'HH", "yyyy-MM-dd' 'HH"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
        {
            return false;
        }

        window = FromStart(DateTime.SpecifyKind(start, DateTimeKind.Utc));
        return true;
    }

    public static Window Parse(string text) =>
        TryParse(text, out var window)
            ? window
            : throw new FormatException($"'{text}' is not a window; write yyyy-MM-ddTHH, e.g. 2026-11-20T10.");

    public bool Contains(long epochMs) => epochMs >= StartMs && epochMs < EndMs;

    public int CompareTo(Window other) => StartMs.CompareTo(other.StartMs);

    public static bool operator <(Window left, Window right) => left.StartMs < right.StartMs;

    public static bool operator >(Window left, Window right) => left.StartMs > right.StartMs;

    public static bool operator <=(Window left, Window right) => left.StartMs <= right.StartMs;

    public static bool operator >=(Window left, Window right) => left.StartMs >= right.StartMs;

    /// <summary>The canonical form, <c>yyyy-MM-ddTHH</c>.</summary>
    public override string ToString() => Start.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
}
