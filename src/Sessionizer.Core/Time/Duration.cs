using System.Globalization;

namespace Sessionizer.Core.Time;

/// <summary>Durations as written on the command line: <c>300ms</c>, <c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
public static class Duration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var unitStart = 0;
        while (unitStart < s.Length && char.IsAsciiDigit(s[unitStart]))
        {
            unitStart++;
        }

        if (unitStart == 0 || !long.TryParse(s.AsSpan(0, unitStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long? unitMs = s[unitStart..] switch
        {
            "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            _ => null,
        };
        if (unitMs is null || amount > TimeSpan.MaxValue.TotalMilliseconds / unitMs.Value)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(amount * unitMs.Value);
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a duration; write a whole number and a unit: 300ms, 90s, 5m, 2h or 1d.");

    /// <summary>The shortest exact form, e.g. 300000 ms → <c>5m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        (long Size, string Unit)[] units = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "m"), (1_000, "s")];
        foreach (var (size, unit) in units)
        {
            if (ms != 0 && ms % size == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{ms / size}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{ms}ms");
    }
}
