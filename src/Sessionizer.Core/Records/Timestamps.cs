using System.Globalization;
using System.Text.Json;

namespace Sessionizer.Core.Records;

/// <summary>Writes instants as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, always three fraction digits.</summary>
public static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(long epochMs) => ToDateTime(epochMs).ToString(Format, CultureInfo.InvariantCulture);

    public static void Write(Utf8JsonWriter json, ReadOnlySpan<byte> name, long epochMs)
    {
        Span<byte> text = stackalloc byte[32];
        ToDateTime(epochMs).TryFormat(text, out var written, Format, CultureInfo.InvariantCulture);
        json.WriteString(name, text[..written]);
    }

    private static DateTime ToDateTime(long epochMs) => DateTime.UnixEpoch.AddMilliseconds(epochMs);
}
