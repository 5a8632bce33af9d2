using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Sessions;

/// <summary>
/// The session rules of docs/reference.md §3 over one window's visits: the previous state's pages and the new
/// events, sorted, deduplicated, split into sessions and each session closed or kept active.
/// </summary>
/// <remarks>
/// Named for the whole of that process (it was SessionGenerator): a session splitter would name only
/// its last step, and "generation" is the log generator's word (<c>sessionizer generate</c>).
/// </remarks>
public static class Sessionization
{
    /// <summary>
    /// Sorts visits by user and canonical order, then removes duplicates in place (a page of the
    /// previous state wins, then the first in canonical order). Returns how many visits remain at
    /// the front of the span.
    /// </summary>
    public static int SortAndDeduplicate(Span<Visit> visits, Vocabulary vocabulary) => SortAndDeduplicate(visits, vocabulary, sorter: null);

    /// <summary>As <see cref="SortAndDeduplicate(Span{Visit}, Vocabulary)"/>, sorting with <paramref name="sorter"/>'s buffers when given.</summary>
    public static int SortAndDeduplicate(Span<Visit> visits, Vocabulary vocabulary, VisitSorter? sorter)
    {
        // VisitOrder: user, then canonical order, state first among equals.
        if (sorter is null)
        {
            vocabulary.Order.Sort(visits);
        }
        else
        {
            sorter.Sort(visits, vocabulary.Order);
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
    public static void Split(ReadOnlyMemory<Visit> visits, Vocabulary vocabulary, SessionRules rules, Window window, Action<Session> emit)
    {
        var span = visits.Span;
        var start = 0;
        for (var i = 1; i <= span.Length; i++)
        {
            var userEnds = i == span.Length || span[i].UserId != span[start].UserId;
            if (userEnds)
            {
                emit(new Session(visits[start..i], CloseLast(span[start..i], vocabulary, rules, window), vocabulary));
                start = i;
                continue;
            }

            var previous = span[i - 1];
            if (rules.IsClosingPage(vocabulary.PageOf(previous)))
            {
                emit(new Session(visits[start..i], EndReason.ClosingAction, vocabulary));
                start = i;
            }
            else if (span[i].EventTimeMs - previous.EventTimeMs > rules.InactivityTimeoutMs)
            {
                emit(new Session(visits[start..i], EndReason.Inactivity, vocabulary));
                start = i;
            }
        }
    }

    /// <summary>Whether the user's last session closes in this window, and why (docs/reference.md §3.5).</summary>
    private static EndReason? CloseLast(ReadOnlySpan<Visit> pages, Vocabulary vocabulary, SessionRules rules, Window window)
    {
        var first = pages[0].EventTimeMs;
        var last = pages[^1].EventTimeMs;
        if (rules.IsClosingPage(vocabulary.PageOf(pages[^1])))
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
