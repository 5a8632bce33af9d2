using System.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

public class VisitParserTests : VocabularyTests
{
    /// <summary>2019-01-28T10:26:45Z.</summary>
    private const long Reference = 1_548_671_205_000;

    private const string Valid = """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""";

    /// <summary>A line as the reference job's data generator writes it: many fields the job ignores.</summary>
    private const string ReferenceLine =
        """{"visit_id":"140665101097856_0","event_time":"2019-01-28T10:26:45+00:00","user_id":1,"keep_private":false,"page":{"current":"category 18","previous":"home"},"source":{"site":"mysite.com","api_version":"v3"},"user":{"ip":"198.51.100.7","latitude":48.8566,"longitude":2.3522},"technical":{"browser":"Mozilla Firefox 53","os":{"name":"Windows","version":"10"},"lang":"en","device":{"type":"pc","version":"HP 1"},"network":"adsl"}}""";

    private readonly VisitParser _parser;

    public VisitParserTests()
    {
        _parser = new VisitParser(Vocabulary);
    }

    private (LineKind Kind, Visit Visit, RejectionReason Reason) Parse(byte[] line)
    {
        var kind = _parser.Parse(line, out var visit, out var reason);
        return (kind, visit, reason);
    }

    private (LineKind Kind, Visit Visit, RejectionReason Reason) Parse(string line) => Parse(Encoding.UTF8.GetBytes(line));

    private Visit Accepted(string line)
    {
        var (kind, visit, reason) = Parse(line);
        Assert.True(kind == LineKind.Visit, $"expected a visit, got {kind} ({reason}) for {line}");
        return visit;
    }

    private void AssertRejected(RejectionReason expected, string line) => AssertRejected(expected, Encoding.UTF8.GetBytes(line));

    private void AssertRejected(RejectionReason expected, byte[] line)
    {
        var (kind, _, reason) = Parse(line);
        Assert.Equal(LineKind.Rejected, kind);
        Assert.Equal(expected, reason);
    }

    /// <summary>A valid line padded with an ignored field to exactly <paramref name="bytes"/> bytes.</summary>
    private static byte[] PaddedValidLine(int bytes)
    {
        const string Head = """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"},"pad":" """;
        const string Tail = "\"}";
        var padding = bytes - Encoding.UTF8.GetByteCount(Head) + 1 - Tail.Length;
        var line = Encoding.UTF8.GetBytes(Head[..^1] + new string('x', padding) + Tail);
        Assert.Equal(bytes, line.Length);
        return line;
    }

    [Fact]
    public void A_valid_line_is_a_visit_with_its_user_time_and_page()
    {
        var visit = Accepted(Valid);

        Assert.Equal(1, visit.UserId);
        Assert.Equal(Reference, visit.EventTimeMs);
        Assert.Equal("category 18", PageOf(visit));
        Assert.False(visit.FromState);
        Assert.Equal(VisitMetadata.None, MetadataOf(visit));
    }

    [Fact]
    public void A_line_of_the_reference_job_is_a_visit_with_its_metadata()
    {
        var visit = Accepted(ReferenceLine);

        Assert.Equal(1, visit.UserId);
        Assert.Equal(Reference, visit.EventTimeMs);
        Assert.Equal("category 18", PageOf(visit));
        Assert.Equal(new VisitMetadata("mysite.com", "v3", "Mozilla Firefox 53", "en"), MetadataOf(visit));
    }

    [Theory]
    [InlineData(RejectionReason.LineTooLong, "line_too_long")]
    [InlineData(RejectionReason.MalformedJson, "malformed_json")]
    [InlineData(RejectionReason.NotAnObject, "not_an_object")]
    [InlineData(RejectionReason.MissingUserId, "missing_user_id")]
    [InlineData(RejectionReason.InvalidUserId, "invalid_user_id")]
    [InlineData(RejectionReason.MissingEventTime, "missing_event_time")]
    [InlineData(RejectionReason.InvalidEventTime, "invalid_event_time")]
    [InlineData(RejectionReason.MissingPage, "missing_page")]
    [InlineData(RejectionReason.InvalidPage, "invalid_page")]
    public void Each_reason_has_the_code_of_the_spec(RejectionReason reason, string code)
    {
        Assert.Equal(code, reason.Code());
    }

    [Fact]
    public void The_spec_has_nine_reasons_in_check_order()
    {
        Assert.Equal(
            new[]
            {
                "line_too_long", "malformed_json", "not_an_object", "missing_user_id", "invalid_user_id",
                "missing_event_time", "invalid_event_time", "missing_page", "invalid_page",
            },
            RejectionReasons.All.Select(r => r.Code()));
    }

    [Fact]
    public void A_line_over_one_MiB_is_line_too_long()
    {
        AssertRejected(RejectionReason.LineTooLong, PaddedValidLine(InputLimits.MaxLineBytes + 1));
    }

    [Fact]
    public void A_line_of_exactly_one_MiB_is_not_too_long()
    {
        Assert.Equal(1024 * 1024, InputLimits.MaxLineBytes);
        var (kind, visit, _) = Parse(PaddedValidLine(InputLimits.MaxLineBytes));

        Assert.Equal(LineKind.Visit, kind);
        Assert.Equal("category 18", PageOf(visit));
    }

    [Fact]
    public void Line_too_long_is_checked_before_the_json()
    {
        var line = Encoding.UTF8.GetBytes("[" + new string('x', InputLimits.MaxLineBytes));

        AssertRejected(RejectionReason.LineTooLong, line);
    }

    [Theory]
    [InlineData("""{"user_id":1""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}} x""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}{"user_id":2}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"},}""")]
    [InlineData("""{'user_id':1}""")]
    [InlineData("""{"user_id":1 /* comment */,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""")]
    [InlineData("""{"user_id":01,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""")]
    [InlineData("""{"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}""")]
    [InlineData("""[1""")]
    [InlineData("""nul""")]
    [InlineData("""not json""")]
    public void A_line_that_is_not_one_json_value_is_malformed_json(string line)
    {
        AssertRejected(RejectionReason.MalformedJson, line);
    }

    [Fact]
    public void Invalid_UTF8_in_a_field_is_malformed_json()
    {
        var line = Encoding.UTF8.GetBytes("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"caf_"}}""");
        line[Array.IndexOf(line, (byte)'_')] = 0xE9; // Latin-1 é: not UTF-8

        AssertRejected(RejectionReason.MalformedJson, line);
    }

    [Fact]
    public void Invalid_UTF8_in_an_ignored_field_is_malformed_json_too()
    {
        var line = Encoding.UTF8.GetBytes("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"},"visit_id":"_"}""");
        line[Array.IndexOf(line, (byte)'_')] = 0xFF;

        AssertRejected(RejectionReason.MalformedJson, line);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("42")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("""[{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}]""")]
    public void A_json_value_that_is_not_an_object_is_not_an_object(string line)
    {
        AssertRejected(RejectionReason.NotAnObject, line);
    }

    [Theory]
    [InlineData("""{"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""")]
    [InlineData("""{"user_id":null,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""")]
    [InlineData("""{"user":{"user_id":1},"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""")]
    [InlineData("{}")]
    public void An_absent_or_null_user_id_is_missing_user_id(string line)
    {
        AssertRejected(RejectionReason.MissingUserId, line);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("1.0")]
    [InlineData("9223372036854775808")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[1]")]
    public void A_user_id_that_is_not_an_integer_above_zero_is_invalid_user_id(string userId)
    {
        AssertRejected(RejectionReason.InvalidUserId,
            $$$"""{"user_id":{{{userId}}},"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""");
    }

    [Fact]
    public void The_largest_long_is_a_valid_user_id()
    {
        var visit = Accepted("""{"user_id":9223372036854775807,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""");

        Assert.Equal(long.MaxValue, visit.UserId);
    }

    [Theory]
    [InlineData("""{"user_id":1,"page":{"current":"category 18"}}""")]
    [InlineData("""{"user_id":1,"event_time":null,"page":{"current":"category 18"}}""")]
    public void An_absent_or_null_event_time_is_missing_event_time(string line)
    {
        AssertRejected(RejectionReason.MissingEventTime, line);
    }

    [Theory]
    [InlineData("\"2019-01-28T10:26:45\"")]
    [InlineData("\"2019-01-28T10:26:45.123\"")]
    [InlineData("\"2019-02-30T10:26:45Z\"")]
    [InlineData("\"2019-01-28 10:26\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"\"")]
    [InlineData("1548671205000.5")]
    [InlineData("99999999999999999")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[\"2019-01-28T10:26:45Z\"]")]
    public void An_event_time_that_is_not_an_instant_is_invalid_event_time(string eventTime)
    {
        AssertRejected(RejectionReason.InvalidEventTime,
            $$$"""{"user_id":1,"event_time":{{{eventTime}}},"page":{"current":"category 18"}}""");
    }

    [Theory]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z"}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":null}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":"category 18"}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":["category 18"]}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{}}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"previous":"home"}}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":null,"previous":"home"}}""")]
    public void A_page_that_is_not_an_object_or_lacks_current_is_missing_page(string line)
    {
        AssertRejected(RejectionReason.MissingPage, line);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("{\"name\":\"category 18\"}")]
    [InlineData("[\"category 18\"]")]
    [InlineData("\"\"")]
    public void A_current_page_that_is_not_a_non_empty_string_is_invalid_page(string current)
    {
        AssertRejected(RejectionReason.InvalidPage,
            $$$"""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":{{{current}}},"previous":"home"}}""");
    }

    [Theory]
    [InlineData(RejectionReason.InvalidUserId, """{"user_id":"x","event_time":"2019-01-28T10:26:45Z","page":{"current":42}}""")]
    [InlineData(RejectionReason.InvalidUserId, """{"page":{"current":42},"event_time":"yesterday","user_id":-3}""")]
    [InlineData(RejectionReason.MissingUserId, """{"event_time":"yesterday","page":7}""")]
    [InlineData(RejectionReason.MissingEventTime, """{"page":{"current":""},"user_id":1}""")]
    [InlineData(RejectionReason.InvalidEventTime, """{"user_id":1,"event_time":"2019-01-28T10:26:45","page":{}}""")]
    [InlineData(RejectionReason.MissingPage, """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"previous":""}}""")]
    [InlineData(RejectionReason.MalformedJson, """{"user_id":"x","event_time":"2019-01-28T10:26:45Z","page":{"current":42}""")]
    [InlineData(RejectionReason.MalformedJson, """[1] [2]""")]
    public void The_first_broken_rule_in_spec_order_is_the_reason_whatever_the_field_order(RejectionReason expected, string line)
    {
        AssertRejected(expected, line);
    }

    [Fact]
    public void A_later_field_is_judged_after_the_whole_line_is_read()
    {
        // The bad user_id comes after the bad page: the order of the rules, not of the fields, decides.
        AssertRejected(RejectionReason.InvalidUserId,
            """{"page":{"current":""},"event_time":"2019-01-28T10:26:45Z","visit_id":"a","user_id":0}""");
    }

    [Fact]
    public void Every_reason_of_the_spec_is_produced_by_some_line()
    {
        var lines = new List<byte[]>
        {
            PaddedValidLine(InputLimits.MaxLineBytes + 1),
            Encoding.UTF8.GetBytes("""{"user_id":1"""),
            Encoding.UTF8.GetBytes("[1]"),
            Encoding.UTF8.GetBytes("""{"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"}}"""),
            Encoding.UTF8.GetBytes("""{"user_id":"1","event_time":"2019-01-28T10:26:45Z","page":{"current":"a"}}"""),
            Encoding.UTF8.GetBytes("""{"user_id":1,"page":{"current":"a"}}"""),
            Encoding.UTF8.GetBytes("""{"user_id":1,"event_time":"2019-01-28T10:26:45","page":{"current":"a"}}"""),
            Encoding.UTF8.GetBytes("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z"}"""),
            Encoding.UTF8.GetBytes("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":""}}"""),
        };

        var reasons = lines.Select(line => Parse(line)).Select(r => (r.Kind, r.Reason)).ToList();

        Assert.All(reasons, r => Assert.Equal(LineKind.Rejected, r.Kind));
        Assert.Equal(RejectionReasons.All, reasons.Select(r => r.Reason));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("   \t  ")]
    [InlineData("\r")]
    [InlineData(" \r\n")]
    public void An_empty_or_whitespace_only_line_is_blank_not_rejected(string line)
    {
        var (kind, _, _) = Parse(line);

        Assert.Equal(LineKind.Blank, kind);
    }

    [Fact]
    public void A_whitespace_only_line_over_one_MiB_is_still_blank()
    {
        var (kind, _, _) = Parse(new string(' ', InputLimits.MaxLineBytes + 10));

        Assert.Equal(LineKind.Blank, kind);
    }

    [Fact]
    public void Whitespace_around_a_valid_object_is_fine()
    {
        Assert.Equal("category 18", PageOf(Accepted("  " + Valid + " \r")));
    }

    [Theory]
    [InlineData(""","visit_id":"abc" """)]
    [InlineData(""","visit_id":null""")]
    [InlineData(""","visit_id":{"nested":[1,2,{"x":null}]}""")]
    [InlineData(""","user":{"ip":"1.2.3.4","latitude":1.5,"longitude":-2}""")]
    [InlineData(""","user":null""")]
    [InlineData(""","keep_private":true""")]
    [InlineData(""","unknown_key":[[],{},"x",1e300,-0.5,false,null]""")]
    [InlineData(""","technical":{"os":{"name":"Windows","version":{"major":10}},"network":"adsl","device":{"type":"pc"}}""")]
    [InlineData(""","technical":"not an object","source":42""")]
    [InlineData(""","page_extra":{"current":42}""")]
    [InlineData(""","\u0075ser":"escaped key of an ignored field" """)]
    public void Ignored_fields_never_cause_a_rejection(string extra)
    {
        var visit = Accepted("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18","previous":{"deep":[1]}}""" + extra + "}");

        Assert.Equal("category 18", PageOf(visit));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(500)]
    [InlineData(VisitParser.MaxNesting - 1)]
    public void Ignored_fields_may_nest_far_deeper_than_real_data(int levels)
    {
        // levels arrays inside the line's object: the object is one more level.
        var extra = ",\"x\":" + new string('[', levels) + new string(']', levels);

        var visit = Accepted("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}""" + extra + "}");

        Assert.Equal("category 18", PageOf(visit));
    }

    [Fact]
    public void A_line_nesting_deeper_than_the_limit_is_malformed_json()
    {
        var extra = ",\"x\":" + new string('[', VisitParser.MaxNesting) + new string(']', VisitParser.MaxNesting);

        AssertRejected(RejectionReason.MalformedJson, """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}""" + extra + "}");
    }

    [Theory]
    [InlineData(""","source":{"site":"a"},"source":5""", null, null)]
    [InlineData(""","source":{"site":"a","api_version":"b"},"source":{"site":"c"}""", "c", null)]
    [InlineData(""","source":5,"source":{"api_version":"b"}""", null, "b")]
    public void A_repeated_source_object_replaces_the_earlier_one_whole(string extra, string? site, string? apiVersion)
    {
        var visit = Accepted("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"}""" + extra + "}");

        Assert.Equal(site, MetadataOf(visit).Site);
        Assert.Equal(apiVersion, MetadataOf(visit).ApiVersion);
    }

    [Fact]
    public void A_repeated_technical_object_replaces_the_earlier_one_whole()
    {
        var visit = Accepted("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"},"technical":{"browser":"x","lang":"en"},"technical":{"lang":"fr"}}""");

        Assert.Null(MetadataOf(visit).Browser);
        Assert.Equal("fr", MetadataOf(visit).Language);
    }

    [Fact]
    public void A_long_escaped_event_time_is_read_as_the_same_time_without_escapes()
    {
        var visit = Accepted("""{"user_id":1,"event_time":"2019-01-28T10:26:45.0000000000000000000000000000000000000000\u005A","page":{"current":"a"}}""");

        Assert.Equal(1_548_671_205_000, visit.EventTimeMs);
    }

    [Fact]
    public void Metadata_is_read_from_source_and_technical()
    {
        var visit = Accepted(
            """{"technical":{"os":{"name":"Linux"},"browser":"Chrome","lang":"fr"},"user_id":7,"event_time":"2019-01-28T10:26:45Z",""" +
            """ "source":{"api_version":"v2","site":"other.com"},"page":{"current":"home"}}""");

        Assert.Equal(new VisitMetadata("other.com", "v2", "Chrome", "fr"), MetadataOf(visit));
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","source":null,"technical":null""")]
    [InlineData(""","source":{},"technical":{}""")]
    [InlineData(""","source":{"site":null,"api_version":null},"technical":{"browser":null,"lang":null}""")]
    [InlineData(""","source":{"site":1,"api_version":true},"technical":{"browser":{"name":"x"},"lang":["en"]}""")]
    [InlineData(""","source":"mysite.com","technical":["Firefox"]""")]
    public void Optional_metadata_is_null_when_missing_null_or_not_a_string(string extra)
    {
        var visit = Accepted("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}""" + extra + "}");

        Assert.Null(MetadataOf(visit).Site);
        Assert.Null(MetadataOf(visit).ApiVersion);
        Assert.Null(MetadataOf(visit).Browser);
        Assert.Null(MetadataOf(visit).Language);
    }

    [Fact]
    public void A_repeated_metadata_key_takes_its_last_value()
    {
        var visit = Accepted(
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"},"source":{"site":"first","site":null,"api_version":1,"api_version":"v3"}}""");

        Assert.Null(MetadataOf(visit).Site);
        Assert.Equal("v3", MetadataOf(visit).ApiVersion);
    }

    [Fact]
    public void One_missing_metadata_field_does_not_affect_the_others()
    {
        var visit = Accepted(
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"},"source":{"site":"s","api_version":3},"technical":{"lang":"en"}}""");

        Assert.Equal(new VisitMetadata("s", null, null, "en"), MetadataOf(visit));
    }

    [Theory]
    [InlineData("\"2019-01-28T10:26:45Z\"", 0)]
    [InlineData("\"2019-01-28t10:26:45z\"", 0)]
    [InlineData("\"2019-01-28T12:26:45+02:00\"", 0)]
    [InlineData("\"2019-01-28T09:26:45-01:00\"", 0)]
    [InlineData("\"2019-01-28T10:26:45.7Z\"", 700)]
    [InlineData("\"2019-01-28T10:26:45.123456789Z\"", 123)]
    [InlineData("\"2019-01-28T12:26:45.0129+02:00\"", 12)]
    [InlineData("1548671205000", 0)]
    [InlineData("1548671205999", 999)]
    [InlineData("\"2019-01-28T10:26:45\\u005A\"", 0)]
    [InlineData("\"2019-01-28T10:26:45\\u002b00:00\"", 0)]
    public void Event_time_accepts_an_offset_a_fraction_or_epoch_milliseconds(string eventTime, int millis)
    {
        var visit = Accepted($$$"""{"user_id":1,"event_time":{{{eventTime}}},"page":{"current":"a"}}""");

        Assert.Equal(Reference + millis, visit.EventTimeMs);
    }

    [Fact]
    public void A_negative_epoch_millisecond_time_is_an_instant_before_1970()
    {
        Assert.Equal(-1000, Accepted("""{"user_id":1,"event_time":-1000,"page":{"current":"a"}}""").EventTimeMs);
    }

    [Theory]
    [InlineData("caf\\u00e9", "café")]
    [InlineData("café", "café")]
    [InlineData("a\\\"b\\\\c\\/d", "a\"b\\c/d")]
    [InlineData("tab\\there\\nnewline", "tab\there\nnewline")]
    [InlineData("\\ud83d\\ude00 smile", "\U0001F600 smile")]
    [InlineData("日本語", "日本語")]
    public void Escaped_and_non_ASCII_page_names_decode_correctly(string json, string expected)
    {
        var visit = Accepted($$$"""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"{{{json}}}"}}""");

        Assert.Equal(expected, PageOf(visit));
    }

    [Fact]
    public void Escaped_metadata_decodes_correctly()
    {
        var visit = Accepted(
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"},"source":{"site":"caf\u00e9.fr"},"technical":{"browser":"Firefox \"53\""}}""");

        Assert.Equal("café.fr", MetadataOf(visit).Site);
        Assert.Equal("Firefox \"53\"", MetadataOf(visit).Browser);
    }

    [Fact]
    public void Long_escaped_and_non_ASCII_page_names_decode_correctly()
    {
        var plain = string.Concat(Enumerable.Repeat("é日x", 400));
        var escaped = string.Concat(Enumerable.Repeat("\\u00e9\\u65e5x", 400));

        var fromPlain = Accepted($$$"""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"{{{plain}}}"}}""");
        var fromEscaped = Accepted($$$"""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"{{{escaped}}}"}}""");

        Assert.Equal(plain, PageOf(fromPlain));
        Assert.Equal(plain, PageOf(fromEscaped));
        Assert.Same(PageOf(fromPlain), PageOf(fromEscaped));
    }

    [Fact]
    public void Strings_are_interned_so_two_parses_share_one_page_and_one_metadata()
    {
        var first = Accepted(ReferenceLine);
        var second = Accepted(ReferenceLine);
        var escaped = Accepted("""{"user_id":2,"event_time":1,"page":{"current":"categ\u006fry 18"}}""");

        Assert.Same(PageOf(first), PageOf(second));
        Assert.Same(PageOf(first), PageOf(escaped));
        Assert.Same(MetadataOf(first), MetadataOf(second));
        Assert.Same(MetadataOf(first).Browser, MetadataOf(second).Browser);
        Assert.Same(_parser.Vocabulary.Intern("category 18"), PageOf(first));
    }

    [Fact]
    public void The_last_page_key_wins_as_in_JSON_parse()
    {
        var visit = Accepted("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":""},"page":{"current":"second"}}""");

        Assert.Equal("second", PageOf(visit));
        AssertRejected(RejectionReason.MissingPage,
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"first"},"page":null}""");
    }

    [Theory]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"\ud800"}}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"\udc00x"}}""")]
    [InlineData("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a\ud83d"}}""")]
    public void A_page_with_an_escaped_lone_surrogate_is_invalid_page_not_a_crash(string line)
    {
        AssertRejected(RejectionReason.InvalidPage, line);
    }

    [Fact]
    public void An_event_time_with_an_escaped_lone_surrogate_is_invalid_event_time_not_a_crash()
    {
        AssertRejected(RejectionReason.InvalidEventTime,
            """{"user_id":1,"event_time":"2019-01-28T10:26:45\ud800","page":{"current":"a"}}""");
    }

    [Theory]
    [InlineData(""","source":{"site":"\ud800","api_version":"v3"}""")]
    [InlineData(""","visit_id":"\ud800" """)]
    [InlineData(""","\ud800":1""")]
    [InlineData(""","page2":{"previous":"\udfff"}""")]
    [InlineData(""","source":{"\ud800":"x","api_version":"v3"},"technical":{"\udc00":1}""")]
    public void An_escaped_lone_surrogate_in_an_optional_or_ignored_field_is_no_reason_to_reject(string extra)
    {
        var visit = Accepted("""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"\ud800":0,"current":"a","previous":"\ud800"}""" + extra + "}");

        Assert.Equal("a", PageOf(visit));
        Assert.Null(MetadataOf(visit).Site);
    }

    [Theory]
    [InlineData("253402300799999", true)]
    [InlineData("253402300800000", false)]
    [InlineData("-62135596800000", true)]
    [InlineData("-62135596800001", false)]
    [InlineData("\"9999-12-31T23:59:59.999Z\"", true)]
    [InlineData("\"9999-12-31T23:59:00-00:01\"", false)]
    [InlineData("\"0001-01-01T00:00:00Z\"", true)]
    [InlineData("\"0001-01-01T00:59:59+01:00\"", false)]
    public void An_event_time_outside_years_1_to_9999_is_invalid_event_time(string eventTime, bool valid)
    {
        var (kind, _, reason) = Parse($$$"""{"user_id":1,"event_time":{{{eventTime}}},"page":{"current":"a"}}""");

        Assert.Equal(valid ? LineKind.Visit : LineKind.Rejected, kind);
        if (!valid)
        {
            Assert.Equal(RejectionReason.InvalidEventTime, reason);
        }
    }

    [Fact]
    public void Every_cut_of_a_valid_line_is_malformed_json()
    {
        const string line = """{"visit_id":"a1","event_time":"2019-01-28T10:26:45+00:00","user_id":1,"page":{"previous":null,"current":"category 18"},"source":{"site":"mysite.com","api_version":"v3"},"technical":{"browser":"Firefox","lang":"en"},"keep_private":false}""";
        Assert.Equal(LineKind.Visit, Parse(line).Kind);

        for (var length = 1; length < line.Length; length++)
        {
            AssertRejected(RejectionReason.MalformedJson, line[..length]);
        }
    }
}
