using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Sessions;

/// <summary>
/// Sorts visits by user, then in canonical order: event time, page, then metadata (ordinal, null
/// first). Among visits with the same (user, time, page), pages of the previous state come first,
/// so that deduplication keeps them (SPEC §3.2).
/// </summary>
public readonly struct VisitOrder : IComparer<Visit>
{
    public int Compare(Visit x, Visit y)
    {
        var c = x.UserId.CompareTo(y.UserId);
        if (c != 0)
        {
            return c;
        }

        c = x.EventTimeMs.CompareTo(y.EventTimeMs);
        if (c != 0)
        {
            return c;
        }

        if (!ReferenceEquals(x.Page, y.Page))
        {
            c = string.CompareOrdinal(x.Page, y.Page);
            if (c != 0)
            {
                return c;
            }
        }

        c = y.FromState.CompareTo(x.FromState);
        return c != 0 ? c : VisitMetadata.Compare(x.Metadata, y.Metadata);
    }

    /// <summary>Whether two visits are duplicates: same user, millisecond and page.</summary>
    public static bool AreDuplicates(in Visit x, in Visit y) =>
        x.UserId == y.UserId && x.EventTimeMs == y.EventTimeMs && string.Equals(x.Page, y.Page, StringComparison.Ordinal);
}
