namespace Sessionizer.Generation;

/// <summary>
/// Writes one event as a JSON line in the reference generator's field order: visit_id, event_time,
/// user_id, page{previous,current}, source, user, technical, keep_private.
/// </summary>
internal static class LineFormatter
{
    /// <summary>Bytes a line needs beyond its visit's fixed fragments: time, pages, keys and line feed.</summary>
    public const int MaxVariableBytes = 192;

    public static int Write(in GeneratedEvent e, Span<byte> destination, EventTimeText time)
    {
        var w = new SpanWriter(destination);
        w.Write(e.Visit.Head);
        if (e.Damage != LineDamage.MissingEventTime)
        {
            w.Write(",\"event_time\":\""u8);
            time.Write(e.TimeMs, w.Reserve(EventTimeText.Length));
            w.Write((byte)'"');
        }

        if (e.Damage != LineDamage.MissingUserId)
        {
            w.Write(e.Visit.UserId);
        }

        if (e.Damage != LineDamage.MissingPage)
        {
            w.Write(",\"page\":{\"previous\":"u8);
            w.Write(e.Previous < 0 ? "null"u8 : SiteMap.QuotedNames[e.Previous]);
            w.Write(",\"current\":"u8);
            w.Write(SiteMap.QuotedNames[e.Page]);
            w.Write((byte)'}');
        }

        w.Write(e.Visit.Tail);
        var length = w.Position;
        if (e.Damage == LineDamage.Truncated)
        {
            // Keep at least '{' and drop at least the final '}': an unclosed object, never valid JSON.
            length = 1 + ((length - 2) * e.Cut / 256);
        }

        destination[length] = (byte)'\n';
        return length + 1;
    }
}
