using System.Globalization;
using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>Builds visits and sessions for the tests, and serializes records to text.</summary>
internal static class TestData
{
    /// <summary>The metadata of the examples of docs/reference.md §4.</summary>
    public static readonly VisitMetadata Firefox = new("mysite.com", "v3", "Firefox", "en");

    /// <summary>An instant written as ISO-8601 with an offset, in epoch milliseconds.</summary>
    public static long Ms(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None).ToUnixTimeMilliseconds();

    /// <summary>A new event of window 2019-01-28: <paramref name="time"/> is <c>HH:mm:ss</c> or <c>HH:mm:ss.fff</c>.</summary>
    public static Visit At(string time, string page, long user = 1, VisitMetadata? metadata = null) =>
        new(user, Ms($"2019-01-28T{time}Z"), page, metadata ?? Firefox);

    /// <summary>A page of the previous window's active session.</summary>
    public static Visit StateAt(string time, string page, long user = 1, VisitMetadata? metadata = null) =>
        At(time, page, user, metadata) with { FromState = true };

    public static SessionRules Rules(TimeSpan? timeout = null, TimeSpan? maxDuration = null, params string[] closingPages) =>
        new(timeout ?? TimeSpan.FromMinutes(5), maxDuration ?? TimeSpan.FromHours(24), closingPages);

    /// <summary>Runs the session rules over a copy of <paramref name="visits"/>, as the engine does.</summary>
    public static List<Session> Sessionize(IEnumerable<Visit> visits, Window window, SessionRules? rules = null)
    {
        var array = visits.ToArray();
        var kept = SessionGenerator.SortAndDeduplicate(array);
        var sessions = new List<Session>();
        SessionGenerator.Generate(array.AsMemory(0, kept), rules ?? Rules(), window, sessions.Add);
        return sessions;
    }

    public static string ClosedJson(Session session, Window window)
    {
        using var buffer = new JsonLineBuffer();
        ClosedSessionRecord.Write(buffer, session, window);
        return Line(buffer);
    }

    public static string ActiveJson(Session session, SessionRules? rules = null)
    {
        using var buffer = new JsonLineBuffer();
        ActiveSessionRecord.Write(buffer, session, rules ?? Rules());
        return Line(buffer);
    }

    /// <summary>Every session as its record: closed ones with the window, active ones as state.</summary>
    public static string Serialize(IEnumerable<Session> sessions, Window window, SessionRules rules) =>
        string.Join("\n", sessions.Select(s => s.IsActive ? "A " + ActiveJson(s, rules) : "C " + ClosedJson(s, window)));

    public static string[] Pages(Session session) => session.Pages.ToArray().Select(v => v.Page).ToArray();

    private static string Line(JsonLineBuffer buffer)
    {
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1];
    }
}
