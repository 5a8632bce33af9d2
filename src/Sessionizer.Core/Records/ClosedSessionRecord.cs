using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Records;

/// <summary>The closed-session record, the product downstream teams consume (docs/reference.md §4.2).</summary>
public static class ClosedSessionRecord
{
    /// <summary>
    /// Writes one record and its line feed: the bytes Utf8JsonWriter writes field by field (compact),
    /// strings in the form of <see cref="JsonText"/> (RecordWriterDifferentialTests).
    /// </summary>
    public static void Write(JsonLineBuffer o, in Session session, Window window)
    {
        var pages = session.Pages.Span;
        var metadata = session.Metadata;
        Span<byte> id = stackalloc byte[32];
        SessionId.Write(session.UserId, session.StartMs, id);

        o.Raw("{\"session_id\":\""u8);
        o.Raw(id);
        o.Raw("\",\"user_id\":"u8);
        o.Number(session.UserId);
        o.Raw(",\"start\":"u8);
        o.Timestamp(session.StartMs);
        o.Raw(",\"end\":"u8);
        o.Timestamp(session.EndMs);
        o.Raw(",\"duration_ms\":"u8);
        o.Number(session.EndMs - session.StartMs);
        o.Raw(",\"event_count\":"u8);
        o.Number(pages.Length);
        o.Raw(",\"entry_page\":"u8);
        o.String(session.Vocabulary, pages[0].PageId);
        o.Raw(",\"exit_page\":"u8);
        o.String(session.Vocabulary, pages[^1].PageId);
        o.Raw(",\"pages\":["u8);
        for (var i = 0; i < pages.Length; i++)
        {
            WritePage(o, session.Vocabulary, pages, i);
        }

        o.Raw("],\"site\":"u8);
        o.String(metadata.Site);
        o.Raw(",\"api_version\":"u8);
        o.String(metadata.ApiVersion);
        o.Raw(",\"browser\":"u8);
        o.String(metadata.Browser);
        o.Raw(",\"language\":"u8);
        o.String(metadata.Language);
        o.Raw(",\"end_reason\":"u8);
        o.String(session.EndReason!.Value.Code());
        o.Raw(",\"window\":\""u8);
        Span<byte> text = stackalloc byte[Timestamps.Length];
        Timestamps.Format(window.StartMs, text);
        o.Raw(text[..13]); // yyyy-MM-ddTHH
        o.Raw("\"}\n"u8);
    }

    /// <summary>One element of <c>pages</c>, the bulk of the file: written into one reserved span.</summary>
    private static void WritePage(JsonLineBuffer o, Vocabulary vocabulary, ReadOnlySpan<Visit> pages, int i)
    {
        var quoted = o.Quoted(vocabulary, pages[i].PageId);
        var span = o.Reserve(PageBytes + quoted.Length);
        var at = JsonLineBuffer.Put(span, 0, i == 0 ? "{\"event_time\":"u8 : ",{\"event_time\":"u8);
        at = o.PutTimestamp(span, at, pages[i].EventTimeMs);
        at = JsonLineBuffer.Put(span, at, ",\"page\":"u8);
        at = JsonLineBuffer.Put(span, at, quoted);
        at = JsonLineBuffer.Put(span, at, ",\"time_on_page_ms\":"u8);
        at = i + 1 < pages.Length
            ? JsonLineBuffer.PutNumber(span, at, pages[i + 1].EventTimeMs - pages[i].EventTimeMs)
            : JsonLineBuffer.Put(span, at, "null"u8);
        at = JsonLineBuffer.Put(span, at, "}"u8);
        o.Advance(at);
    }

    // The fixed part of a page element at its longest: ",{"event_time":" + timestamp + ","page":" +
    // ","time_on_page_ms":" + a 20-character number + "}".
    private const int PageBytes = 16 + JsonLineBuffer.QuotedTimestampLength + 8 + 19 + 20 + 1;
}
