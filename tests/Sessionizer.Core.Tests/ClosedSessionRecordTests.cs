using System.Text.Json;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using static Sessionizer.Core.Tests.TestData;

namespace Sessionizer.Core.Tests;

public class ClosedSessionRecordTests : VocabularyTests
{
    private static readonly Window W10 = Window.Parse("2019-01-28T10");

    private Session SessionOf(EndReason reason, params Visit[] pages) => SessionOf(pages, reason);

    [Fact]
    public void A_one_page_session_is_written_exactly_as_the_spec_example()
    {
        var metadata = new VisitMetadata("mysite.com", "v3", "Mozilla Firefox 53", "en");
        var session = SessionOf(EndReason.Inactivity, At("10:26:45", "category 18", metadata: metadata));
        var id = SessionId.Of(1, 1_548_671_205_000);

        Assert.Equal(
            "{\"session_id\":\"" + id + "\",\"user_id\":1,\"start\":\"2019-01-28T10:26:45.000Z\",\"end\":\"2019-01-28T10:26:45.000Z\"," +
            "\"duration_ms\":0,\"event_count\":1,\"entry_page\":\"category 18\",\"exit_page\":\"category 18\"," +
            "\"pages\":[{\"event_time\":\"2019-01-28T10:26:45.000Z\",\"page\":\"category 18\",\"time_on_page_ms\":null}]," +
            "\"site\":\"mysite.com\",\"api_version\":\"v3\",\"browser\":\"Mozilla Firefox 53\",\"language\":\"en\"," +
            "\"end_reason\":\"inactivity\",\"window\":\"2019-01-28T10\"}",
            ClosedJson(session, W10));
    }

    [Fact]
    public void A_session_of_several_pages_has_times_on_page_duration_and_three_fraction_digits()
    {
        var session = SessionOf(
            EndReason.ClosingAction,
            At("10:00:00.007", "home", user: 42, metadata: VisitMetadata.None),
            At("10:00:01.070", "cart", user: 42, metadata: VisitMetadata.None),
            At("10:02:00.700", "logout", user: 42, metadata: VisitMetadata.None));
        var id = SessionId.Of(42, Ms("2019-01-28T10:00:00.007Z"));

        Assert.Equal(
            "{\"session_id\":\"" + id + "\",\"user_id\":42,\"start\":\"2019-01-28T10:00:00.007Z\",\"end\":\"2019-01-28T10:02:00.700Z\"," +
            "\"duration_ms\":120693,\"event_count\":3,\"entry_page\":\"home\",\"exit_page\":\"logout\"," +
            "\"pages\":[{\"event_time\":\"2019-01-28T10:00:00.007Z\",\"page\":\"home\",\"time_on_page_ms\":1063}," +
            "{\"event_time\":\"2019-01-28T10:00:01.070Z\",\"page\":\"cart\",\"time_on_page_ms\":119630}," +
            "{\"event_time\":\"2019-01-28T10:02:00.700Z\",\"page\":\"logout\",\"time_on_page_ms\":null}]," +
            "\"site\":null,\"api_version\":null,\"browser\":null,\"language\":null," +
            "\"end_reason\":\"closing_action\",\"window\":\"2019-01-28T10\"}",
            ClosedJson(session, W10));
    }

    [Fact]
    public void Text_outside_ASCII_is_written_as_UTF8_escaping_only_what_JSON_requires()
    {
        var page = "\U0001F600 caf\u00e9\u00a0\u2028 \"x\"\t";
        var session = SessionOf(EndReason.Inactivity, At("10:00:00", page, metadata: new VisitMetadata("s\U0001F680", null, null, null)));

        var json = ClosedJson(session, W10);

        Assert.Contains("\"entry_page\":\"\U0001F600 caf\u00e9\u00a0\u2028 \\\"x\\\"\\t\"", json, StringComparison.Ordinal);
        Assert.Contains("\"site\":\"s\U0001F680\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_metadata_is_written_as_null_one_field_at_a_time()
    {
        var session = SessionOf(EndReason.Inactivity, At("10:00:00", "a", metadata: new VisitMetadata(null, "v3", null, "en")));

        var json = ClosedJson(session, W10);

        Assert.Contains("\"site\":null,\"api_version\":\"v3\",\"browser\":null,\"language\":\"en\",", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EndReason.Inactivity, "inactivity")]
    [InlineData(EndReason.ClosingAction, "closing_action")]
    [InlineData(EndReason.MaxDuration, "max_duration")]
    public void The_end_reason_is_written_as_its_spec_code(EndReason reason, string code)
    {
        var session = SessionOf(reason, At("10:00:00", "a"));

        using var doc = JsonDocument.Parse(ClosedJson(session, W10));

        Assert.Equal(code, doc.RootElement.GetProperty("end_reason").GetString());
        Assert.Equal(code, reason.Code());
    }

    [Fact]
    public void The_window_is_the_window_that_closed_the_session_not_the_one_it_started_in()
    {
        var session = SessionOf(EndReason.Inactivity, StateAt("09:58:00", "a"), At("10:01:00", "b"));

        using var doc = JsonDocument.Parse(ClosedJson(session, W10));

        Assert.Equal("2019-01-28T10", doc.RootElement.GetProperty("window").GetString());
        Assert.Equal("2019-01-28T09:58:00.000Z", doc.RootElement.GetProperty("start").GetString());
    }

    [Fact]
    public void Non_ASCII_is_written_as_UTF8_and_quotes_are_escaped()
    {
        const string Page = "café \"déjà\" 日本 \\ end";
        var session = SessionOf(EndReason.Inactivity, At("10:00:00", Page, metadata: new VisitMetadata("ünï.com", null, null, null)));

        var json = ClosedJson(session, W10);

        Assert.Contains("\"page\":\"café \\\"déjà\\\" 日本 \\\\ end\"", json, StringComparison.Ordinal);
        Assert.Contains("\"site\":\"ünï.com\"", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(Page, doc.RootElement.GetProperty("entry_page").GetString());
    }

    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00.000Z")]
    [InlineData(1_548_671_205_001L, "2019-01-28T10:26:45.001Z")]
    [InlineData(1_548_671_205_010L, "2019-01-28T10:26:45.010Z")]
    [InlineData(1_548_671_205_100L, "2019-01-28T10:26:45.100Z")]
    [InlineData(-1L, "1969-12-31T23:59:59.999Z")]
    [InlineData(-62_135_596_800_000L, "0001-01-01T00:00:00.000Z")]
    [InlineData(253_402_300_799_999L, "9999-12-31T23:59:59.999Z")]
    public void Times_are_written_with_a_four_digit_year_and_always_three_fraction_digits(long epochMs, string expected)
    {
        Assert.Equal(expected, Timestamps.ToText(epochMs));

        var session = SessionOf(EndReason.Inactivity, Vocabulary.Visit(1, epochMs, "a", VisitMetadata.None));
        using var doc = JsonDocument.Parse(ClosedJson(session, W10));
        Assert.Equal(expected, doc.RootElement.GetProperty("start").GetString());
        Assert.Equal(expected, doc.RootElement.GetProperty("pages")[0].GetProperty("event_time").GetString());
    }

    [Fact]
    public void Two_records_in_one_buffer_are_two_lines()
    {
        using var buffer = new JsonLineBuffer();
        ClosedSessionRecord.Write(buffer, SessionOf(EndReason.Inactivity, At("10:00:00", "a")), W10);
        ClosedSessionRecord.Write(buffer, SessionOf(EndReason.Inactivity, At("10:00:00", "b", user: 2)), W10);

        var lines = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.Contains("\"entry_page\":\"a\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"user_id\":2,", lines[1], StringComparison.Ordinal);
    }
}
