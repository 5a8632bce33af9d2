namespace Sessionizer.Core.Visits;

/// <summary>
/// One page visit of one user: the unit the session rules work on. A 32-byte struct of two numbers
/// and two interned references, so millions of them live in one array without an object per event.
/// </summary>
/// <remarks>
/// Visits sort by user, then in canonical order (SPEC §3.3): event time, page, then metadata
/// (ordinal, null first). Among visits with the same (user, time, page), pages of the previous
/// state come first, so that deduplication keeps them (SPEC §3.2). The order is the struct's own
/// <see cref="CompareTo"/>, so that sorting inlines it.
/// </remarks>
public readonly struct Visit : IEquatable<Visit>, IComparable<Visit>
{
    // The previous-state flag travels as the metadata's twin instance (see VisitMetadata).
    private readonly VisitMetadata _metadata;

    /// <param name="userId">The user, &gt; 0.</param>
    /// <param name="eventTimeMs">The visit's instant in epoch milliseconds (UTC).</param>
    /// <param name="page">The page visited (<c>page.current</c>), interned.</param>
    /// <param name="metadata">Site, API version, browser and language, interned.</param>
    /// <param name="fromState">Whether the visit is a page of the previous window's active session.</param>
    public Visit(long userId, long eventTimeMs, string page, VisitMetadata metadata, bool fromState = false)
    {
        UserId = userId;
        EventTimeMs = eventTimeMs;
        Page = page;
        _metadata = fromState ? metadata.AsState : metadata.AsNew;
    }

    public long UserId { get; init; }

    public long EventTimeMs { get; init; }

    public string Page { get; init; }

    public VisitMetadata Metadata
    {
        get => _metadata.AsNew;
        init => _metadata = FromState ? value.AsState : value.AsNew;
    }

    /// <summary>Whether the visit is a page of the previous window's active session (it wins over a duplicate new event).</summary>
    public bool FromState
    {
        get => _metadata.IsStateTwin;
        init => _metadata = value ? _metadata.AsState : _metadata.AsNew;
    }

    public int CompareTo(Visit other)
    {
        var c = UserId.CompareTo(other.UserId);
        if (c != 0)
        {
            return c;
        }

        c = EventTimeMs.CompareTo(other.EventTimeMs);
        if (c != 0)
        {
            return c;
        }

        if (!ReferenceEquals(Page, other.Page))
        {
            c = string.CompareOrdinal(Page, other.Page);
            if (c != 0)
            {
                return c;
            }
        }

        c = other.FromState.CompareTo(FromState);
        return c != 0 ? c : VisitMetadata.Compare(_metadata, other._metadata);
    }

    public static bool operator <(Visit left, Visit right) => left.CompareTo(right) < 0;

    public static bool operator >(Visit left, Visit right) => left.CompareTo(right) > 0;

    public static bool operator <=(Visit left, Visit right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Visit left, Visit right) => left.CompareTo(right) >= 0;

    public static bool operator ==(Visit left, Visit right) => left.Equals(right);

    public static bool operator !=(Visit left, Visit right) => !left.Equals(right);

    public bool Equals(Visit other) =>
        UserId == other.UserId && EventTimeMs == other.EventTimeMs && string.Equals(Page, other.Page, StringComparison.Ordinal)
        && FromState == other.FromState && Metadata.Equals(other.Metadata);

    public override bool Equals(object? obj) => obj is Visit other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(UserId, EventTimeMs, Page, FromState);

    public override string ToString() => $"Visit {{ UserId = {UserId}, EventTimeMs = {EventTimeMs}, Page = {Page}, {Metadata}, FromState = {FromState} }}";
}
