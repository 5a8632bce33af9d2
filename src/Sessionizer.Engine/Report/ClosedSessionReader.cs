using System.Buffers.Text;
using System.Text.Json;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;

namespace Sessionizer.Engine.Report;

/// <summary>What reading a closed-sessions part found: its records, and the size and SHA-256 of the file.</summary>
internal sealed record PartRead(long Records, long Bytes, string Sha256);

/// <summary>
/// Reads closed-session parts (gzip JSON Lines, docs/reference.md §4.2) into <see cref="SessionStats"/>,
/// streaming, in a buffer of about the longest line. Only the fields the report needs are
/// decoded. A line in the writer's form (its fields in their fixed order, compact) is read by a
/// scan that relies on that form: the <c>pages</c> array, most of the bytes, is passed over by
/// finding <c>],"site":</c> from the end of the line, which cannot occur inside a JSON string (a
/// raw <c>"</c> is always escaped there) nor after the array. Any other line is read by
/// <see cref="Utf8JsonReader"/>; a line that is not a closed session fails the part
/// (<see cref="InvalidDataException"/>, naming the line).
/// </summary>
internal static class ClosedSessionReader
{
    internal const int DefaultBufferSize = 1 << 20;

    /// <summary>Reads one part file, hashing its (compressed) bytes on the way.</summary>
    /// <exception cref="InvalidDataException">Not gzip, cut short, or a line that is not a closed session.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PartRead ReadPart(string path, SessionStats stats, CancellationToken cancel = default)
    {
        using var hashing = new HashingStream(RegularFile.OpenRead(path, 1 << 16, FileOptions.SequentialScan), ownsInner: true);
        using var gzip = new CheckedGzipStream(hashing); // GZipStream alone reads a cut file as a shorter one
        var records = ReadLines(gzip, stats, DefaultBufferSize, cancel);
        hashing.ReadToEnd();
        return new PartRead(records, hashing.Bytes, hashing.HashHex());
    }

    /// <summary>Reads JSON Lines of closed sessions from <paramref name="text"/> (decompressed); returns the number of records.</summary>
    internal static long ReadLines(Stream text, SessionStats stats, int bufferSize, CancellationToken cancel = default)
    {
        var buffer = new byte[bufferSize];
        var scratch = new Scratch();
        int start = 0, end = 0, scanned = 0;
        long lines = 0, records = 0;
        while (true)
        {
            while (true)
            {
                var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    scanned = end;
                    break;
                }

                lines++;
                records += Line(buffer.AsSpan(start, scanned + newline - start), lines, stats, scratch);
                start = scanned += newline + 1;
            }

            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                scanned -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
            }

            cancel.ThrowIfCancellationRequested();
            var read = text.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                break;
            }

            end += read;
        }

        if (end > start)
        {
            records += Line(buffer.AsSpan(start, end - start), lines + 1, stats, scratch); // a last line without its line feed
        }

        return records;
    }

    /// <summary>Counts one line; returns 1 for a record, 0 for a blank line.</summary>
    private static int Line(ReadOnlySpan<byte> line, long number, SessionStats stats, Scratch scratch)
    {
        if (line.IsEmpty || line.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            return 0;
        }

        var fields = default(Fields);
        if (TryWriterForm(line, ref fields))
        {
            stats.Durations.Add(fields.DurationMs);
            stats.EventCounts.Add(fields.EventCount);
            Count(stats.EntryPages, fields.Entry, scratch);
            Count(stats.ExitPages, fields.Exit, scratch);
            Count(stats.Sites, fields.Site, scratch);
            Count(stats.Browsers, fields.Browser, scratch);
        }
        else
        {
            ReadAnyForm(line, number, stats);
        }

        return 1;
    }

    /// <summary>The fields the report needs; strings as their JSON tokens, quotes included (<c>null</c> for null).</summary>
    private ref struct Fields
    {
        public long DurationMs;
        public long EventCount;
        public ReadOnlySpan<byte> Entry;
        public ReadOnlySpan<byte> Exit;
        public ReadOnlySpan<byte> Site;
        public ReadOnlySpan<byte> Browser;
    }

    /// <summary>Reads a line written by ClosedSessionRecord (fixed field order, compact); false for anything else.</summary>
    private static bool TryWriterForm(ReadOnlySpan<byte> s, ref Fields f)
    {
        var p = 0;
        if (!(Literal(s, ref p, "{\"session_id\":"u8) && String(s, ref p, out _)
              && Literal(s, ref p, ",\"user_id\":"u8) && Integer(s, ref p, out _)
              && Literal(s, ref p, ",\"start\":"u8) && String(s, ref p, out _)
              && Literal(s, ref p, ",\"end\":"u8) && String(s, ref p, out _)
              && Literal(s, ref p, ",\"duration_ms\":"u8) && Integer(s, ref p, out f.DurationMs)
              && Literal(s, ref p, ",\"event_count\":"u8) && Integer(s, ref p, out f.EventCount)
              && Literal(s, ref p, ",\"entry_page\":"u8) && String(s, ref p, out f.Entry)
              && Literal(s, ref p, ",\"exit_page\":"u8) && String(s, ref p, out f.Exit)
              && Literal(s, ref p, ",\"pages\":["u8)))
        {
            return false;
        }

        // The pages array ends at the last (and only) `],"site":` of the line.
        var site = s.LastIndexOf("],\"site\":"u8);
        if (site < p)
        {
            return false;
        }

        p = site + 9;
        return StringOrNull(s, ref p, out f.Site)
               && Literal(s, ref p, ",\"api_version\":"u8) && StringOrNull(s, ref p, out _)
               && Literal(s, ref p, ",\"browser\":"u8) && StringOrNull(s, ref p, out f.Browser)
               && Literal(s, ref p, ",\"language\":"u8) && StringOrNull(s, ref p, out _)
               && Literal(s, ref p, ",\"end_reason\":"u8) && String(s, ref p, out _)
               && Literal(s, ref p, ",\"window\":"u8) && String(s, ref p, out _)
               && Literal(s, ref p, "}"u8) && p == s.Length;
    }

    private static bool Literal(ReadOnlySpan<byte> s, scoped ref int p, ReadOnlySpan<byte> literal)
    {
        if (!s[p..].StartsWith(literal))
        {
            return false;
        }

        p += literal.Length;
        return true;
    }

    private static bool Integer(ReadOnlySpan<byte> s, scoped ref int p, out long value)
    {
        if (p < s.Length && s[p] is >= (byte)'0' and <= (byte)'9' && Utf8Parser.TryParse(s[p..], out value, out var length))
        {
            p += length;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A JSON string token, quotes included: the closing quote is the first one not escaped by a backslash.</summary>
    private static bool String(ReadOnlySpan<byte> s, scoped ref int p, out ReadOnlySpan<byte> token)
    {
        token = default;
        if (p >= s.Length || s[p] != '"')
        {
            return false;
        }

        var at = p + 1;
        while (true)
        {
            var next = s[at..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return false;
            }

            at += next;
            if (s[at] == '"')
            {
                token = s[p..(at + 1)];
                p = at + 1;
                return true;
            }

            at += 2; // a backslash and the character it escapes (for \uXXXX, the hex digits are plain)
            if (at >= s.Length)
            {
                return false;
            }
        }
    }

    private static bool StringOrNull(ReadOnlySpan<byte> s, scoped ref int p, out ReadOnlySpan<byte> token)
    {
        if (s[p..].StartsWith("null"u8))
        {
            token = "null"u8;
            p += 4;
            return true;
        }

        return String(s, ref p, out token);
    }

    /// <summary>Counts a string token of the writer's form (or <c>null</c>); unescapes it only when it holds a backslash.</summary>
    private static void Count(ValueCounter counter, ReadOnlySpan<byte> token, Scratch scratch)
    {
        if (token[0] != '"')
        {
            counter.AddNull();
            return;
        }

        var text = token[1..^1];
        if (text.IndexOf((byte)'\\') < 0)
        {
            counter.AddUtf8(text);
            return;
        }

        var reader = new Utf8JsonReader(token);
        reader.Read();
        if (scratch.Bytes.Length < token.Length)
        {
            scratch.Bytes = new byte[token.Length * 2];
        }

        counter.AddUtf8(scratch.Bytes.AsSpan(0, reader.CopyString(scratch.Bytes)));
    }

    /// <summary>Any JSON object with the fields of a closed session, in any order and spacing.</summary>
    private static void ReadAnyForm(ReadOnlySpan<byte> line, long number, SessionStats stats)
    {
        long? duration = null, events = null;
        string? entry = null, exit = null, site = null, browser = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidDataException($"line {number}: not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("duration_ms"u8))
                {
                    duration = Number(ref reader);
                }
                else if (reader.ValueTextEquals("event_count"u8))
                {
                    events = Number(ref reader);
                }
                else if (reader.ValueTextEquals("entry_page"u8))
                {
                    entry = Text(ref reader, nullable: false);
                }
                else if (reader.ValueTextEquals("exit_page"u8))
                {
                    exit = Text(ref reader, nullable: false);
                }
                else if (reader.ValueTextEquals("site"u8))
                {
                    site = Text(ref reader, nullable: true);
                }
                else if (reader.ValueTextEquals("browser"u8))
                {
                    browser = Text(ref reader, nullable: true);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                throw new InvalidDataException($"line {number}: more after the object");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"line {number}: not JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"line {number}: a field of the wrong type ({e.Message})", e);
        }

        if (duration is null || events is null || entry is null || exit is null)
        {
            throw new InvalidDataException($"line {number}: not a closed session (duration_ms, event_count, entry_page or exit_page missing)");
        }

        stats.Durations.Add(duration.Value);
        stats.EventCounts.Add(events.Value);
        stats.EntryPages.Add(entry);
        stats.ExitPages.Add(exit);
        Add(stats.Sites, site);
        Add(stats.Browsers, browser);

        static void Add(ValueCounter counter, string? value)
        {
            if (value is null)
            {
                counter.AddNull();
            }
            else
            {
                counter.Add(value);
            }
        }
    }

    private static long Number(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetInt64();
    }

    private static string? Text(ref Utf8JsonReader reader, bool nullable)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null && nullable
            ? null
            : reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new InvalidOperationException($"a string was expected, not {reader.TokenType}");
    }

    /// <summary>A buffer for unescaped strings, grown as needed.</summary>
    private sealed class Scratch
    {
        public byte[] Bytes { get; set; } = new byte[1024];
    }
}
