using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sessionizer.Core.Records;

/// <summary>
/// Accumulates JSON Lines records in memory. The session records, written hundreds of millions of
/// times, are written token by token with <see cref="Raw"/>, <see cref="Number"/>,
/// <see cref="String"/> and <see cref="Timestamp"/>: each distinct (interned) string is escaped once
/// by System.Text.Json and its bytes reused, so the output is exactly what Utf8JsonWriter writes, at
/// a fraction of the cost. Other records use the Utf8JsonWriter of <see cref="BeginRecord"/>.
/// Non-ASCII text is written as UTF-8, not escaped, as Spark writes it. Not thread-safe.
/// </summary>
public sealed class JsonLineBuffer : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<string, byte[]> _quoted = new(ReferenceEqualityComparer.Instance);
    private readonly ArrayBufferWriter<byte> _escapeBuffer = new(256);
    private readonly Utf8JsonWriter _escaper;

    public JsonLineBuffer(int initialCapacity = 64 * 1024)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
        _escaper = new Utf8JsonWriter(_escapeBuffer, WriterOptions);
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public int WrittenCount => _buffer.WrittenCount;

    /// <summary>The writer for the next record; call <see cref="EndRecord"/> when it is complete.</summary>
    public Utf8JsonWriter BeginRecord()
    {
        _json.Reset(_buffer);
        return _json;
    }

    /// <summary>Ends a record: flushes the record's writer, if it was used, and writes the line feed.</summary>
    public void EndRecord()
    {
        _json.Flush();
        Raw("\n"u8);
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    public void Number(long value)
    {
        var span = _buffer.GetSpan(20);
        value.TryFormat(span, out var written, provider: CultureInfo.InvariantCulture);
        _buffer.Advance(written);
    }

    /// <summary>A JSON string, quotes included, escaped as Utf8JsonWriter escapes it; null writes <c>null</c>.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Raw("null"u8);
            return;
        }

        if (!_quoted.TryGetValue(value, out var quoted))
        {
            _escapeBuffer.ResetWrittenCount();
            _escaper.Reset(_escapeBuffer);
            _escaper.WriteStringValue(value);
            _escaper.Flush();
            quoted = _escapeBuffer.WrittenSpan.ToArray();

            // Strings are interned, so the cache holds each distinct page or metadata value once.
            _quoted[value] = quoted;
        }

        Raw(quoted);
    }

    /// <summary>An instant as a JSON string <c>"yyyy-MM-ddTHH:mm:ss.fffZ"</c>.</summary>
    public void Timestamp(long epochMs)
    {
        var span = _buffer.GetSpan(Timestamps.Length + 2);
        span[0] = (byte)'"';
        Timestamps.Format(epochMs, span[1..]);
        span[Timestamps.Length + 1] = (byte)'"';
        _buffer.Advance(Timestamps.Length + 2);
    }

    public void Clear() => _buffer.ResetWrittenCount();

    public void Dispose()
    {
        _json.Dispose();
        _escaper.Dispose();
    }
}
