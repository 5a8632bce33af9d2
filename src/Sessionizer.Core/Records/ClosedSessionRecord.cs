using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;

namespace Sessionizer.Core.Records;

/// <summary>The closed-session record, the product downstream teams consume (SPEC §4).</summary>
public static class ClosedSessionRecord
{
    /// <summary>Writes one record and its line feed; the bytes are those Utf8JsonWriter would write (compact, relaxed escaping).</summary>
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
        o.String(pages[0].Page);
        o.Raw(",\"exit_page\":"u8);
        o.String(pages[^1].Page);
        o.Raw(",\"pages\":["u8);
        for (var i = 0; i < pages.Length; i++)
        {
            o.Raw(i == 0 ? "{\"event_time\":"u8 : ",{\"event_time\":"u8);
            o.Timestamp(pages[i].EventTimeMs);
            o.Raw(",\"page\":"u8);
            o.String(pages[i].Page);
            o.Raw(",\"time_on_page_ms\":"u8);
            if (i + 1 < pages.Length)
            {
                o.Number(pages[i + 1].EventTimeMs - pages[i].EventTimeMs);
            }
            else
            {
                o.Raw("null"u8);
            }

            o.Raw("}"u8);
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
}
