using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sessionizer.Core.Records;

/// <summary>
/// Accumulates JSON Lines records in memory: one Utf8JsonWriter reused for every record, a line
/// feed after each. Non-ASCII text is written as UTF-8, not escaped, as Spark writes it.
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

    public JsonLineBuffer(int initialCapacity = 64 * 1024)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    public int WrittenCount => _buffer.WrittenCount;

    /// <summary>The writer for the next record; call <see cref="EndRecord"/> when it is complete.</summary>
    public Utf8JsonWriter BeginRecord()
    {
        _json.Reset(_buffer);
        return _json;
    }

    public void EndRecord()
    {
        _json.Flush();
        _buffer.Write("\n"u8);
    }

    public void Clear() => _buffer.ResetWrittenCount();

    public void Dispose() => _json.Dispose();
}
