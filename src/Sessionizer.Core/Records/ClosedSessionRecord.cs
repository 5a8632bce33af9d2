using System.Text.Json;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;

namespace Sessionizer.Core.Records;

/// <summary>The closed-session record, the product downstream teams consume (SPEC §4).</summary>
public static class ClosedSessionRecord
{
    public static void Write(Utf8JsonWriter json, in Session session, Window window)
    {
        var pages = session.Pages.Span;
        var metadata = session.Metadata;
        Span<byte> id = stackalloc byte[32];
        SessionId.Write(session.UserId, session.StartMs, id);

        json.WriteStartObject();
        json.WriteString("session_id"u8, id);
        json.WriteNumber("user_id"u8, session.UserId);
        Timestamps.Write(json, "start"u8, session.StartMs);
        Timestamps.Write(json, "end"u8, session.EndMs);
        json.WriteNumber("duration_ms"u8, session.EndMs - session.StartMs);
        json.WriteNumber("event_count"u8, pages.Length);
        json.WriteString("entry_page"u8, pages[0].Page);
        json.WriteString("exit_page"u8, pages[^1].Page);
        json.WriteStartArray("pages"u8);
        for (var i = 0; i < pages.Length; i++)
        {
            json.WriteStartObject();
            Timestamps.Write(json, "event_time"u8, pages[i].EventTimeMs);
            json.WriteString("page"u8, pages[i].Page);
            if (i + 1 < pages.Length)
            {
                json.WriteNumber("time_on_page_ms"u8, pages[i + 1].EventTimeMs - pages[i].EventTimeMs);
            }
            else
            {
                json.WriteNull("time_on_page_ms"u8);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteNullable(json, "site"u8, metadata.Site);
        WriteNullable(json, "api_version"u8, metadata.ApiVersion);
        WriteNullable(json, "browser"u8, metadata.Browser);
        WriteNullable(json, "language"u8, metadata.Language);
        json.WriteString("end_reason"u8, session.EndReason!.Value.Code());
        json.WriteString("window"u8, window.ToString());
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
