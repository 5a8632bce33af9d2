namespace Sessionizer.Sql.Tests;

/// <summary>
/// Lines aimed at where DuckDB's JSON reader (yyjson) and the SQL checks could part from the parser:
/// leniencies, repeated keys at every level, escapes, number and time edges.
/// </summary>
internal static class SqlEdgeCases
{
    private const string Head = """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"}""";

    public static IEnumerable<string> All()
    {
        string[] extras =
        [
            ""","n":NaN""", ""","n":Infinity""", ""","n":-Infinity""", ""","n":inf""", ""","n":[1,]""", ""","n":{"a":1,}""",
            ""","n":1e400""", ""","n":-0""", ""","n":1E+2""", ""","n":0.0e-0""", ""","n":"\u0000","z":0""", ""","n":"x""" + "\u007f\"",
            ""","n":"[{\","z":0""", ""","n":"\\ud800","z":0""", ""","n":"\\\ud800","z":0""", ""","n":"\ud800\ud800","z":0""", ""","n":"\ud800\udc00","z":0""",
            ""","n":"\udbff\udfff","z":0""", ""","n":"\uDFFF\uD800","z":0""", ""","n":"\ud7ff\ue000","z":0""",
            ""","source":{"site":"a"},"source":5""", ""","source":{"site":"a"},"source":{}""", ""","source":{"site":"a","api_version":"b"},"source":{"site":"c"}""",
            ""","technical":{"lang":"en","lang":{"x":1}}""", ""","technical":{"browser":"\ud800x","browser":"ok"}""",
            ""","technical":{"browser":"ok","browser":"\ud800x"}""", ""","technical":{"\ud800":"x","lang":"\u00e9"}""",
            ""","source":{"site":"\/\b\f\n\r\t\"\\"}""", ""","page":{"current":"b"}""", ""","page":{"current":"b","current":""}""",
            ""","page":{"current":"\ud800","current":"b"}""", ""","page":{"current":"b","current":"\ud800"}""",
            ""","page":{"current":"b"},"page":{"current":"c","previous":"x"}""", ""","user_id":2""", ""","user_id":null""",
            ""","user_id":"\ud800","z":0""", ""","event_time":"\ud800","z":0""", ""","event_time":1""", ""","user_\u0069d":3""",
            ""","user_id\ud800":3""", ""","page":{"curr\u0065nt":"é"}""", ""","x":""" + new string('[', 999) + "\"[[[{{{\"" + new string(']', 999),
            ""","x":""" + new string('{', 1) + "\"a\":" + new string('[', 998) + new string(']', 998) + "}",
            ""","x":""" + new string('[', 1000) + new string(']', 1000),
        ];
        foreach (var extra in extras)
        {
            yield return Head + extra + "}";
        }

        foreach (var userId in new[] { "1", "-0", "00", "1e0", "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "99999999999999999999999", "[]", "\"\\u0031\"" })
        {
            yield return $$$"""{"user_id":{{{userId}}},"event_time":"2019-01-28T10:26:45Z","page":{"current":"a"}}""";
        }

        foreach (var eventTime in new[]
        {
            "\"0000-01-01T00:00:00Z\"", "\"2000-02-29T00:00:00Z\"", "\"1900-02-29T00:00:00Z\"", "\"2019-02-29T00:00:00Z\"", "\"2020-02-29T23:59:59.9999Z\"",
            "\"2019-04-31T00:00:00Z\"", "\"2019-12-31T24:00:00Z\"", "\"2019-12-31T23:60:00Z\"", "\"2019-12-31T23:59:60Z\"",
            "\"2019-01-28T10:26:45+24:00\"", "\"2019-01-28T10:26:45+23:59\"", "\"2019-01-28T10:26:45-23:59\"", "\"2019-01-28T10:26:45+01:60\"",
            "\"2019-01-28T10:26:45+0100\"", "\"2019-01-28T10:26:45.Z\"", "\"2019-01-28T10:26:45.1234567890123456789012Z\"", "\"2019-01-28T10:26:45,5Z\"",
            "\"2019-1-28T10:26:45Z\"", "\"+2019-01-28T10:26:45Z\"", "\" 2019-01-28T10:26:45Z\"", "\"2019-01-28T10:26:45Z \"", "\"2019-01-28T10:26:45ZZ\"",
            "\"2019-01-28T10:26:45\\u005a\"", "\"2019-01-28T10:26:45Z\\n\"", "\"1970-01-01T00:00:00.001+00:00\"", "\"1969-12-31T23:59:59.999Z\"",
            "\"0001-01-01T00:00:00.000-00:01\"", "\"0001-03-01T00:00:00Z\"", "\"0004-02-29T12:00:00Z\"", "\"9999-12-31T23:59:59.999999Z\"",
            "\"1600-02-29T00:00:00Z\"", "\"2019-01-28T10:26:45\\u0000\"", "0", "-1", "1.0", "1e3", "-0", "9223372036854775807", "-9223372036854775808",
            "\"1548671205000\"", "false", "null", "\"2019-01-28T10:26:45." + new string('0', 40) + "\\u005A\"",
            "\"2019-01-28T10:26:45." + new string('0', 40) + "Z\"",
        })
        {
            yield return $$$"""{"user_id":1,"event_time":{{{eventTime}}},"page":{"current":"a"}}""";
        }

        yield return "\t{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"a\"}}\t";
        yield return "\u000c{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"a\"}}";
        yield return "{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"a\"}}\u00a0";
        yield return "\ufeff{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"a\"}}";
        yield return "{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"a\tb\"}}";
        yield return "{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"a\u0001b\"}}";
        yield return "{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\" \"}}";
        yield return "{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"x\"},\"n\":\"\\x\"}";
        yield return "{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"x\"},\"n\":\"\\u12\"}";
        yield return "\n";
        yield return "\u00a0";
        yield return "[]";
        yield return "\"\\ud800\"";
        yield return "{\"user_id\":1,\"event_time\":1,\"page\":{\"current\":\"x\"}} \r\n";
    }
}
