using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using static Sessionizer.Core.Tests.TestData;

namespace Sessionizer.Core.Tests;

/// <summary>
/// A test class whose visits and sessions belong to its own <see cref="Vocabulary"/>: xunit makes an
/// instance per test, so no two tests share one.
/// </summary>
public abstract class VocabularyTests
{
    protected Vocabulary Vocabulary { get; } = new();

    /// <summary>A new event of window 2019-01-28: <paramref name="time"/> is <c>HH:mm:ss</c> or <c>HH:mm:ss.fff</c>.</summary>
    protected Visit At(string time, string page, long user = 1, VisitMetadata? metadata = null) =>
        Vocabulary.Visit(user, Ms($"2019-01-28T{time}Z"), page, metadata ?? Firefox);

    /// <summary>A page of the previous window's active session.</summary>
    protected Visit StateAt(string time, string page, long user = 1, VisitMetadata? metadata = null) =>
        At(time, page, user, metadata) with { FromState = true };

    protected Session SessionOf(ReadOnlyMemory<Visit> pages, EndReason? endReason) => new(pages, endReason, Vocabulary);

    /// <summary>Runs the session rules over a copy of <paramref name="visits"/>, as the engine does.</summary>
    protected List<Session> Sessionize(IEnumerable<Visit> visits, Window window, SessionRules? rules = null)
    {
        var array = visits.ToArray();
        var kept = Sessionization.SortAndDeduplicate(array, Vocabulary);
        var sessions = new List<Session>();
        Sessionization.Split(array.AsMemory(0, kept), Vocabulary, rules ?? Rules(), window, sessions.Add);
        return sessions;
    }

    protected string PageOf(Visit visit) => Vocabulary.PageOf(visit);

    protected VisitMetadata MetadataOf(Visit visit) => Vocabulary.MetadataOf(visit);

    protected string[] Pages(Session session) => session.Pages.ToArray().Select(PageOf).ToArray();
}
