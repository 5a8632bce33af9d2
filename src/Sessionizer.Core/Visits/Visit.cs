namespace Sessionizer.Core.Visits;

/// <summary>
/// One page visit of one user: the unit the session rules work on. A 24-byte struct of numbers
/// only: the page and metadata are ids in the run's <see cref="Vocabulary"/>, which alone can say
/// what they are (<see cref="Vocabulary.PageOf"/>, <see cref="Vocabulary.MetadataOf(in Visit)"/>) and
/// how two visits order (<see cref="Vocabulary.Order"/>). So an array of hundreds of millions of
/// visits holds no object reference for the garbage collector to trace.
/// </summary>
/// <remarks>
/// Equality is by ids, which is equality of values within one vocabulary. Visits are made by a
/// vocabulary (<see cref="Vocabulary.Visit"/>) or by the parsers that share one.
/// </remarks>
public readonly struct Visit : IEquatable<Visit>
{
    private readonly int _page;

    // The metadata id shifted left by one; the low bit is 1 for a new event and 0 for a page of the
    // previous state, so that state sorts first.
    private readonly int _tag;

    internal Visit(long userId, long eventTimeMs, int pageId, int metadataId, bool fromState)
    {
        UserId = userId;
        EventTimeMs = eventTimeMs;
        _page = pageId;
        _tag = (metadataId << 1) | (fromState ? 0 : 1);
    }

    /// <summary>The user, &gt; 0.</summary>
    public long UserId { get; init; }

    /// <summary>The visit's instant in epoch milliseconds (UTC).</summary>
    public long EventTimeMs { get; init; }

    /// <summary>Whether the visit is a page of the previous window's active session (it wins over a duplicate new event).</summary>
    public bool FromState
    {
        get => (_tag & 1) == 0;
        init => _tag = (_tag & ~1) | (value ? 0 : 1);
    }

    /// <summary>The vocabulary id of the page (<c>page.current</c>).</summary>
    internal int PageId => _page;

    /// <summary>The vocabulary id of the site, API version, browser and language.</summary>
    internal int MetadataId => _tag >> 1;

    /// <summary>The metadata id and the new-event bit: equal tags, equal metadata and origin.</summary>
    internal int Tag => _tag;

    public static bool operator ==(Visit left, Visit right) => left.Equals(right);

    public static bool operator !=(Visit left, Visit right) => !left.Equals(right);

    /// <summary>Same user, millisecond and page: one of the two is dropped (docs/reference.md §3.2).</summary>
    public bool IsDuplicateOf(in Visit other) => UserId == other.UserId && EventTimeMs == other.EventTimeMs && _page == other._page;

    public bool Equals(Visit other) =>
        UserId == other.UserId && EventTimeMs == other.EventTimeMs && _page == other._page && _tag == other._tag;

    public override bool Equals(object? obj) => obj is Visit other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(UserId, EventTimeMs, _page, _tag);

    public override string ToString() => $"Visit {{ UserId = {UserId}, EventTimeMs = {EventTimeMs}, PageId = {_page}, MetadataId = {MetadataId}, FromState = {FromState} }}";
}
