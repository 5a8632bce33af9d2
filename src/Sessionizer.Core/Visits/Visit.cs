namespace Sessionizer.Core.Visits;

/// <summary>
/// One page visit of one user: the unit the session rules work on. A 32-byte struct of two numbers
/// and two interned references, so millions of them live in one array without an object per event.
/// </summary>
public readonly struct Visit : IEquatable<Visit>
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

    public static bool operator ==(Visit left, Visit right) => left.Equals(right);

    public static bool operator !=(Visit left, Visit right) => !left.Equals(right);

    public bool Equals(Visit other) =>
        UserId == other.UserId && EventTimeMs == other.EventTimeMs && string.Equals(Page, other.Page, StringComparison.Ordinal)
        && FromState == other.FromState && Metadata.Equals(other.Metadata);

    public override bool Equals(object? obj) => obj is Visit other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(UserId, EventTimeMs, Page, FromState);

    public override string ToString() => $"Visit {{ UserId = {UserId}, EventTimeMs = {EventTimeMs}, Page = {Page}, {Metadata}, FromState = {FromState} }}";
}
