using Sessionizer.Core.Time;
using Sessionizer.Generation;

namespace Sessionizer.Tests.Shared;

/// <summary>
/// Input lines shared by the tests that hold two readers of lines to the same answers (the fast scanner
/// and the reader in Core, the SQL plan and the parser): linked into each test project.
/// </summary>
internal static class TestLines
{
    /// <summary>Lines the fast scanner must leave to the reader, each for its own reason: the parser's answer must not change.</summary>
    public static readonly string[] Unusual =
    [
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category\u0020 18"}}""",
        """{"user_\u0069d":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1,"user_id":2,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"a","current":"b"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"},"page":{"current":"x"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"source":{"site":"a","site":"b"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"source":"mysite.com"}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"source":{"site":null,"api_version":""},"technical":{"browser":5,"lang":"en"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"source":{},"technical":{"lang":"en","os":{"v":[1]},"browser":"b"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"technical":{"browser":"","lang":null}}""",
        """{"user_id":1.0,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1e3,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":-1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":0,"event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":9223372036854775807,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"}}""",
        """{"user_id":9223372036854775808,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"}}""",
        """{"user_id":"1","event_time":"2019-01-28T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1,"event_time":1548671205000,"page":{"current":"category 18"}}""",
        """{"user_id":1,"event_time":"2019-02-30T10:26:45Z","page":{"current":"category 18"}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":""}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":null}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":"category 18"}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z"}""",
        """{}""",
        """[1,2]""",
        """ {"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"é"}} """,
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"é":1}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":-0.5e+10,"b":[true,false,null,{}],"o":{"a":[]}}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":01}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":1.}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},"n":tru}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"},}""",
        """{"user_id":1,"event_time":"2019-01-28T10:26:45Z","page":{"current":"x"}}}""",
        "{\"user_id\":1,\"event_time\":\"2019-01-28T10:26:45Z\",\"page\":{\"current\":\"a\tb\"}}",
        "{\"user_id\":1,\r\n\"event_time\" : \"2019-01-28T10:26:45Z\",\t\"page\":{ \"current\" :\"x\" } }\r",
    ];

    /// <summary>The first <paramref name="count"/> lines the generator writes with <paramref name="seed"/> (no anomalies other than its own).</summary>
    public static List<byte[]> Generated(int count, ulong seed)
    {
        var simulator = new VisitSimulator(new GenerationSettings
        {
            Start = Window.Parse("2026-11-20T10"),
            Visits = 200,
            Seed = seed,
            FilesPerHour = 1,
            MaxEvents = count,
            LateFraction = 0,
        });
        var lines = new List<byte[]>(count);
        simulator.Run(chunk =>
        {
            chunk.Format();
            var text = chunk.Lines(0).Span;
            int feed;
            while ((feed = text.IndexOf((byte)'\n')) >= 0)
            {
                lines.Add(text[..feed].ToArray());
                text = text[(feed + 1)..];
            }

            simulator.Recycle(chunk);
        });
        return lines;
    }
}
