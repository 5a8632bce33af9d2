using System.Text;
using System.Text.Json;
using Sessionizer.Core.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Records;

/// <summary>An input line the job refused, with where it came from and why (docs/reference.md §4.4).</summary>
/// <param name="File">The file's path relative to the input root, with '/' separators.</param>
/// <param name="Line">1-based line number in the decompressed file, blank lines counted.</param>
/// <param name="Reason">The first rule the line broke.</param>
/// <param name="Raw">The line's bytes, already cut at <see cref="InputLimits.MaxRawBytes"/>.</param>
public sealed record RejectedRecord(string File, long Line, RejectionReason Reason, byte[] Raw)
{
    /// <summary>Keeps at most <see cref="InputLimits.MaxRawBytes"/> of a line, cut at a character boundary.</summary>
    public static byte[] CutRaw(ReadOnlySpan<byte> line) => line[..Utf8Cut.Length(line, InputLimits.MaxRawBytes)].ToArray();

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WritePropertyName("file"u8);
        json.WriteRawValue(JsonText.Quote(File), skipInputValidation: true);
        json.WriteNumber("line"u8, Line);
        json.WriteString("reason"u8, Reason.Code());
        json.WritePropertyName("raw"u8);

        // Invalid UTF-8 is written with replacement characters: the record must stay valid JSON.
        json.WriteRawValue(JsonText.Quote(Encoding.UTF8.GetString(Raw)), skipInputValidation: true);
        json.WriteEndObject();
    }
}
