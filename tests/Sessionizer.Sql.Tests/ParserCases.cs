using System.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Sql.Tests;

/// <summary>The lines of Core's VisitParserTests, each rule's cases, gathered as one list (templates filled in).</summary>
internal static class ParserCases
{
    private const string Valid = """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""";

    private const string ReferenceLine =
        """{"visit_id":"140665101097856_0","event_time":"2019-01-28T10:26:45+00:00","user_id":1,"keep_private":false,"page":{"current":"category 18","previous":"home"},"source":{"site":"mysite.com","api_version":"v3"},"user":{"ip":"198.51.100.7","latitude":48.8566,"longitude":2.3522},"technical":{"browser":"Mozilla Firefox 53","os":{"name":"Windows","version":"10"},"lang":"en","device":{"type":"pc","version":"HP 1"},"network":"adsl"}}""";

    private const string CutLine =
        """{"visit_id":"a1","event_time":"2019-01-28T10:26:45+00:00","user_id":1,"page":{"previous":null,"current":"category 18"},"source":{"site":"mysite.com","api_version":"v3"},"technical":{"browser":"Firefox","lang":"en"},"keep_private":false}""";

    public static IEnumerable<string> All()
    {
        string[] lines =
        [
            Valid, ReferenceLine, CutLine,
            """{"user_id":1""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}} x""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}{"user_id":2}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"},}""",
            """{'user_id':1}""",
            """{"user_id":1 /* comment */,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
            """{"user_id":01,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
            """{"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}""",
            "[1", "nul", "not json",
            "[1]", "42", "\"a string\"", "null", "true",
            """[{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}]""",
            """{"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
            """{"user_id":null,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
            """{"user":{"user_id":1},"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
            "{}",
            """{"user_id":9223372036854775807,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
            """{"user_id":1,"page":{"current":"category 18"}}""",
            """{"user_id":1,"event_time":null,"page":{"current":"category 18"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z"}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":null}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":"category 18"}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":["category 18"]}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"previous":"home"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":null,"previous":"home"}}""",
            """{"user_id":"x","event_time":"2019-01-28T10:26:45Z","page":{"current":42}}""",
            """{"page":{"current":42},"event_time":"yesterday","user_id":-3}""",
            """{"event_time":"yesterday","page":7}""",
            """{"page":{"current":""},"user_id":1}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45","page":{}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"previous":""}}""",
            """{"user_id":"x","event_time":"2019-01-28T10:26:45Z","page":{"current":42}""",
            "[1] [2]",
            """{"page":{"current":""},"event_time":"2019-01-28T10:26:45Z","visit_id":"a","user_id":0}""",
            """{"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"}}""",
            """{"user_id":"1","event_time":"2019-01-28T10:26:45Z","page":{"current":"a"}}""",
            """{"user_id":1,"page":{"current":"a"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45","page":{"current":"a"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":""}}""",
            "", " ", "\t", "   \t  ", "\r", " \r\n",
            "  " + Valid + " \r",
            """{"technical":{"os":{"name":"Linux"},"browser":"Chrome","lang":"fr"},"user_id":7,"event_time":"2019-01-28T10:26:45Z", "source":{"api_version":"v2","site":"other.com"},"page":{"current":"home"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"},"source":{"site":"first","site":null,"api_version":1,"api_version":"v3"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"},"source":{"site":"s","api_version":3},"technical":{"lang":"en"}}""",
            """{"user_id":-1000,"event_time":-1000,"page":{"current":"a"}}""",
            """{"user_id":1,"event_time":-1000,"page":{"current":"a"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"},"source":{"site":"caf\u00e9.fr"},"technical":{"browser":"Firefox \"53\""}}""",
            """{"user_id":2,"event_time":1,"page":{"current":"categ\u006fry 18"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":""},"page":{"current":"second"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"first"},"page":null}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"\ud800"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"\udc00x"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a\ud83d"}}""",
            """{"user_id":1,"event_time":"2019-01-28T10:26:45\ud800","page":{"current":"a"}}""",
        ];
        foreach (var line in lines)
        {
            yield return line;
        }

        for (var length = 1; length < CutLine.Length; length++)
        {
            yield return CutLine[..length];
        }

        foreach (var userId in new[] { "\"1\"", "-1", "0", "1.5", "1.0", "9223372036854775808", "true", "{}", "[1]" })
        {
            yield return $$$"""{"user_id":{{{userId}}},"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""";
        }

        foreach (var eventTime in new[]
        {
            "\"2019-01-28T10:26:45\"", "\"2019-01-28T10:26:45.123\"", "\"2019-02-30T10:26:45Z\"", "\"2019-01-28 10:26\"", "\"yesterday\"",
            "\"\"", "1548671205000.5", "99999999999999999", "true", "{}", "[\"2019-01-28T10:26:45Z\"]",
            "\"2019-01-28T10:26:45Z\"", "\"2019-01-28t10:26:45z\"", "\"2019-01-28T12:26:45+02:00\"", "\"2019-01-28T09:26:45-01:00\"",
            "\"2019-01-28T10:26:45.7Z\"", "\"2019-01-28T10:26:45.123456789Z\"", "\"2019-01-28T12:26:45.0129+02:00\"", "1548671205000",
            "1548671205999", "\"2019-01-28T10:26:45\\u005A\"", "\"2019-01-28T10:26:45\\u002b00:00\"",
            "253402300799999", "253402300800000", "-62135596800000", "-62135596800001", "\"9999-12-31T23:59:59.999Z\"",
            "\"9999-12-31T23:59:00-00:01\"", "\"0001-01-01T00:00:00Z\"", "\"0001-01-01T00:59:59+01:00\"",
        })
        {
            yield return $$$"""{"user_id":1,"event_time":{{{eventTime}}},"page":{"current":"a"}}""";
        }

        foreach (var current in new[] { "42", "true", "{}", "{\"name\":\"category 18\"}", "[\"category 18\"]", "\"\"" })
        {
            yield return $$$"""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":{{{current}}},"previous":"home"}}""";
        }

        foreach (var extra in new[]
        {
            ""","visit_id":"abc" """, ""","visit_id":null""", ""","visit_id":{"nested":[1,2,{"x":null}]}""",
            ""","user":{"ip":"1.2.3.4","latitude":1.5,"longitude":-2}""", ""","user":null""", ""","keep_private":true""",
            ""","unknown_key":[[],{},"x",1e300,-0.5,false,null]""",
            ""","technical":{"os":{"name":"Windows","version":{"major":10}},"network":"adsl","device":{"type":"pc"}}""",
            ""","technical":"not an object","source":42""", ""","page_extra":{"current":42}""",
            ""","\u0075ser":"escaped key of an ignored field" """,
        })
        {
            yield return """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18","previous":{"deep":[1]}}""" + extra + "}";
        }

        foreach (var levels in new[] { 65, 500, VisitParser.MaxNesting - 1, VisitParser.MaxNesting })
        {
            yield return """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}""" + ",\"x\":"
                + new string('[', levels) + new string(']', levels) + "}";
        }

        foreach (var extra in new[]
        {
            "", ""","source":null,"technical":null""", ""","source":{},"technical":{}""",
            ""","source":{"site":null,"api_version":null},"technical":{"browser":null,"lang":null}""",
            ""","source":{"site":1,"api_version":true},"technical":{"browser":{"name":"x"},"lang":["en"]}""",
            ""","source":"mysite.com","technical":["Firefox"]""",
        })
        {
            yield return """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}""" + extra + "}";
        }

        foreach (var json in new[]
        {
            "caf\\u00e9", "café", "a\\\"b\\\\c\\/d", "tab\\there\\nnewline", "\\ud83d\\ude00 smile", "日本語",
            string.Concat(Enumerable.Repeat("é日x", 400)), string.Concat(Enumerable.Repeat("\\u00e9\\u65e5x", 400)),
        })
        {
            yield return $$$"""{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"{{{json}}}"}}""";
        }

        foreach (var extra in new[]
        {
            ""","source":{"site":"\ud800","api_version":"v3"}""", ""","visit_id":"\ud800" """, ""","\ud800":1""",
            ""","page2":{"previous":"\udfff"}""", ""","source":{"\ud800":"x","api_version":"v3"},"technical":{"\udc00":1}""",
        })
        {
            yield return """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"\ud800":0,"current":"a","previous":"\ud800"}""" + extra + "}";
        }

        yield return Padded(InputLimits.MaxLineBytes);
        yield return Padded(InputLimits.MaxLineBytes + 1);
        yield return "[" + new string('x', InputLimits.MaxLineBytes);
        yield return new string(' ', InputLimits.MaxLineBytes + 10);
    }

    /// <summary>A valid line padded with an ignored field to exactly <paramref name="bytes"/> bytes.</summary>
    private static string Padded(int bytes)
    {
        const string Head = """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"},"pad":" """;
        var padding = bytes - Encoding.UTF8.GetByteCount(Head) + 1 - 2;
        return Head[..^1] + new string('x', padding) + "\"}";
    }
}
