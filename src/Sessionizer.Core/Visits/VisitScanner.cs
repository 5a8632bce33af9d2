using System.Runtime.CompilerServices;
using System.Text.Unicode;

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
/// comments) and the line is read once more for UTF-8; this scanner makes one pass, looks at each
/// byte once and validates UTF-8 only inside the strings that have non-ASCII bytes.
/// </remarks>
internal ref struct VisitScanner
{
    // Deeper lines are left to the reader, which allows 64 levels.
    private const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _line;
    private readonly Utf8Interner _strings;
    private int _pos;

    private VisitScanner(ReadOnlySpan<byte> line, Utf8Interner strings)
    {
        _line = line;
        _strings = strings;
        _pos = 0;
    }

    /// <summary>True with the visit's fields when the line is a valid visit of the common shape; false when unsure.</summary>
    public static bool TryScan(ReadOnlySpan<byte> line, Utf8Interner strings, out ScannedVisit visit)
    {
        var scanner = new VisitScanner(line, strings);
        visit = new ScannedVisit
        {
            Site = Interned.Null,
            ApiVersion = Interned.Null,
            Browser = Interned.Null,
            Language = Interned.Null,
        };
        return scanner.Object(ref visit);
    }

    private bool Object(ref ScannedVisit visit)
    {
        SkipSpace();
        if (!Take((byte)'{'))
        {
            return false;
        }

        var seen = TopField.None;
        SkipSpace();
        if (Peek() == (byte)'}')
        {
            return false; // no fields: a rejection, the reader's to tell
        }

        while (true)
        {
            if (!Key(out var name))
            {
                return false;
            }

            var field = Classify(name);
            if ((seen & field) != 0)
            {
                return false; // a repeated field: last-wins rules are the reader's to apply
            }

            seen |= field & ~TopField.Other;
            var ok = field switch
            {
                TopField.UserId => UserId(out visit.UserId),
                TopField.EventTime => EventTime(out visit.EventTimeMs),
                TopField.Page => Page(out visit.Page),
                TopField.Source => Pair("site"u8, ref visit.Site, "api_version"u8, ref visit.ApiVersion),
                TopField.Technical => Pair("browser"u8, ref visit.Browser, "lang"u8, ref visit.Language),
                _ => Value(1),
            };
            if (!ok || !AfterMember(out var end))
            {
                return false;
            }

            if (end)
            {
                break;
            }
        }

        SkipSpace();
        const TopField required = TopField.UserId | TopField.EventTime | TopField.Page;
        return _pos == _line.Length && (seen & required) == required;
    }

    /// <summary>A key and its colon, leaving the scanner on the value.</summary>
    private bool Key(out ReadOnlySpan<byte> name)
    {
        name = default;
        if (!Take((byte)'"') || !StringBody(out name, out var ascii) || !ascii)
        {
            return false;
        }

        SkipSpace();
        if (!Take((byte)':'))
        {
            return false;
        }

        SkipSpace();
        return true;
    }

    /// <summary>After a member: ',' (then the next key) or the object's '}'.</summary>
    private bool AfterMember(out bool end)
    {
        SkipSpace();
        end = false;
        switch (Peek())
        {
            case (byte)',':
                _pos++;
                SkipSpace();
                return true;
            case (byte)'}':
                _pos++;
                end = true;
                return true;
            default:
                return false;
        }
    }

    private static TopField Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 when name.SequenceEqual("user_id"u8) => TopField.UserId,
        10 when name.SequenceEqual("event_time"u8) => TopField.EventTime,
        4 when name.SequenceEqual("page"u8) => TopField.Page,
        6 when name.SequenceEqual("source"u8) => TopField.Source,
        9 when name.SequenceEqual("technical"u8) => TopField.Technical,
        _ => TopField.Other,
    };

    /// <summary>A positive integer of at most 18 digits, as <c>TryGetInt64</c> reads it; anything else is the reader's.</summary>
    private bool UserId(out long id)
    {
        id = 0;
        var line = _line;
        var pos = _pos;
        if ((uint)pos >= (uint)line.Length || line[pos] is < (byte)'1' or > (byte)'9')
        {
            return false;
        }

        var start = pos;
        while ((uint)pos < (uint)line.Length && IsDigit(line[pos]))
        {
            id = (id * 10) + (line[pos] - '0');
            pos++;
        }

        // A fraction or an exponent makes TryGetInt64 fail (invalid_user_id), 19 digits may overflow.
        if (pos - start > 18 || ((uint)pos < (uint)line.Length && line[pos] is (byte)'.' or (byte)'e' or (byte)'E'))
        {
            return false;
        }

        _pos = pos;
        return true;
    }

    private bool EventTime(out long epochMs)
    {
        epochMs = 0;
        return Take((byte)'"') && StringBody(out var text, out var ascii) && ascii
            && Time.EventTime.TryParseIso(text, out epochMs);
    }

    /// <summary>The page object: its <c>current</c> must be a non-empty string, once.</summary>
    private bool Page(out int page)
    {
        page = Interned.Null;
        if (!Take((byte)'{'))
        {
            return false;
        }

        SkipSpace();
        if (Take((byte)'}'))
        {
            return false;
        }

        var found = false;
        while (true)
        {
            if (!Key(out var name))
            {
                return false;
            }

            if (name.SequenceEqual("current"u8))
            {
                if (found || !Take((byte)'"') || !StringBody(out var text, out var ascii) || text.IsEmpty
                    || (!ascii && !Utf8.IsValid(text)))
                {
                    return false;
                }

                page = _strings.IdOf(text);
                found = true;
            }
            else if (!Value(2))
            {
                return false;
            }

            if (!AfterMember(out var end))
            {
                return false;
            }

            if (end)
            {
                return found && page != Interned.Null;
            }
        }
    }

    /// <summary>
    /// An object with two optional string fields (a non-string is null, as in the reader's path); a
    /// repeated name is left to the reader. Any other value (null, a string) leaves both null.
    /// </summary>
    private bool Pair(ReadOnlySpan<byte> firstName, ref int first, ReadOnlySpan<byte> secondName, ref int second)
    {
        if (!Take((byte)'{'))
        {
            return Value(1);
        }

        SkipSpace();
        if (Take((byte)'}'))
        {
            return true;
        }

        var seen = 0;
        while (true)
        {
            if (!Key(out var name))
            {
                return false;
            }

            var which = name.SequenceEqual(firstName) ? 1 : name.SequenceEqual(secondName) ? 2 : 0;
            if ((seen & which) != 0)
            {
                return false;
            }

            seen |= which;
            if (which == 0)
            {
                if (!Value(2))
                {
                    return false;
                }
            }
            else if (!(which == 1 ? PairValue(ref first) : PairValue(ref second)))
            {
                return false;
            }

            if (!AfterMember(out var end))
            {
                return false;
            }

            if (end)
            {
                return true;
            }
        }
    }

    private bool PairValue(ref int id)
    {
        if (Peek() != (byte)'"')
        {
            id = Interned.Null;
            return Value(2);
        }

        _pos++;
        if (!StringBody(out var text, out var ascii) || (!ascii && !Utf8.IsValid(text)))
        {
            return false;
        }

        id = _strings.IdOf(text);
        return id != Interned.Null;
    }

    /// <summary>Any JSON value, validated and skipped.</summary>
    private bool Value(int depth)
    {
        switch (Peek())
        {
            case (byte)'"':
                _pos++;
                return StringBody(out var text, out var ascii) && (ascii || Utf8.IsValid(text));
            case (byte)'{':
                _pos++;
                return depth < MaxDepth && Members(depth + 1);
            case (byte)'[':
                _pos++;
                return depth < MaxDepth && Elements(depth + 1);
            case (byte)'t':
                return Literal("true"u8);
            case (byte)'f':
                return Literal("false"u8);
            case (byte)'n':
                return Literal("null"u8);
            default:
                return Number();
        }
    }

    private bool Members(int depth)
    {
        SkipSpace();
        if (Take((byte)'}'))
        {
            return true;
        }

        while (true)
        {
            if (!Key(out _) || !Value(depth) || !AfterMember(out var end))
            {
                return false;
            }

            if (end)
            {
                return true;
            }
        }
    }

    private bool Elements(int depth)
    {
        SkipSpace();
        if (Take((byte)']'))
        {
            return true;
        }

        while (true)
        {
            if (!Value(depth))
            {
                return false;
            }

            SkipSpace();
            if (Take((byte)']'))
            {
                return true;
            }

            if (!Take((byte)','))
            {
                return false;
            }

            SkipSpace();
        }
    }

    private bool Literal(ReadOnlySpan<byte> literal)
    {
        if (!_line[_pos..].StartsWith(literal))
        {
            return false;
        }

        _pos += literal.Length;
        return true;
    }

    /// <summary>A number as RFC 8259 writes it: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private bool Number()
    {
        var line = _line;
        var pos = _pos;
        if (pos < line.Length && line[pos] == (byte)'-')
        {
            pos++;
        }

        if (pos >= line.Length || !IsDigit(line[pos]))
        {
            return false;
        }

        if (line[pos] == (byte)'0')
        {
            pos++;
        }
        else
        {
            pos = Digits(line, pos);
        }

        if (pos < line.Length && line[pos] == (byte)'.')
        {
            var start = ++pos;
            pos = Digits(line, pos);
            if (pos == start)
            {
                return false;
            }
        }

        if (pos < line.Length && (line[pos] | 0x20) == (byte)'e')
        {
            pos++;
            if (pos < line.Length && line[pos] is (byte)'+' or (byte)'-')
            {
                pos++;
            }

            var start = pos;
            pos = Digits(line, pos);
            if (pos == start)
            {
                return false;
            }
        }

        _pos = pos;
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> line, int pos)
    {
        while ((uint)pos < (uint)line.Length && IsDigit(line[pos]))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>
    /// The rest of a string whose opening quote is read: its bytes, and whether they are all ASCII.
    /// False (unsure) for an escape, a control character or no closing quote.
    /// </summary>
    private bool StringBody(out ReadOnlySpan<byte> text, out bool ascii)
    {
        var line = _line;
        var start = _pos;
        var pos = start;
        ascii = true;
        while ((uint)pos < (uint)line.Length)
        {
            var b = line[pos];
            if (b == (byte)'"')
            {
                text = line[start..pos];
                _pos = pos + 1;
                return true;
            }

            if (b is < 0x20 or (byte)'\\')
            {
                break;
            }

            if (b >= 0x80)
            {
                ascii = false;
            }

            pos++;
        }

        text = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipSpace()
    {
        while ((uint)_pos < (uint)_line.Length && _line[_pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _pos++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Peek() => (uint)_pos < (uint)_line.Length ? _line[_pos] : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Take(byte expected)
    {
        if ((uint)_pos < (uint)_line.Length && _line[_pos] == expected)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [Flags]
    private enum TopField : byte
    {
        None = 0,
        UserId = 1,
        EventTime = 2,
        Page = 4,
        Source = 8,
        Technical = 16,

        // Unknown keys may repeat: never recorded in the seen set.
        Other = 32,
    }
}
