using System.Globalization;
using System.Text;

namespace Sessionizer.Engine.Report;

/// <summary>Escaping and number formats of the report page. Every string from data goes through <see cref="Text"/> or <see cref="Shown"/>.</summary>
internal static class Html
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// <paramref name="value"/> as HTML text, safe in element content and in quoted attribute
    /// values (of HTML and of inline SVG): <c>&amp; &lt; &gt; " '</c> as character references;
    /// control characters, which HTML cannot show, as their JSON escapes (<c>\n</c>, <c>\u0001</c>).
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.AsSpan().IndexOfAny("&<>\"'\u007F") < 0 && !HasControl(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                _ when c < ' ' || c == '\u007F' => sb.Append(Invariant, $"\\u{(int)c:X4}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A data value as shown in a table: escaped, cut to <paramref name="max"/> characters (the
    /// whole value, up to 2,000 characters, in a tooltip), <c>(null)</c> for null.
    /// </summary>
    public static string Shown(string? value, int max = 80)
    {
        if (value is null)
        {
            return "<span class=\"null\">(null)</span>";
        }

        if (value.Length == 0)
        {
            return "<span class=\"null\">(empty)</span>";
        }

        if (value.Length <= max)
        {
            return $"<bdi>{Text(value)}</bdi>";
        }

        return $"<bdi title=\"{Text(Cut(value, 2000))}\">{Text(Cut(value, max))}…</bdi>";
    }

    /// <summary>The first <paramref name="length"/> characters, not splitting a surrogate pair.</summary>
    private static string Cut(string value, int length)
    {
        if (value.Length <= length)
        {
            return value;
        }

        if (char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        return value[..length];
    }

    /// <summary>A count with thousands separators: 5,035,287.</summary>
    public static string Number(long value) => value.ToString("N0", Invariant);

    /// <summary>A count in three significant digits: 950, 79.2k, 5.04M (with <paramref name="trim"/>, 5M rather than 5.00M, for axes).</summary>
    public static string Compact(long value, bool trim = false)
    {
        var abs = Math.Abs((double)value);
        if (abs < 1_000)
        {
            return value.ToString(Invariant);
        }

        // The unit and the decimals follow the value as rounded: 9,996 is 10.0k, 999,600 is 1.00M.
        var (scaled, unit) = abs < 999_500 ? (value / 1e3, "k") : abs < 999_500_000 ? (value / 1e6, "M") : (value / 1e9, "G");
        var format = Math.Abs(scaled) < 9.995 ? (trim ? "0.##" : "0.00") : Math.Abs(scaled) < 99.95 ? (trim ? "0.#" : "0.0") : "0";
        return scaled.ToString(format, Invariant) + unit;
    }

    /// <summary>A share in percent, to two decimals (0.20 %), or to more where that would show 0.00 for a non-zero share.</summary>
    public static string Percent(long part, long whole)
    {
        if (whole == 0)
        {
            return "–";
        }

        var p = 100.0 * part / whole;
        return (p is > 0 and < 0.005 ? p.ToString("0.####", Invariant) : p.ToString("0.00", Invariant)) + " %";
    }

    /// <summary>A duration in milliseconds for people: 0 s, 850 ms, 42 s, 4 min 12 s, 3 h 05 min, 1 d 2 h.</summary>
    public static string Duration(double ms)
    {
        var t = TimeSpan.FromMilliseconds(Math.Round(ms));
        return t.TotalMilliseconds switch
        {
            0 => "0 s",
            < 1_000 => string.Create(Invariant, $"{t.TotalMilliseconds:0} ms"),
            < 60_000 => string.Create(Invariant, $"{t.TotalSeconds:0.#} s"),
            < 3_600_000 => string.Create(Invariant, $"{t.Minutes} min {t.Seconds:00} s"),
            < 86_400_000 => string.Create(Invariant, $"{t.Hours} h {t.Minutes:00} min"),
            _ => string.Create(Invariant, $"{(int)t.TotalDays} d {t.Hours} h"),
        };
    }
}
