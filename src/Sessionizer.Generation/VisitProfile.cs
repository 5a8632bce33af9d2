namespace Sessionizer.Generation;

/// <summary>
/// What stays the same for every event of one visit, already written as the JSON fragments of a
/// line, so that an event costs a few copies: <see cref="Head"/> (<c>{"visit_id":"…"</c>),
/// <see cref="UserId"/> (<c>,"user_id":N</c>) and <see cref="Tail"/> (<c>,"source":…,"keep_private":b}</c>).
/// </summary>
internal sealed class VisitProfile(byte[] bytes, int userIdStart, int tailStart, VisitAnomaly anomaly)
{
    public ReadOnlySpan<byte> Head => bytes.AsSpan(0, userIdStart);

    public ReadOnlySpan<byte> UserId => bytes.AsSpan(userIdStart, tailStart - userIdStart);

    public ReadOnlySpan<byte> Tail => bytes.AsSpan(tailStart);

    public int Length => bytes.Length;

    public VisitAnomaly Anomaly => anomaly;
}
