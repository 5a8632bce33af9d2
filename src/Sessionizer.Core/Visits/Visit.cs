namespace Sessionizer.Core.Visits;

/// <summary>
/// One page visit of one user: the unit the session rules work on. A small struct with interned
/// strings, so millions of them live in one array without an object per event.
/// </summary>
/// <param name="UserId">The user, &gt; 0.</param>
/// <param name="EventTimeMs">The visit's instant in epoch milliseconds (UTC).</param>
/// <param name="Page">The page visited (<c>page.current</c>), interned.</param>
/// <param name="Metadata">Site, API version, browser and language, interned.</param>
/// <param name="FromState">Whether the visit is a page of the previous window's active session.</param>
public readonly record struct Visit(long UserId, long EventTimeMs, string Page, VisitMetadata Metadata, bool FromState = false);
