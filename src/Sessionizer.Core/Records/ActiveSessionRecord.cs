using System.Text.Json;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Records;

/// <summary>
/// The active-session record: the state one window hands the next. Field names are those of the
/// reference Spark job's <c>SessionIntermediaryState</c>, null fields omitted, so state written by
/// either job can be read by the other.
/// </summary>
public static class ActiveSessionRecord
{
    /// <summary>
    /// Writes one record and its line feed: the bytes Utf8JsonWriter writes field by field (compact, null
    /// metadata omitted), strings in the form of <see cref="JsonText"/> (RecordWriterDifferentialTests).
    /// </summary>
    public static void Write(JsonLineBuffer o, in Session session, SessionRules rules)
    {
        var pages = session.Pages.Span;
        var metadata = session.Metadata;
        o.Raw("{\"userId\":"u8);
        o.Number(session.UserId);
        o.Raw(",\"visitedPages\":["u8);
        for (var i = 0; i < pages.Length; i++)
        {
            o.Raw(i == 0 ? "{\"eventTime\":"u8 : ",{\"eventTime\":"u8);
            o.Number(pages[i].EventTimeMs);
            o.Raw(",\"pageName\":"u8);
            o.String(session.Vocabulary, pages[i].PageId);
            o.Raw("}"u8);
        }

        o.Raw("]"u8);
        WriteIfPresent(o, ",\"browser\":"u8, metadata.Browser);
        WriteIfPresent(o, ",\"language\":"u8, metadata.Language);
        WriteIfPresent(o, ",\"site\":"u8, metadata.Site);
        WriteIfPresent(o, ",\"apiVersion\":"u8, metadata.ApiVersion);
        o.Raw(",\"expirationTimeMillisUtc\":"u8);
        o.Number(session.EndMs + rules.InactivityTimeoutMs);
        o.Raw(",\"isActive\":true}\n"u8);
    }

    private static void WriteIfPresent(JsonLineBuffer o, ReadOnlySpan<byte> namePart, string? value)
    {
        if (value is not null)
        {
            o.Raw(namePart);
            o.String(value);
        }
    }

    /// <summary>
    /// Reads one active-session line and adds its pages to <paramref name="visits"/> as visits of
    /// the previous state, each carrying the session's metadata. Returns false for a record marked
    /// <c>"isActive": false</c> (a closed session: not state), adding nothing.
    /// </summary>
    /// <exception cref="StateFormatException">The line is not a valid active-session record.</exception>
    public static bool Read(ReadOnlySpan<byte> line, Vocabulary vocabulary, List<Visit> visits)
    {
        try
        {
            return ReadRecord(line, vocabulary, visits);
        }
        catch (JsonException e)
        {
            throw new StateFormatException($"not valid JSON ({e.Message})");
        }
        catch (InvalidOperationException e)
        {
            throw new StateFormatException($"a field has the wrong type ({e.Message})");
        }
    }

    private static bool ReadRecord(ReadOnlySpan<byte> line, Vocabulary vocabulary, List<Visit> visits)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StateFormatException("not a JSON object");
        }

        long? userId = null;
        var isActive = true;
        string? site = null, apiVersion = null, browser = null, language = null;
        var pages = new List<(long Time, string Page)>();
        var sawPages = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "userId":
                    userId = reader.TryGetInt64(out var id) && id > 0 ? id : throw new StateFormatException("userId is not an integer > 0");
                    break;
                case "visitedPages":
                    sawPages = true;
                    ReadPages(ref reader, vocabulary, pages);
                    break;
                case "browser":
                    browser = OptionalString(ref reader, vocabulary);
                    break;
                case "language":
                    language = OptionalString(ref reader, vocabulary);
                    break;
                case "site":
                    site = OptionalString(ref reader, vocabulary);
                    break;
                case "apiVersion":
                    apiVersion = OptionalString(ref reader, vocabulary);
                    break;
                case "isActive":
                    // Only a boolean: a string "false" read as true would revive a closed session, and an
                    // object or array would be read as if its fields were the record's.
                    isActive = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw new StateFormatException("isActive is not a boolean"),
                    };
                    break;
                default:
                    // expirationTimeMillisUtc is derived (last page + timeout), so it is recomputed, not trusted.
                    reader.Skip();
                    break;
            }
        }

        if (reader.Read())
        {
            throw new StateFormatException("more than one JSON value on the line");
        }

        if (userId is null)
        {
            throw new StateFormatException("userId is missing");
        }

        if (!sawPages || pages.Count == 0)
        {
            throw new StateFormatException("visitedPages is missing or empty");
        }

        if (!isActive)
        {
            return false;
        }

        var metadata = vocabulary.Metadata(site, apiVersion, browser, language);
        foreach (var (time, page) in pages)
        {
            visits.Add(vocabulary.Visit(userId.Value, time, page, metadata, fromState: true));
        }

        return true;
    }

    private static void ReadPages(ref Utf8JsonReader reader, Vocabulary vocabulary, List<(long, string)> pages)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new StateFormatException("visitedPages is not an array");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            long? time = null;
            string? page = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTime = reader.ValueTextEquals("eventTime"u8);
                var isPage = !isTime && reader.ValueTextEquals("pageName"u8);
                reader.Read();
                if (isTime)
                {
                    time = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var t) && Time.EventTime.IsInRange(t)
                        ? t
                        : throw new StateFormatException("a visited page's eventTime is not epoch milliseconds");
                }
                else if (isPage)
                {
                    page = reader.TokenType == JsonTokenType.String ? vocabulary.Intern(reader.GetString()!) : null;
                }
                else
                {
                    reader.Skip();
                }
            }

            if (time is null || string.IsNullOrEmpty(page))
            {
                throw new StateFormatException("a visited page lacks eventTime or pageName");
            }

            pages.Add((time.Value, page));
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new StateFormatException("visitedPages holds something other than page objects");
        }
    }

    private static string? OptionalString(ref Utf8JsonReader reader, Vocabulary vocabulary)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return vocabulary.Intern(reader.GetString()!);
        }

        reader.Skip();
        return null;
    }
}
