using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Sessions;

/// <summary>
/// The session rules of docs/reference.md §3 over one window's visits: the previous state's pages and the new
/// events, sorted, deduplicated, split into sessions and each session closed or kept active.
/// </summary>
public static class SessionGenerator
{
    /// <summary>
    /// Sorts visits by user and canonical order, then removes duplicates in place (a page of the
    /// previous state wins, then the first in canonical order). Returns how many visits remain at
    /// the front of the span.
    /// </summary>
    public static int SortAndDeduplicate(Span<Visit> visits) => SortAndDeduplicate(visits, sorter: null);

    /// <summary>As <see cref="SortAndDeduplicate(Span{Visit})"/>, sorting with <paramref name="sorter"/>'s buffers when given.</summary>
    public static int SortAndDeduplicate(Span<Visit> visits, VisitSorter? sorter)
    {
        // Visit.CompareTo: user, then canonical order, state first among equals.
        if (sorter is null)
        {
            visits.Sort();
        }
        else
        {
            sorter.Sort(visits);
        }

        if (visits.Length == 0)
        {
            return 0;
        }

        var kept = 1;
        for (var i = 1; i < visits.Length; i++)
        {
            if (!visits[kept - 1].IsDuplicateOf(visits[i]))
            {
                visits[kept++] = visits[i];
            }
        }

        return kept;
    }

    /// <summary>
    /// Splits sorted, deduplicated visits (any number of users) into sessions, in user then time
    /// order, and hands each to <paramref name="emit"/>. Runs in O(n) over the visits.
    /// </summary>
    public static void Generate(ReadOnlyMemory<Visit> visits, SessionRules rules, Window window, Action<Session> emit)
    {
        var span = visits.Span;
        var start = 0;
        for (var i = 1; i <= span.Length; i++)
        {
            var userEnds = i == span.Length || span[i].UserId != span[start].UserId;
            if (userEnds)
            {
                emit(new Session(visits[start..i], CloseLast(span[start..i], rules, window)));
                start = i;
                continue;
            }

            var previous = span[i - 1];
            if (rules.IsClosingPage(previous.Page))
            {
                emit(new Session(visits[start..i], EndReason.ClosingAction));
                start = i;
            }
            else if (span[i].EventTimeMs - previous.EventTimeMs > rules.InactivityTimeoutMs)
            {
                emit(new Session(visits[start..i], EndReason.Inactivity));
                start = i;
            }
        }
    }

    /// <summary>Whether the user's last session closes in this window, and why (docs/reference.md §3.5).</summary>
    private static EndReason? CloseLast(ReadOnlySpan<Visit> pages, SessionRules rules, Window window)
    {
        var first = pages[0].EventTimeMs;
        var last = pages[^1].EventTimeMs;
        if (rules.IsClosingPage(pages[^1].Page))
        {
            return EndReason.ClosingAction;
        }

        if (last + rules.InactivityTimeoutMs < window.EndMs)
        {
            return EndReason.Inactivity;
        }

        return last - first >= rules.MaxSessionDurationMs ? EndReason.MaxDuration : null;
    }
}
