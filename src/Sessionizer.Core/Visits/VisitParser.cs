using System.Text.Json;
using System.Text.Unicode;
using Sessionizer.Core.Time;

namespace Sessionizer.Core.Visits;

/// <summary>
/// Turns one JSON Lines record into a <see cref="Visit"/> or a rejection reason (docs/reference.md §2.3, §2.4). The
/// whole line is read before any field rule is judged, so a line that is not valid JSON is always
/// <c>malformed_json</c>, whatever fields it starts with. Not thread-safe: use one parser per
/// thread; parsers on several threads share one <see cref="Core.Visits.Vocabulary"/>.
/// </summary>
/// <remarks>
/// Most lines take the fast path, <see cref="VisitScanner"/>; the lines it is not sure of (any
/// rejection, escapes, repeated fields) are read again by <see cref="Utf8JsonReader"/> here, which
/// is the reference for every rule.
/// </remarks>
public sealed class VisitParser
{
    /// <summary>
    /// The deepest nesting a line may have, its own object included: far beyond real data (ignored
    /// fields must never be a reason to reject), and Jackson's default limit, so that Spark's JSON
    /// reader agrees. A deeper line is <c>malformed_json</c>.
    /// </summary>
    public const int MaxNesting = 1000;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxNesting };

    private readonly Utf8Interner _strings;
    private readonly MetadataCache _metadata;
    private readonly ulong[] _quotes = new ulong[QuoteIndex.Words];
    private readonly HourCache _times = new();
    private readonly bool _scan;

    public VisitParser(Vocabulary vocabulary)
        : this(vocabulary, scan: true)
    {
    }

    /// <param name="vocabulary">The run's vocabulary, which the visits' ids belong to.</param>
    /// <param name="scan">False to read every line with the reader: the reference the fast path is tested against.</param>
    internal VisitParser(Vocabulary vocabulary, bool scan)
    {
        Vocabulary = vocabulary;
        _strings = new Utf8Interner(vocabulary);
        _metadata = new MetadataCache(vocabulary);
        _scan = scan;
    }

    public Vocabulary Vocabulary { get; }

    public LineKind Parse(ReadOnlySpan<byte> line, out Visit visit, out RejectionReason reason)
    {
        reason = default;

        // First, as most lines are visits: the scanner never takes a blank or an over-long line.
        if (_scan && VisitScanner.TryScan(line, _strings, _times, _quotes, out var scanned))
        {
            var id = _metadata.IdOf(scanned.Metadata, _strings);
            visit = new Visit(scanned.UserId, scanned.EventTimeMs, scanned.Page, id, fromState: false);
            return LineKind.Visit;
        }

        visit = default;
        if (IsBlank(line))
        {
            return LineKind.Blank;
        }

        if (line.Length > InputLimits.MaxLineBytes)
        {
            reason = RejectionReason.LineTooLong;
            return LineKind.Rejected;
        }

        var fields = Fields.Empty;
        if (IsCutObject(line) || !Utf8.IsValid(line) || !TryRead(line, ref fields))
        {
            reason = RejectionReason.MalformedJson;
            return LineKind.Rejected;
        }

        if (fields.Judge() is { } rejected)
        {
            reason = rejected;
            return LineKind.Rejected;
        }

        var metadata = _metadata.IdOf(fields.Site, fields.ApiVersion, fields.Browser, fields.Language);
        visit = new Visit(fields.UserId, fields.EventTimeMs, fields.Page, metadata, fromState: false);
        return LineKind.Visit;
    }

    /// <summary>
    /// A line that opens an object but does not end with '}' is not JSON: said without running the
    /// reader, whose exception for it costs more than parsing a good line (cut lines are the usual
    /// malformed ones: a writer killed mid-line).
    /// </summary>
    private static bool IsCutObject(ReadOnlySpan<byte> line)
    {
        var trimmed = line.Trim(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'{' && trimmed[^1] != (byte)'}';
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private bool TryRead(ReadOnlySpan<byte> line, ref Fields fields)
    {
        var reader = new Utf8JsonReader(line, ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                fields.NotAnObject = true;
                reader.Skip();
            }
            else
            {
                ReadTopLevel(ref reader, ref fields);
            }

            // Anything after the first value makes the line malformed; Read throws on it.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void ReadTopLevel(ref Utf8JsonReader reader, ref Fields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Classify(ref reader);
            reader.Read();
            switch (field)
            {
                case TopField.UserId:
                    fields.UserIdState = reader.TokenType switch
                    {
                        JsonTokenType.Null => FieldState.Missing,
                        JsonTokenType.Number when reader.TryGetInt64(out var id) && id > 0 => Value(out fields.UserId, id),
                        _ => FieldState.Invalid,
                    };
                    break;
                case TopField.EventTime:
                    fields.EventTimeState = reader.TokenType switch
                    {
                        JsonTokenType.Null => FieldState.Missing,
                        JsonTokenType.String when TryEventTime(ref reader, out var ms) => Value(out fields.EventTimeMs, ms),
                        JsonTokenType.Number when reader.TryGetInt64(out var ms) && EventTime.IsInRange(ms) => Value(out fields.EventTimeMs, ms),
                        _ => FieldState.Invalid,
                    };
                    break;
                case TopField.Page:
                    ReadPage(ref reader, ref fields);
                    break;
                case TopField.Source:
                    ReadObject(ref reader, "site"u8, ref fields.Site, "api_version"u8, ref fields.ApiVersion);
                    break;
                case TopField.Technical:
                    ReadObject(ref reader, "browser"u8, ref fields.Browser, "lang"u8, ref fields.Language);
                    break;
                default:
                    reader.Skip();
                    break;
            }

            // A value that is an object or array was read to its end by the branch above; skip
            // leaves the reader on the end token, so the loop's Read moves to the next property.
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }
    }

    private void ReadPage(ref Utf8JsonReader reader, ref Fields fields)
    {
        // A repeated "page" key replaces the earlier one: the last occurrence wins, as in JSON.parse.
        fields.PageState = FieldState.Missing;
        fields.Page = Vocabulary.Null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCurrent = NameIs(ref reader, "current"u8);
            reader.Read();
            if (!isCurrent)
            {
                reader.Skip();
                continue;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    fields.PageState = FieldState.Missing;
                    fields.Page = Vocabulary.Null;
                    break;
                case JsonTokenType.String:
                    fields.Page = InternString(ref reader);
                    fields.PageState = fields.Page != Vocabulary.Null && Vocabulary.StringOf(fields.Page).Length > 0 ? FieldState.Present : FieldState.Invalid;
                    break;
                default:
                    fields.PageState = FieldState.Invalid;
                    fields.Page = Vocabulary.Null;
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>Reads two optional string fields of a nested object; anything but a string is null.</summary>
    private void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> firstName, ref int first,
        ReadOnlySpan<byte> secondName, ref int second)
    {
        // A repeated key replaces the earlier value whole: the last occurrence wins, as in JSON.parse.
        first = Vocabulary.Null;
        second = Vocabulary.Null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFirst = NameIs(ref reader, firstName);
            var isSecond = !isFirst && NameIs(ref reader, secondName);
            reader.Read();
            if (isFirst)
            {
                first = reader.TokenType == JsonTokenType.String ? InternString(ref reader) : Vocabulary.Null;
            }
            else if (isSecond)
            {
                second = reader.TokenType == JsonTokenType.String ? InternString(ref reader) : Vocabulary.Null;
            }

            reader.Skip();
        }
    }

    /// <summary>The interned id of the current string token, or <see cref="Vocabulary.Null"/> when it is not text (a lone surrogate).</summary>
    private int InternString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return _strings.IdOf(reader.ValueSpan);
        }

        var buffer = reader.ValueSpan.Length <= 512 ? stackalloc byte[512] : new byte[reader.ValueSpan.Length];
        return TryUnescape(ref reader, buffer, out var length) ? _strings.IdOf(buffer[..length]) : Vocabulary.Null;
    }

    private static bool TryEventTime(ref Utf8JsonReader reader, out long epochMs)
    {
        if (!reader.ValueIsEscaped)
        {
            return EventTime.TryParseIso(reader.ValueSpan, out epochMs);
        }

        // A fraction may have any number of digits, so an escaped time may be long (rare: then on the heap).
        epochMs = 0;
        var buffer = reader.ValueSpan.Length <= 64 ? stackalloc byte[64] : new byte[reader.ValueSpan.Length];
        return TryUnescape(ref reader, buffer, out var length) && EventTime.TryParseIso(buffer[..length], out epochMs);
    }

    /// <summary>
    /// Unescapes the current string value. False for an escaped lone surrogate (e.g. <c>"\ud800"</c>):
    /// valid JSON syntax but no text, treated like invalid UTF-8 (the reader would throw, and a line
    /// is never fatal).
    /// </summary>
    private static bool TryUnescape(ref Utf8JsonReader reader, scoped Span<byte> buffer, out int length)
    {
        try
        {
            length = reader.CopyString(buffer);
            return true;
        }
        catch (InvalidOperationException)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>Which top-level field the current property name is.</summary>
    private static TopField Classify(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return NameIs(ref reader, "user_id"u8) ? TopField.UserId
                : NameIs(ref reader, "event_time"u8) ? TopField.EventTime
                : NameIs(ref reader, "page"u8) ? TopField.Page
                : NameIs(ref reader, "source"u8) ? TopField.Source
                : NameIs(ref reader, "technical"u8) ? TopField.Technical
                : TopField.Other;
        }

        return VisitScanner.Classify(reader.ValueSpan);
    }

    /// <summary>
    /// Whether the current property name is <paramref name="name"/>. An escaped lone surrogate in a
    /// name makes the reader throw; such a name is no field the parser knows, so it is ignored.
    /// </summary>
    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals(name);
        }

        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static FieldState Value(out long field, long value)
    {
        field = value;
        return FieldState.Present;
    }

    private enum FieldState : byte
    {
        Missing,
        Invalid,
        Present,
    }

    private struct Fields
    {
        public bool NotAnObject;
        public FieldState UserIdState;
        public long UserId;
        public FieldState EventTimeState;
        public long EventTimeMs;
        public FieldState PageState;
        public int Page;
        public int Site;
        public int ApiVersion;
        public int Browser;
        public int Language;

        /// <summary>Nothing read yet: every string field null.</summary>
        public static Fields Empty => new()
        {
            Page = Vocabulary.Null,
            Site = Vocabulary.Null,
            ApiVersion = Vocabulary.Null,
            Browser = Vocabulary.Null,
            Language = Vocabulary.Null,
        };

        /// <summary>The first rule the line breaks, in the order of docs/reference.md §2.4, or null when it is a valid visit.</summary>
        public readonly RejectionReason? Judge()
        {
            if (NotAnObject)
            {
                return RejectionReason.NotAnObject;
            }

            return (UserIdState, EventTimeState, PageState) switch
            {
                (FieldState.Missing, _, _) => RejectionReason.MissingUserId,
                (FieldState.Invalid, _, _) => RejectionReason.InvalidUserId,
                (_, FieldState.Missing, _) => RejectionReason.MissingEventTime,
                (_, FieldState.Invalid, _) => RejectionReason.InvalidEventTime,
                (_, _, FieldState.Missing) => RejectionReason.MissingPage,
                (_, _, FieldState.Invalid) => RejectionReason.InvalidPage,
                _ => null,
            };
        }
    }
}
