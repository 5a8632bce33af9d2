using System.Globalization;
using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>Values for the tests, and records serialized to text; visits are made by <see cref="VocabularyTests"/>.</summary>
internal static class TestData
{
    /// <summary>The metadata of the examples of docs/reference.md §4.</summary>
    public static readonly VisitMetadata Firefox = new("mysite.com", "v3", "Firefox", "en");

    /// <summary>An instant written as ISO-8601 with an offset, in epoch milliseconds.</summary>
    public static long Ms(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None).ToUnixTimeMilliseconds();

    public static SessionRules Rules(TimeSpan? timeout = null, TimeSpan? maxDuration = null, params string[] closingPages) =>
        new(timeout ?? TimeSpan.FromMinutes(5), maxDuration ?? TimeSpan.FromHours(24), closingPages);

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

    private static string Line(JsonLineBuffer buffer)
    {
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1];
    }
}
