using Sessionizer.Core.Text;
namespace Sessionizer.Core.Visits;

/// <summary>
/// One page visit of one user: the unit the session rules work on. A 24-byte struct of numbers
/// only (the page and metadata are ids in the process's interning table), so an array of hundreds
/// of millions of visits holds no object reference for the garbage collector to trace.
/// </summary>
/// <remarks>
/// Visits sort by user, then in canonical order (docs/reference.md §3.3): event time, page, then metadata
/// (by code point, null first). Among visits with the same (user, time, page), pages of the previous
/// state come first, so that deduplication keeps them (docs/reference.md §3.2). The order is the struct's own
/// <see cref="CompareTo"/>, so that sorting inlines it.
/// </remarks>
public readonly struct Visit : IEquatable<Visit>, IComparable<Visit>
{
    private readonly int _page;

    // The metadata id shifted left by one; the low bit is 1 for a new event and 0 for a page of the
    // previous state, so that state sorts first.
    private readonly int _tag;

    /// <param name="userId">The user, &gt; 0.</param>
    /// <param name="eventTimeMs">The visit's instant in epoch milliseconds (UTC).</param>
    /// <param name="page">The page visited (<c>page.current</c>).</param>
    /// <param name="metadata">Site, API version, browser and language.</param>
    /// <param name="fromState">Whether the visit is a page of the previous window's active session.</param>
    public Visit(long userId, long eventTimeMs, string page, VisitMetadata metadata, bool fromState = false)
        : this(userId, eventTimeMs, Interned.IdOf(page), Interned.MetadataIdOf(metadata), fromState)
    {
    }

    internal Visit(long userId, long eventTimeMs, int pageId, int metadataId, bool fromState)
    {
        UserId = userId;
        EventTimeMs = eventTimeMs;
        _page = pageId;
        _tag = (metadataId << 1) | (fromState ? 0 : 1);
    }

    public long UserId { get; init; }

    public long EventTimeMs { get; init; }

    /// <summary>The interned id of <see cref="Page"/>.</summary>
    internal int PageId => _page;

    public string Page
    {
        get => Interned.StringOf(_page);
        init => _page = Interned.IdOf(value);
    }

    public VisitMetadata Metadata
    {
        get => Interned.MetadataOf(_tag >> 1);
        init => _tag = (Interned.MetadataIdOf(value) << 1) | (_tag & 1);
    }

    /// <summary>Whether the visit is a page of the previous window's active session (it wins over a duplicate new event).</summary>
    public bool FromState
    {
        get => (_tag & 1) == 0;
        init => _tag = (_tag & ~1) | (value ? 0 : 1);
    }

    public static bool operator ==(Visit left, Visit right) => left.Equals(right);

    public static bool operator !=(Visit left, Visit right) => !left.Equals(right);

    public static bool operator <(Visit left, Visit right) => left.CompareTo(right) < 0;

    public static bool operator >(Visit left, Visit right) => left.CompareTo(right) > 0;

    public static bool operator <=(Visit left, Visit right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Visit left, Visit right) => left.CompareTo(right) >= 0;

    /// <summary>Same user, millisecond and page: one of the two is dropped (docs/reference.md §3.2).</summary>
    public bool IsDuplicateOf(in Visit other) => UserId == other.UserId && EventTimeMs == other.EventTimeMs && _page == other._page;

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

        if (_page != other._page)
        {
            return CodePointOrder.Compare(Page, other.Page);
        }

        if (_tag == other._tag)
        {
            return 0;
        }

        c = (_tag & 1).CompareTo(other._tag & 1);
        return c != 0 ? c : VisitMetadata.Compare(Metadata, other.Metadata);
    }

    public bool Equals(Visit other) =>
        UserId == other.UserId && EventTimeMs == other.EventTimeMs && _page == other._page && _tag == other._tag;

    public override bool Equals(object? obj) => obj is Visit other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(UserId, EventTimeMs, _page, _tag);

    public override string ToString() => $"Visit {{ UserId = {UserId}, EventTimeMs = {EventTimeMs}, Page = {Page}, {Metadata}, FromState = {FromState} }}";
}
