using System.Runtime.CompilerServices;
using Sessionizer.Core.Time;

namespace Sessionizer.Core.Visits;

/// <summary>
/// The fast path of <see cref="VisitParser"/>: a hand-written, validating scanner for the line
/// almost every log is made of (an object whose keys have no escapes, each known field once, a
/// valid visit). It checks the whole line against the JSON grammar as it goes, but it only answers
/// "here is the visit" or "not sure": an escape, a repeated field, a field rule broken, a syntax
/// error or anything unusual makes it give up, and the full <see cref="System.Text.Json.Utf8JsonReader"/>
/// path judges the line. So it can only be faster, never different (a fuzz test holds it to that).
/// </summary>
/// <remarks>
/// Why not Utf8JsonReader for every line: it is general (token state, escapes, depth stack,
/// comments) and looks at every byte of every string; this scanner first finds all the quotes of
/// the line with SIMD (<see cref="QuoteIndex"/>), then walks the structure jumping over strings.
/// Every step takes a position and returns the next one, or -1 when unsure (-1 fails every later
/// bounds check, so a failure needs no test until the end of a member): the position stays in a
/// register instead of being stored and reloaded at every byte.
/// </remarks>
internal readonly ref struct VisitScanner
{
    // Deeper lines are left to the reader, which allows 64 levels.
    private const int MaxDepth = 32;
    private const int Unsure = -1;

    private readonly ReadOnlySpan<byte> _line;
    private readonly QuoteIndex _quotes;
    private readonly Utf8Interner _strings;
    private readonly HourCache _times;

    private VisitScanner(ReadOnlySpan<byte> line, QuoteIndex quotes, Utf8Interner strings, HourCache times)
    {
        _line = line;
        _quotes = quotes;
        _strings = strings;
        _times = times;
    }

    /// <summary>
    /// True with the visit's fields when the line is a valid visit of the common shape; false when
    /// unsure. <paramref name="buffer"/> holds the line's <see cref="QuoteIndex"/>.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> line, Utf8Interner strings, HourCache times, Span<ulong> buffer, out ScannedVisit visit)
    {
        visit = default;

        // Whitespace around the object (a CR of a CRLF file) is valid JSON, and no concern of the index.
        line = line.Trim(" \t\r\n"u8);
        if (!QuoteIndex.TryBuild(line, buffer, out var quotes))
        {
            return false;
        }

        return new VisitScanner(line, quotes, strings, times).Object(ref visit);
    }

    private bool Object(ref ScannedVisit visit)
    {
        var pos = 0;
        if (At(pos) != '{')
        {
            return false;
        }

        pos = Space(pos + 1);
        if (At(pos) == '}')
        {
            return false; // no fields: a rejection, the reader's to tell
        }

        var seen = TopField.None;
        while (true)
        {
            pos = Key(pos, out var name);
            var field = Classify(name);
            if (pos < 0 || (seen & field) != 0)
            {
                return false; // unsure, or a repeated field: last-wins rules are the reader's to apply
            }

            seen |= field & ~TopField.Other;
            pos = field switch
            {
                TopField.UserId => UserId(pos, out visit.UserId),
                TopField.EventTime => EventTime(pos, out visit.EventTimeMs),
                TopField.Page => Page(pos, out visit.Page),
                TopField.Source => Pair(pos, "site"u8, ref visit.Metadata.Site, "api_version"u8, ref visit.Metadata.ApiVersion,
                    ref visit.Metadata.Strings, MetadataText.SiteBit),
                TopField.Technical => Pair(pos, "browser"u8, ref visit.Metadata.Browser, "lang"u8, ref visit.Metadata.Language,
                    ref visit.Metadata.Strings, MetadataText.BrowserBit),
                _ => Value(pos, 1),
            };
            pos = AfterMember(pos, '}', out var closed);
            if (closed)
            {
                // The line is trimmed: the object's end is the line's.
                const TopField required = TopField.UserId | TopField.EventTime | TopField.Page;
                return pos == _line.Length && (seen & required) == required;
            }
        }
    }

    /// <summary>
    /// After a member or an element: the position of the next one when a ',' follows, or, with
    /// <paramref name="closed"/>, the position after <paramref name="close"/> (or <see cref="Unsure"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AfterMember(int pos, char close, out bool closed)
    {
        pos = Space(pos);
        var next = At(pos);
        closed = next != ',';
        return next == ',' ? Space(pos + 1) : next == close ? pos + 1 : Unsure;
    }

    /// <summary>Which top-level field a property name is: by length first, so each name costs one comparison.</summary>
    internal static TopField Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 when name.SequenceEqual("user_id"u8) => TopField.UserId,
        10 when name.SequenceEqual("event_time"u8) => TopField.EventTime,
        4 when name.SequenceEqual("page"u8) => TopField.Page,
        6 when name.SequenceEqual("source"u8) => TopField.Source,
        9 when name.SequenceEqual("technical"u8) => TopField.Technical,
        _ => TopField.Other,
    };

    /// <summary>A key at <paramref name="pos"/>, its colon and the space after it: the position of its value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Key(int pos, out ReadOnlySpan<byte> name)
    {
        pos = String(pos, out name);
        pos = Space(pos);
        return At(pos) == ':' ? Space(pos + 1) : Unsure;
    }

    /// <summary>A string at <paramref name="pos"/>: its bytes, and the position after its closing quote.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int String(int pos, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (At(pos) != '"')
        {
            return Unsure;
        }

        var end = _quotes.Next(pos + 1);
        if (end < 0)
        {
            return Unsure;
        }

        text = _line[(pos + 1)..end];
        return end + 1;
    }

    /// <summary>A positive integer of at most 18 digits, as <c>TryGetInt64</c> reads it; anything else is the reader's.</summary>
    private int UserId(int pos, out long id)
    {
        id = 0;
        var line = _line;
        if ((uint)pos >= (uint)line.Length || line[pos] is < (byte)'1' or > (byte)'9')
        {
            return Unsure;
        }

        var start = pos;
        while ((uint)pos < (uint)line.Length && IsDigit(line[pos]))
        {
            id = (id * 10) + (line[pos] - '0');
            pos++;
        }

        // A fraction or an exponent makes TryGetInt64 fail (invalid_user_id), 19 digits may overflow.
        var next = At(pos);
        return pos - start > 18 || next is '.' or 'e' or 'E' ? Unsure : pos;
    }

    private int EventTime(int pos, out long epochMs)
    {
        epochMs = 0;
        pos = String(pos, out var text);
        return pos >= 0 && _times.TryParse(text, out epochMs) ? pos : Unsure;
    }

    /// <summary>The page object: its <c>current</c> must be a non-empty string, once.</summary>
    private int Page(int pos, out int page)
    {
        page = Vocabulary.Null;
        if (At(pos) != '{')
        {
            return Unsure;
        }

        pos = Space(pos + 1);
        var found = false;
        while (true)
        {
            pos = Key(pos, out var name);
            if (pos >= 0 && name.SequenceEqual("current"u8))
            {
                pos = String(found ? Unsure : pos, out var text);
                page = pos >= 0 && !text.IsEmpty ? _strings.IdOf(text) : Vocabulary.Null;
                pos = page == Vocabulary.Null ? Unsure : pos;
                found = true;
            }
            else
            {
                pos = Value(pos, 2);
            }

            pos = AfterMember(pos, '}', out var closed);
            if (closed)
            {
                return found ? pos : Unsure;
            }
        }
    }

    /// <summary>
    /// An object with two optional string fields (a non-string is null, as in the reader's path); a
    /// repeated name is left to the reader. Any other value (null, a string) leaves both null.
    /// </summary>
    /// <remarks>
    /// A string value sets its bit in <paramref name="strings"/>: <paramref name="firstBit"/> for the
    /// first name, the next bit for the second. Its text is interned later, with the other three.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // so that the names are constants at each call
    private int Pair(int pos, ReadOnlySpan<byte> firstName, scoped ref ReadOnlySpan<byte> first, ReadOnlySpan<byte> secondName,
        scoped ref ReadOnlySpan<byte> second, ref int strings, int firstBit)
    {
        if (At(pos) != '{')
        {
            return Value(pos, 1);
        }

        pos = Space(pos + 1);
        if (At(pos) == '}')
        {
            return pos + 1;
        }

        var seen = 0;
        while (true)
        {
            pos = Key(pos, out var name);
            var which = name.Length == firstName.Length && name.SequenceEqual(firstName) ? 1
                : name.Length == secondName.Length && name.SequenceEqual(secondName) ? 2 : 0;
            pos = (seen & which) != 0 ? Unsure : pos;
            seen |= which;
            pos = which switch
            {
                1 => PairValue(pos, ref first, ref strings, firstBit),
                2 => PairValue(pos, ref second, ref strings, firstBit << 1),
                _ => Value(pos, 2),
            };
            pos = AfterMember(pos, '}', out var closed);
            if (closed)
            {
                return pos;
            }
        }
    }

    private int PairValue(int pos, scoped ref ReadOnlySpan<byte> value, ref int strings, int bit)
    {
        if (At(pos) != '"')
        {
            return Value(pos, 2);
        }

        pos = String(pos, out value);
        strings |= bit;
        return pos;
    }

    /// <summary>Any JSON value at <paramref name="pos"/>, validated and skipped.</summary>
    private int Value(int pos, int depth)
    {
        switch (At(pos))
        {
            case '"':
                return String(pos, out _);
            case '{':
                return depth < MaxDepth ? Members(Space(pos + 1), depth + 1) : Unsure;
            case '[':
                return depth < MaxDepth ? Elements(Space(pos + 1), depth + 1) : Unsure;
            case 't':
                return Literal(pos, "true"u8);
            case 'f':
                return Literal(pos, "false"u8);
            case 'n':
                return Literal(pos, "null"u8);
            default:
                return Number(pos);
        }
    }

    /// <summary>The members of an object whose '{' and the space after it are read.</summary>
    private int Members(int pos, int depth)
    {
        if (At(pos) == '}')
        {
            return pos + 1;
        }

        while (true)
        {
            pos = AfterMember(Value(Key(pos, out _), depth), '}', out var closed);
            if (closed)
            {
                return pos;
            }
        }
    }

    /// <summary>The elements of an array whose '[' and the space after it are read.</summary>
    private int Elements(int pos, int depth)
    {
        if (At(pos) == ']')
        {
            return pos + 1;
        }

        while (true)
        {
            pos = AfterMember(Value(pos, depth), ']', out var closed);
            if (closed)
            {
                return pos;
            }
        }
    }

    private int Literal(int pos, ReadOnlySpan<byte> literal) =>
        _line[pos..].StartsWith(literal) ? pos + literal.Length : Unsure;

    /// <summary>A number as RFC 8259 writes it: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private int Number(int pos)
    {
        var line = _line;
        if (At(pos) == '-')
        {
            pos++;
        }

        var first = At(pos);
        if (first == '0')
        {
            pos++;
        }
        else if (first is >= '1' and <= '9')
        {
            pos = Digits(line, pos + 1);
        }
        else
        {
            return Unsure;
        }

        if (At(pos) == '.')
        {
            var start = pos + 1;
            pos = Digits(line, start);
            if (pos == start)
            {
                return Unsure;
            }
        }

        if ((At(pos) | 0x20) == 'e')
        {
            pos++;
            if (At(pos) is '+' or '-')
            {
                pos++;
            }

            var start = pos;
            pos = Digits(line, pos);
            if (pos == start)
            {
                return Unsure;
            }
        }

        return pos;
    }

    private static int Digits(ReadOnlySpan<byte> line, int pos)
    {
        while ((uint)pos < (uint)line.Length && IsDigit(line[pos]))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>The position of the first byte at or after <paramref name="pos"/> that is not JSON whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Space(int pos)
    {
        var line = _line;

        // All JSON whitespace is at most ' ': one compare passes the usual next byte.
        while ((uint)pos < (uint)line.Length && line[pos] <= (byte)' ' && line[pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            pos++;
        }

        return pos;
    }

    /// <summary>The byte at <paramref name="pos"/>, or -1 past the end or at <see cref="Unsure"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int At(int pos) => (uint)pos < (uint)_line.Length ? _line[pos] : -1;

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
