using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Records;

/// <summary>
/// Accumulates JSON Lines records in memory. The session records, written hundreds of millions of
/// times, are written token by token with <see cref="Raw"/>, <see cref="Number"/>,
/// <see cref="String(Vocabulary, int)"/> and <see cref="Timestamp"/>: each distinct string is quoted once
/// in the one JSON text form of every engine (<see cref="JsonText"/>) and its bytes reused. Other
/// records use the Utf8JsonWriter of <see cref="BeginRecord"/>, writing their strings as
/// <see cref="JsonText"/> too. Not thread-safe.
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
    private readonly byte[] _date = new byte[Timestamps.DateLength];
    private byte[]?[] _quotedById = new byte[]?[256];
    private Vocabulary? _quotedVocabulary;
    private long _dateDay = long.MinValue;

    public JsonLineBuffer(int initialCapacity = 64 * 1024)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
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

    /// <summary>A JSON string, quotes included, in the form of <see cref="JsonText"/>; null writes <c>null</c>.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Raw("null"u8);
            return;
        }

        if (!_quoted.TryGetValue(value, out var quoted))
        {
            // Strings are interned, so the cache holds each distinct page or metadata value once.
            quoted = JsonText.Quote(value);
            _quoted[value] = quoted;
        }

        Raw(quoted);
    }

    /// <summary>The string of this vocabulary id as a JSON string, quotes included; the bytes are cached by id.</summary>
    public void String(Vocabulary vocabulary, int stringId) => Raw(Quoted(vocabulary, stringId));

    /// <summary>An instant as a JSON string <c>"yyyy-MM-ddTHH:mm:ss.fffZ"</c>.</summary>
    public void Timestamp(long epochMs)
    {
        var span = _buffer.GetSpan(QuotedTimestampLength);
        _buffer.Advance(PutTimestamp(span, 0, epochMs));
    }

    /// <summary>Length of a timestamp with its quotes.</summary>
    public const int QuotedTimestampLength = Timestamps.Length + 2;

    /// <summary>
    /// Room for at least <paramref name="length"/> bytes, to fill with the Put methods and
    /// <see cref="Advance"/> over: one buffer check for a run of tokens instead of one per token.
    /// </summary>
    public Span<byte> Reserve(int length) => _buffer.GetSpan(length);

    public void Advance(int length) => _buffer.Advance(length);

    /// <summary>The bytes of a JSON string of a vocabulary's string, quotes included.</summary>
    public ReadOnlySpan<byte> Quoted(Vocabulary vocabulary, int stringId)
    {
        if (!ReferenceEquals(vocabulary, _quotedVocabulary))
        {
            // Ids mean something only in their vocabulary: a buffer reused for another run starts over.
            Array.Clear(_quotedById);
            _quotedVocabulary = vocabulary;
        }

        if ((uint)stringId < (uint)_quotedById.Length && _quotedById[stringId] is { } known)
        {
            return known;
        }

        if (stringId >= _quotedById.Length)
        {
            Array.Resize(ref _quotedById, Math.Max(stringId + 1, _quotedById.Length * 2));
        }

        var quoted = JsonText.Quote(vocabulary.StringOf(stringId));
        _quotedById[stringId] = quoted;
        return quoted;
    }

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="at"/>; returns the position after them.</summary>
    public static int Put(Span<byte> span, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        return at + bytes.Length;
    }

    public static int PutNumber(Span<byte> span, int at, long value)
    {
        value.TryFormat(span[at..], out var written, provider: CultureInfo.InvariantCulture);
        return at + written;
    }

    /// <summary>
    /// Writes a quoted timestamp at <paramref name="at"/>. The date part is formatted once per day
    /// and copied after: a window's instants share it.
    /// </summary>
    public int PutTimestamp(Span<byte> span, int at, long epochMs)
    {
        var day = Timestamps.DayOf(epochMs, out var msOfDay);
        if (day != _dateDay)
        {
            Timestamps.FormatDate(day, _date);
            _dateDay = day;
        }

        var text = span.Slice(at, QuotedTimestampLength);
        text[0] = (byte)'"';
        _date.CopyTo(text[1..]);
        Timestamps.FormatTimeOfDay(msOfDay, text[(1 + Timestamps.DateLength)..]);
        text[^1] = (byte)'"';
        return at + QuotedTimestampLength;
    }

    public void Clear() => _buffer.ResetWrittenCount();

    public void Dispose()
    {
        _json.Dispose();
    }
}
