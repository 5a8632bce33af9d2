using System.Text;
using System.Text.Json;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using static Sessionizer.Core.Tests.TestData;

namespace Sessionizer.Core.Tests;

public class SessionizationTests : VocabularyTests
{
    private static readonly Window W10 = Window.Parse("2019-01-28T10");

    private static readonly VisitMetadata Chrome = new("other.com", "v2", "Chrome", "fr");

    private static long?[] TimesOnPage(Session session, Window window)
    {
        using var doc = JsonDocument.Parse(ClosedJson(session, window));
        return doc.RootElement.GetProperty("pages").EnumerateArray()
            .Select(p => p.GetProperty("time_on_page_ms") is { ValueKind: JsonValueKind.Number } t ? t.GetInt64() : (long?)null)
            .ToArray();
    }

    private static string ClosedField(Session session, Window window, string field)
    {
        using var doc = JsonDocument.Parse(ClosedJson(session, window));
        return doc.RootElement.GetProperty(field).ToString();
    }

    // ---- Split: the inactivity timeout ----

    [Fact]
    public void A_gap_of_exactly_the_timeout_continues_the_session()
    {
        var sessions = Sessionize([At("10:10:00", "a"), At("10:15:00", "b")], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(["a", "b"], Pages(session));
    }

    [Fact]
    public void A_gap_of_the_timeout_plus_one_millisecond_splits_the_session()
    {
        var sessions = Sessionize([At("10:10:00", "a"), At("10:15:00.001", "b")], W10);

        Assert.Equal(2, sessions.Count);
        Assert.Equal(["a"], Pages(sessions[0]));
        Assert.Equal(EndReason.Inactivity, sessions[0].EndReason);
        Assert.Equal(["b"], Pages(sessions[1]));
    }

    [Fact]
    public void A_gap_of_the_timeout_minus_one_millisecond_continues_the_session()
    {
        var sessions = Sessionize([At("10:10:00", "a"), At("10:14:59.999", "b")], W10);

        Assert.Equal(["a", "b"], Pages(Assert.Single(sessions)));
    }

    [Fact]
    public void The_timeout_is_the_rules_parameter_not_a_constant()
    {
        var rules = Rules(timeout: TimeSpan.FromSeconds(90));

        Assert.Single(Sessionize([At("10:10:00", "a"), At("10:11:30", "b")], W10, rules));
        Assert.Equal(2, Sessionize([At("10:10:00", "a"), At("10:11:30.001", "b")], W10, rules).Count);
        Assert.Equal(2, Sessionize([At("10:10:00", "a"), At("10:14:00", "b")], W10, rules).Count);
    }

    // ---- Close at the window end ----

    [Fact]
    public void A_session_whose_timeout_ends_one_millisecond_before_the_window_end_is_closed_for_inactivity()
    {
        // last + T = 10:59:59.999 = windowEnd - 1 ms: no event of a later window can continue it.
        var sessions = Sessionize([At("10:50:00", "a"), At("10:54:59.999", "b")], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(EndReason.Inactivity, session.EndReason);
        Assert.False(session.IsActive);
    }

    [Fact]
    public void A_session_whose_timeout_ends_exactly_at_the_window_end_stays_active()
    {
        // last + T = 11:00:00.000 = windowEnd: an event at 11:00:00.000 of the next window would continue it.
        var sessions = Sessionize([At("10:50:00", "a"), At("10:55:00", "b")], W10);

        var session = Assert.Single(sessions);
        Assert.Null(session.EndReason);
        Assert.True(session.IsActive);
    }

    [Fact]
    public void An_event_after_the_window_end_is_processed_like_any_other_and_keeps_its_session_active()
    {
        var sessions = Sessionize([At("10:58:00", "a"), At("11:02:00", "b")], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(["a", "b"], Pages(session));
        Assert.Null(session.EndReason);
    }

    [Fact]
    public void All_but_the_last_of_a_users_sessions_in_a_window_are_closed_for_inactivity()
    {
        var sessions = Sessionize(
            [At("10:00:00", "a"), At("10:10:00", "b"), At("10:12:00", "c"), At("10:30:00", "d"), At("10:58:00", "e")], W10);

        Assert.Equal(4, sessions.Count);
        Assert.Equal(["a"], Pages(sessions[0]));
        Assert.Equal(["b", "c"], Pages(sessions[1]));
        Assert.Equal(["d"], Pages(sessions[2]));
        Assert.Equal(["e"], Pages(sessions[3]));
        Assert.All(sessions.Take(3), s => Assert.Equal(EndReason.Inactivity, s.EndReason));
        Assert.Null(sessions[3].EndReason);
    }

    [Fact]
    public void Users_are_sessionized_separately_and_emitted_in_user_order()
    {
        var sessions = Sessionize(
        [
            At("10:10:00", "u10-a", user: 10), At("10:10:30", "u9-a", user: 9),
            At("10:58:00", "u9-b", user: 9), At("10:12:00", "u10-b", user: 10), At("10:11:00", "u2", user: 2),
        ], W10);

        Assert.Equal([2L, 9L, 9L, 10L], sessions.Select(s => s.UserId));
        Assert.Equal(["u2"], Pages(sessions[0]));
        Assert.Equal(["u9-a"], Pages(sessions[1]));
        Assert.Equal(EndReason.Inactivity, sessions[1].EndReason);
        Assert.Equal(["u9-b"], Pages(sessions[2]));
        Assert.Null(sessions[2].EndReason);
        Assert.Equal(["u10-a", "u10-b"], Pages(sessions[3]));
    }

    [Fact]
    public void No_visits_give_no_sessions()
    {
        Assert.Empty(Sessionize([], W10));
    }

    // ---- Previous state ----

    [Fact]
    public void The_previous_state_is_extended_by_a_new_event_within_the_timeout()
    {
        var sessions = Sessionize([StateAt("09:57:00", "a"), StateAt("09:58:00", "b"), At("10:03:00", "c")], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(["a", "b", "c"], Pages(session));
        Assert.Equal([true, true, false], session.Pages.ToArray().Select(v => v.FromState));
        Assert.Equal(EndReason.Inactivity, session.EndReason);
    }

    [Fact]
    public void The_previous_state_of_a_user_without_new_events_is_closed_for_inactivity()
    {
        var sessions = Sessionize([StateAt("09:57:00", "a"), StateAt("09:58:00", "b"), At("10:58:00", "other", user: 2)], W10);

        Assert.Equal(2, sessions.Count);
        Assert.Equal(1, sessions[0].UserId);
        Assert.Equal(["a", "b"], Pages(sessions[0]));
        Assert.Equal(EndReason.Inactivity, sessions[0].EndReason);
        Assert.Equal(Ms("2019-01-28T09:57:00Z"), sessions[0].StartMs);
        Assert.Null(sessions[1].EndReason);
    }

    [Fact]
    public void The_previous_state_is_closed_and_a_new_session_opened_when_the_first_new_event_is_more_than_the_timeout_later()
    {
        var sessions = Sessionize([StateAt("09:58:00", "a"), At("10:03:00.001", "b"), At("10:57:00", "c")], W10);

        Assert.Equal(3, sessions.Count);
        Assert.Equal(["a"], Pages(sessions[0]));
        Assert.True(sessions[0].Pages.Span[0].FromState);
        Assert.Equal(EndReason.Inactivity, sessions[0].EndReason);
        Assert.Equal(["b"], Pages(sessions[1]));
        Assert.Equal(EndReason.Inactivity, sessions[1].EndReason);
        Assert.Equal(["c"], Pages(sessions[2]));
        Assert.Null(sessions[2].EndReason);
    }

    [Fact]
    public void A_new_event_exactly_the_timeout_after_the_state_continues_it_across_the_window_boundary()
    {
        var sessions = Sessionize([StateAt("09:58:00", "a"), At("10:03:00", "b")], W10);

        Assert.Equal(["a", "b"], Pages(Assert.Single(sessions)));
    }

    [Fact]
    public void A_late_event_is_merged_into_the_state_in_time_order_and_no_time_on_page_is_negative()
    {
        // The new event is older than the state's last page, within T of both neighbours.
        var sessions = Sessionize([StateAt("09:56:00", "a"), StateAt("09:59:00", "c"), At("09:57:30", "b")], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(["a", "b", "c"], Pages(session));
        Assert.Equal(EndReason.Inactivity, session.EndReason);
        var times = TimesOnPage(session, W10);
        Assert.Equal([90_000L, 90_000L, null], times);
        Assert.All(times.Take(2), t => Assert.True(t >= 0));
        Assert.Equal("180000", ClosedField(session, W10, "duration_ms"));
    }

    [Fact]
    public void A_late_event_that_becomes_the_first_event_gives_the_session_its_start_and_metadata()
    {
        var sessions = Sessionize([StateAt("09:58:00", "a", metadata: Firefox), At("09:55:00", "z", metadata: Chrome)], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(["z", "a"], Pages(session));
        Assert.Equal(Ms("2019-01-28T09:55:00Z"), session.StartMs);
        Assert.Equal(Chrome, session.Metadata);
        Assert.Equal("other.com", ClosedField(session, W10, "site"));
        Assert.Equal("Chrome", ClosedField(session, W10, "browser"));
        Assert.Equal("z", ClosedField(session, W10, "entry_page"));
        Assert.Equal(SessionId.Of(1, Ms("2019-01-28T09:55:00Z")), ClosedField(session, W10, "session_id"));
    }

    // ---- Duplicates ----

    [Fact]
    public void Duplicate_new_events_of_the_same_user_millisecond_and_page_are_dropped()
    {
        Visit[] visits = [At("10:10:00", "a"), At("10:10:00", "a"), At("10:10:00", "a", user: 2), At("10:10:00.001", "a"), At("10:10:00", "a")];

        var kept = Sessionization.SortAndDeduplicate(visits, Vocabulary);

        Assert.Equal(3, kept);
        Assert.Equal(
            [(1L, Ms("2019-01-28T10:10:00Z")), (1L, Ms("2019-01-28T10:10:00.001Z")), (2L, Ms("2019-01-28T10:10:00Z"))],
            visits.Take(kept).Select(v => (v.UserId, v.EventTimeMs)));
    }

    [Fact]
    public void Among_duplicate_new_events_the_first_in_canonical_order_is_kept()
    {
        // Canonical order after (time, page): site, api_version, browser, language, ordinal, null first.
        var siteB = new VisitMetadata("b.com", "v1", "Firefox", "en");
        var siteNull = new VisitMetadata(null, "v9", "Zeta", "zz");
        var siteA = new VisitMetadata("a.com", "v1", "Firefox", "en");
        var siteAv0 = new VisitMetadata("a.com", "v0", "Firefox", "en");

        var withNull = Sessionize([At("10:10:00", "p", metadata: siteB), At("10:10:00", "p", metadata: siteNull), At("10:10:00", "p", metadata: siteA)], W10);
        var withoutNull = Sessionize([At("10:10:00", "p", metadata: siteB), At("10:10:00", "p", metadata: siteA), At("10:10:00", "p", metadata: siteAv0)], W10);

        Assert.Equal(siteNull, MetadataOf(Assert.Single(Assert.Single(withNull).Pages.ToArray())));
        Assert.Equal(siteAv0, MetadataOf(Assert.Single(Assert.Single(withoutNull).Pages.ToArray())));
    }

    [Fact]
    public void A_new_event_that_duplicates_a_page_of_the_previous_state_is_dropped_and_the_state_copy_kept()
    {
        var stateMetadata = new VisitMetadata("state.com", "v3", "Firefox", "en");
        // VisitMetadata.None would come first in canonical order: only the state's precedence keeps the state copy.
        var sessions = Sessionize(
            [At("09:58:00", "a", metadata: VisitMetadata.None), StateAt("09:58:00", "a", metadata: stateMetadata), At("10:01:00", "b", metadata: Chrome)], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(["a", "b"], Pages(session));
        var first = session.Pages.Span[0];
        Assert.True(first.FromState);
        Assert.Equal(stateMetadata, MetadataOf(first));
        Assert.Equal(stateMetadata, session.Metadata);
        Assert.Equal("state.com", ClosedField(session, W10, "site"));
    }

    [Fact]
    public void Different_pages_at_the_same_millisecond_are_all_kept_in_ordinal_page_order()
    {
        var sessions = Sessionize([At("10:10:00", "b"), At("10:10:00", "é"), At("10:10:00", "a"), At("10:10:00", "B"), At("10:10:00", "a ")], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(["B", "a", "a ", "b", "é"], Pages(session));
        Assert.Equal([0L, 0L, 0L, 0L, null], TimesOnPage(session, W10));
    }

    [Fact]
    public void A_state_page_and_a_new_event_of_another_page_at_the_same_millisecond_are_both_kept()
    {
        var sessions = Sessionize([At("09:58:00", "a"), StateAt("09:58:00", "b")], W10);

        Assert.Equal(["a", "b"], Pages(Assert.Single(sessions)));
    }

    // ---- Closing pages ----

    [Fact]
    public void A_closing_page_ends_the_session_and_the_next_event_starts_a_new_one()
    {
        var rules = Rules(closingPages: "logout");

        var sessions = Sessionize([At("10:10:00", "home"), At("10:11:00", "logout"), At("10:12:00", "home")], W10, rules);

        Assert.Equal(2, sessions.Count);
        Assert.Equal(["home", "logout"], Pages(sessions[0]));
        Assert.Equal(EndReason.ClosingAction, sessions[0].EndReason);
        Assert.Equal("closing_action", ClosedField(sessions[0], W10, "end_reason"));
        Assert.Equal(["home"], Pages(sessions[1]));
        Assert.Equal(EndReason.Inactivity, sessions[1].EndReason);
    }

    [Fact]
    public void A_closing_page_at_the_end_of_the_window_closes_the_session_instead_of_keeping_it_active()
    {
        var rules = Rules(closingPages: ["logout", "quit"]);

        var sessions = Sessionize([At("10:58:00", "home"), At("10:59:00", "quit")], W10, rules);

        Assert.Equal(EndReason.ClosingAction, Assert.Single(sessions).EndReason);
    }

    [Fact]
    public void Without_closing_pages_a_logout_is_an_ordinary_page()
    {
        var sessions = Sessionize([At("10:58:00", "logout"), At("10:59:00", "home")], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(["logout", "home"], Pages(session));
        Assert.Null(session.EndReason);
    }

    // ---- Maximum duration ----

    /// <summary>A session from <paramref name="first"/> (state, 09:58 or so) with an event every 4 minutes from 10:02 to 10:58.</summary>
    private List<Visit> LongSession(string first)
    {
        var visits = new List<Visit> { StateAt(first, "start") };
        for (var minute = 2; minute <= 58; minute += 4)
        {
            visits.Add(At($"10:{minute:00}:00", "p"));
        }

        return visits;
    }

    [Fact]
    public void A_session_active_at_the_window_end_that_has_lasted_the_maximum_duration_is_closed()
    {
        var rules = Rules(maxDuration: TimeSpan.FromHours(1));

        var sessions = Sessionize(LongSession("09:58:00"), W10, rules);

        var session = Assert.Single(sessions);
        Assert.Equal(3_600_000, session.EndMs - session.StartMs);
        Assert.Equal(EndReason.MaxDuration, session.EndReason);
        Assert.Equal("max_duration", ClosedField(session, W10, "end_reason"));
    }

    [Fact]
    public void A_session_active_at_the_window_end_just_under_the_maximum_duration_stays_active()
    {
        var rules = Rules(maxDuration: TimeSpan.FromHours(1));

        var sessions = Sessionize(LongSession("09:58:00.001"), W10, rules);

        var session = Assert.Single(sessions);
        Assert.Equal(3_599_999, session.EndMs - session.StartMs);
        Assert.Null(session.EndReason);
    }

    [Fact]
    public void A_long_session_that_can_no_longer_continue_is_closed_for_inactivity()
    {
        var rules = Rules(maxDuration: TimeSpan.FromMinutes(30));

        var sessions = Sessionize([At("10:00:00", "a"), At("10:04:00", "b"), At("10:08:00", "c"), At("10:12:00", "d"), At("10:16:00", "e"), At("10:20:00", "f"), At("10:24:00", "g"), At("10:28:00", "h"), At("10:32:00", "i")], W10, rules);

        Assert.Equal(EndReason.Inactivity, Assert.Single(sessions).EndReason);
    }

    [Fact]
    public void The_default_rules_are_five_minutes_and_24_hours_without_closing_pages()
    {
        Assert.Equal(300_000, SessionRules.Default.InactivityTimeoutMs);
        Assert.Equal(86_400_000, SessionRules.Default.MaxSessionDurationMs);
        Assert.Empty(SessionRules.Default.ClosingPages);
        Assert.False(SessionRules.Default.IsClosingPage("logout"));
    }

    // ---- Metadata ----

    [Fact]
    public void A_session_takes_the_metadata_of_its_first_event()
    {
        var sessions = Sessionize([At("10:11:00", "b", metadata: Chrome), At("10:10:00", "a", metadata: Firefox)], W10);

        var session = Assert.Single(sessions);
        Assert.Equal(Firefox, session.Metadata);
        Assert.Equal("mysite.com", ClosedField(session, W10, "site"));
        Assert.Equal("Firefox", ClosedField(session, W10, "browser"));
    }

    // ---- Determinism ----

    [Fact]
    public void Shuffling_the_input_changes_no_output()
    {
        var rules = Rules(maxDuration: TimeSpan.FromMinutes(40), closingPages: "logout");
        var meta2 = new VisitMetadata(null, "v1", null, "de");
        List<Visit> visits =
        [
            StateAt("09:56:00", "a"), StateAt("09:59:00", "c"), At("09:57:30", "b", metadata: Chrome), At("09:59:00", "c", metadata: meta2),
            At("10:03:00", "d"), At("10:03:00", "D"), At("10:03:00", "d", metadata: meta2), At("10:30:00", "e", metadata: meta2),
            At("10:31:00", "logout"), At("10:32:00", "f"), At("10:58:00", "g"),
            StateAt("09:59:30", "x", user: 2, metadata: meta2), At("10:01:00", "y", user: 2, metadata: Chrome),
            At("10:20:00", "z", user: 3), At("10:20:00", "z", user: 3, metadata: Chrome), At("10:20:00", "z", user: 3, metadata: VisitMetadata.None),
            At("10:57:00", "w", user: 3),
        ];
        for (var minute = 19; minute <= 59; minute += 4)
        {
            visits.Add(At($"10:{minute:00}:00", "bot", user: 4, metadata: meta2));
        }

        var expected = Serialize(Sessionize(visits, W10, rules), W10, rules);
        Assert.Contains("\"end_reason\":\"closing_action\"", expected, StringComparison.Ordinal);
        Assert.Contains("\"end_reason\":\"max_duration\"", expected, StringComparison.Ordinal);
        Assert.Contains("\"isActive\":true", expected, StringComparison.Ordinal);

        var random = new Random(20190128);
        for (var round = 0; round < 50; round++)
        {
            var shuffled = visits.ToArray();
            random.Shuffle(shuffled);

            Assert.Equal(expected, Serialize(Sessionize(shuffled, W10, rules), W10, rules));
        }
    }

    // ---- The reference scenario (docs/reference.md §4 examples) ----

    [Fact]
    public void Reference_scenario_over_two_windows()
    {
        var parser = new VisitParser(Vocabulary);
        Visit Parse(string eventTime, string page)
        {
            var line =
                $$$"""{"visit_id":"v","event_time":"{{{eventTime}}}","user_id":1,"keep_private":false,"page":{"current":"{{{page}}}","previous":"home"},""" +
                $$$""" "source":{"site":"mysite.com","api_version":"v3"},"user":{"ip":"198.51.100.7"},"technical":{"browser":"Firefox","os":{"name":"Linux"},"lang":"en","network":"adsl"}}""";
            Assert.Equal(LineKind.Visit, parser.Parse(Encoding.UTF8.GetBytes(line), out var visit, out _));
            return visit;
        }

        var rules = SessionRules.Default;

        // Window 2019-01-28T10.
        var w10 = Window.Parse("2019-01-28T10");
        var first = Sessionize([Parse("2019-01-28T10:59:25Z", "category 20"), Parse("2019-01-28T10:26:45Z", "category 18")], w10, rules);

        Assert.Equal(2, first.Count);
        var closed = first[0];
        Assert.Equal(["category 18"], Pages(closed));
        Assert.Equal(EndReason.Inactivity, closed.EndReason);
        Assert.Equal(SessionId.Of(1, 1_548_671_205_000), ClosedField(closed, w10, "session_id"));
        Assert.Equal("2019-01-28T10", ClosedField(closed, w10, "window"));
        var active = first[1];
        Assert.Equal(["category 20"], Pages(active));
        Assert.True(active.IsActive);
        var state = ActiveJson(active, rules);
        Assert.Equal(
            """{"userId":1,"visitedPages":[{"eventTime":1548673165000,"pageName":"category 20"}],"browser":"Firefox","language":"en","site":"mysite.com","apiVersion":"v3","expirationTimeMillisUtc":1548673465000,"isActive":true}""",
            state);

        // Window 2019-01-28T11 reads that state back.
        var w11 = w10.Next;
        var visits = new List<Visit>();
        Assert.True(ActiveSessionRecord.Read(Encoding.UTF8.GetBytes(state), parser.Vocabulary, visits));
        Assert.All(visits, v => Assert.True(v.FromState));
        visits.Add(Parse("2019-01-28T11:02:45Z", "category 22"));

        var second = Sessionize(visits, w11, rules);

        var session = Assert.Single(second);
        Assert.DoesNotContain(second, s => s.IsActive);
        Assert.Equal(["category 20", "category 22"], Pages(session));
        Assert.Equal(EndReason.Inactivity, session.EndReason);
        Assert.Equal([200_000L, null], TimesOnPage(session, w11));
        using var doc = JsonDocument.Parse(ClosedJson(session, w11));
        var root = doc.RootElement;
        Assert.Equal(200_000, root.GetProperty("duration_ms").GetInt64());
        Assert.Equal(2, root.GetProperty("event_count").GetInt32());
        Assert.Equal("2019-01-28T10:59:25.000Z", root.GetProperty("start").GetString());
        Assert.Equal("2019-01-28T11:02:45.000Z", root.GetProperty("end").GetString());
        Assert.Equal("category 20", root.GetProperty("entry_page").GetString());
        Assert.Equal("category 22", root.GetProperty("exit_page").GetString());
        Assert.Equal("Firefox", root.GetProperty("browser").GetString());
        Assert.Equal("inactivity", root.GetProperty("end_reason").GetString());
        Assert.Equal("2019-01-28T11", root.GetProperty("window").GetString());
        Assert.Equal(SessionId.Of(1, 1_548_673_165_000), root.GetProperty("session_id").GetString());
    }
}
