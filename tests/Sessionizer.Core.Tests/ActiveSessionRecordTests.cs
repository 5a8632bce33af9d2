using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Visits;
using static Sessionizer.Core.Tests.TestData;

namespace Sessionizer.Core.Tests;

public class ActiveSessionRecordTests : VocabularyTests
{
    /// <summary>The example of docs/reference.md §4.3, in the form the reference Spark job writes.</summary>
    private const string ReferenceRecord =
        """{"userId":1,"visitedPages":[{"eventTime":1548673165000,"pageName":"category 20"}],"browser":"Firefox","language":"en","site":"mysite.com","apiVersion":"v3","expirationTimeMillisUtc":1548673465000,"isActive":true}""";

    private List<Visit> Read(string line, bool expectedActive = true)
    {
        var visits = new List<Visit>();
        Assert.Equal(expectedActive, ActiveSessionRecord.Read(Encoding.UTF8.GetBytes(line), Vocabulary, visits));
        return visits;
    }

    [Fact]
    public void An_active_session_is_written_exactly_as_the_spec_example()
    {
        var session = SessionOf(new[] { At("10:59:25", "category 20", metadata: Firefox) }, null);

        Assert.Equal(ReferenceRecord, ActiveJson(session, SessionRules.Default));
    }

    [Fact]
    public void An_emoji_is_written_as_UTF8_and_the_old_escaped_form_still_reads_as_the_same_page()
    {
        var session = SessionOf(new[] { At("10:59:25", "\U0001F600 home", metadata: Firefox) }, null);

        var json = ActiveJson(session, SessionRules.Default);
        var escaped = json.Replace("\U0001F600", "\\ud83d\\ude00", StringComparison.Ordinal);

        Assert.Contains("\"pageName\":\"\U0001F600 home\"", json, StringComparison.Ordinal);
        Assert.Equal(Read(json), Read(escaped));
        Assert.Equal("\U0001F600 home", PageOf(Read(escaped)[0]));
    }

    [Fact]
    public void Null_metadata_is_omitted_and_the_expiration_is_the_last_page_plus_the_timeout()
    {
        var session = SessionOf(
            new[] { At("10:50:00", "a", user: 7, metadata: new VisitMetadata("s", null, null, null)), At("10:59:00.5", "b", user: 7) },
            null);

        var json = ActiveJson(session, Rules(timeout: TimeSpan.FromSeconds(90)));

        Assert.Equal(
            "{\"userId\":7,\"visitedPages\":[{\"eventTime\":" + Ms("2019-01-28T10:50:00Z") + ",\"pageName\":\"a\"}," +
            "{\"eventTime\":" + Ms("2019-01-28T10:59:00.5Z") + ",\"pageName\":\"b\"}],\"site\":\"s\"," +
            "\"expirationTimeMillisUtc\":" + (Ms("2019-01-28T10:59:00.5Z") + 90_000) + ",\"isActive\":true}",
            json);
    }

    [Fact]
    public void A_written_record_reads_back_as_the_same_visits_marked_from_state()
    {
        var metadata = new VisitMetadata("mysite.com", "v3", "Mozilla Firefox 53", "en");
        Visit[] pages = [At("10:58:00", "home", user: 3, metadata: metadata), At("10:58:00", "über \"1\"", user: 3, metadata: metadata), At("10:59:59.999", "日本", user: 3, metadata: metadata)];

        var visits = Read(ActiveJson(SessionOf(pages, null)));

        Assert.Equal(pages.Select(p => p with { FromState = true }), visits);
    }

    [Fact]
    public void A_record_without_metadata_reads_back_with_null_metadata()
    {
        Visit[] pages = [At("10:58:00", "a", metadata: VisitMetadata.None)];

        var visit = Assert.Single(Read(ActiveJson(SessionOf(pages, null))));

        Assert.Same(VisitMetadata.None, MetadataOf(visit));
        Assert.True(visit.FromState);
    }

    [Fact]
    public void A_record_of_the_reference_job_is_read()
    {
        var visit = Assert.Single(Read(ReferenceRecord));

        Assert.Equal(Vocabulary.Visit(1, 1_548_673_165_000, "category 20", Firefox, fromState: true), visit);
    }

    [Fact]
    public void Explicit_nulls_unknown_fields_and_any_field_order_are_accepted()
    {
        var visits = Read(
            """{"isActive":true,"extra":{"a":[1,{"b":null}]},"browser":null,"apiVersion":"v1","visitedPages":[{"pageName":"b","extra":[1],"eventTime":2000},{"eventTime":1000,"pageName":"a"}],"site":null,"userId":9}""");

        Assert.Equal(2, visits.Count);
        Assert.Equal([(9L, 2000L, "b"), (9L, 1000L, "a")], visits.Select(v => (v.UserId, v.EventTimeMs, PageOf(v))));
        Assert.All(visits, v => Assert.Equal(new VisitMetadata(null, "v1", null, null), MetadataOf(v)));
    }

    [Fact]
    public void The_stored_expiration_is_recomputed_not_trusted()
    {
        var visit = Assert.Single(Read(ReferenceRecord.Replace("1548673465000", "1", StringComparison.Ordinal)));

        Assert.Equal(1_548_673_165_000, visit.EventTimeMs);
    }

    [Fact]
    public void A_record_without_isActive_is_active()
    {
        Assert.Single(Read("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"}]}"""));
    }

    [Fact]
    public void A_record_marked_inactive_returns_false_and_adds_nothing()
    {
        var visits = new List<Visit> { At("10:00:00", "already there") };

        var active = ActiveSessionRecord.Read(Encoding.UTF8.GetBytes(ReferenceRecord.Replace("\"isActive\":true", "\"isActive\":false", StringComparison.Ordinal)), Vocabulary, visits);

        Assert.False(active);
        Assert.Equal("already there", PageOf(Assert.Single(visits)));
    }

    [Fact]
    public void Read_interns_pages_and_metadata()
    {
        var first = Assert.Single(Read(ReferenceRecord));
        var second = Assert.Single(Read(ReferenceRecord));

        Assert.Same(Vocabulary.Intern("category 20"), PageOf(first));
        Assert.Same(PageOf(first), PageOf(second));
        Assert.Same(MetadataOf(first), MetadataOf(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"}]""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"}]} x""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"}]}{"userId":2}""")]
    [InlineData("""{"visitedPages":[{"eventTime":1,"pageName":"a"}]}""")]
    [InlineData("""{"userId":null,"visitedPages":[{"eventTime":1,"pageName":"a"}]}""")]
    [InlineData("""{"userId":"1","visitedPages":[{"eventTime":1,"pageName":"a"}]}""")]
    [InlineData("""{"userId":0,"visitedPages":[{"eventTime":1,"pageName":"a"}]}""")]
    [InlineData("""{"userId":-1,"visitedPages":[{"eventTime":1,"pageName":"a"}]}""")]
    [InlineData("""{"userId":1.5,"visitedPages":[{"eventTime":1,"pageName":"a"}]}""")]
    [InlineData("""{"userId":{},"visitedPages":[{"eventTime":1,"pageName":"a"}]}""")]
    [InlineData("""{"userId":1}""")]
    [InlineData("""{"userId":1,"visitedPages":[]}""")]
    [InlineData("""{"userId":1,"visitedPages":null}""")]
    [InlineData("""{"userId":1,"visitedPages":{"eventTime":1,"pageName":"a"}}""")]
    [InlineData("""{"userId":1,"visitedPages":[1]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"},"b"]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"pageName":"a"}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":null,"pageName":"a"}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":"2019-01-28T10:59:25Z","pageName":"a"}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1.5,"pageName":"a"}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":253402300800000,"pageName":"a"}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":""}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":null}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":7}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"\ud800"}]}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"}],"isActive":"false"}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"}],"isActive":null}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"}],"isActive":0}""")]
    [InlineData("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"a"}],"isActive":{"userId":2}}""")]
    public void A_malformed_state_line_throws_a_state_format_exception(string line)
    {
        var visits = new List<Visit>();

        Assert.Throws<StateFormatException>(() => ActiveSessionRecord.Read(Encoding.UTF8.GetBytes(line), Vocabulary, visits));
    }

    [Fact]
    public void Invalid_UTF8_in_a_state_line_throws_a_state_format_exception()
    {
        var line = Encoding.UTF8.GetBytes("""{"userId":1,"visitedPages":[{"eventTime":1,"pageName":"caf_"}]}""");
        line[Array.IndexOf(line, (byte)'_')] = 0xE9;

        Assert.Throws<StateFormatException>(() => ActiveSessionRecord.Read(line, Vocabulary, []));
    }
}
