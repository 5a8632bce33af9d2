using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>
/// The hand-written session record writers against <see cref="Utf8JsonWriter"/> over random
/// sessions: the same bytes as Utf8JsonWriter writing the record field by field (compact), with
/// every string in the one JSON text form of <see cref="JsonText"/> (tested on its own, code point by
/// code point), and every value reading back as what went in.
/// </summary>
public sealed class RecordWriterDifferentialTests : VocabularyTests
{
    private static readonly string[] Pieces =
        ["a", "home", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "é", "\u00a0", "\u2028", "日本", "\uE000", "\uFFFD", "\U0001F600", "\U0010FFFF", "<>&'"];

    private static readonly long MinMs = new DateTimeOffset(1, 1, 1, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long MaxMs = new DateTimeOffset(9999, 12, 31, 22, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Closed_session_records_are_the_bytes_of_a_field_by_field_Utf8JsonWriter()
    {
        var random = new Random(12);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var session = RandomSession(random, closed: true);
            var window = Window.Containing(session.EndMs);
            using var buffer = new JsonLineBuffer();

            ClosedSessionRecord.Write(buffer, session, window);

            var expected = Reference(w => WriteClosed(w, session, window));
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(buffer.WrittenSpan));
            AssertReadsBack(buffer.WrittenSpan, session, "pages", "page");
        }
    }

    [Fact]
    public void Active_session_records_are_the_bytes_of_a_field_by_field_Utf8JsonWriter()
    {
        var random = new Random(13);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var session = RandomSession(random, closed: false);
            var rules = TestData.Rules(timeout: TimeSpan.FromMilliseconds(random.Next(1, 86_400_000)));
            using var buffer = new JsonLineBuffer();

            ActiveSessionRecord.Write(buffer, session, rules);

            var expected = Reference(w => WriteActive(w, session, rules));
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(buffer.WrittenSpan));
            AssertReadsBack(buffer.WrittenSpan, session, "visitedPages", "pageName");
        }
    }

    private Session RandomSession(Random random, bool closed)
    {
        var user = random.Next(4) == 0 ? long.MaxValue - random.Next(1000) : random.NextInt64(1, 10_000_000_000);
        var time = random.NextInt64(MinMs, MaxMs - 100_000_000);
        var metadata = new VisitMetadata(RandomText(random, nullable: true), RandomText(random, nullable: true),
            RandomText(random, nullable: true), RandomText(random, nullable: true));
        var pages = new Visit[random.Next(1, 12)];
        for (var i = 0; i < pages.Length; i++)
        {
            time += random.Next(4) == 0 ? 0 : random.Next(1, 10_000_000);
            pages[i] = Vocabulary.Visit(user, time, RandomText(random, nullable: false)!, i == 0 ? metadata : VisitMetadata.None, fromState: random.Next(3) == 0);
        }

        return SessionOf(pages, closed ? EndReasons.All[random.Next(EndReasons.All.Count)] : null);
    }

    private static string? RandomText(Random random, bool nullable) =>
        nullable && random.Next(4) == 0 ? null : string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private void WriteClosed(Utf8JsonWriter w, Session session, Window window)
    {
        var pages = session.Pages.ToArray();
        var metadata = session.Metadata;
        w.WriteStartObject();
        w.WriteString("session_id", SessionId.Of(session.UserId, session.StartMs));
        w.WriteNumber("user_id", session.UserId);
        w.WriteString("start", Timestamp(session.StartMs));
        w.WriteString("end", Timestamp(session.EndMs));
        w.WriteNumber("duration_ms", session.EndMs - session.StartMs);
        w.WriteNumber("event_count", pages.Length);
        String(w, "entry_page", PageOf(pages[0]));
        String(w, "exit_page", PageOf(pages[^1]));
        w.WriteStartArray("pages");
        for (var i = 0; i < pages.Length; i++)
        {
            w.WriteStartObject();
            w.WriteString("event_time", Timestamp(pages[i].EventTimeMs));
            String(w, "page", PageOf(pages[i]));
            if (i + 1 < pages.Length)
            {
                w.WriteNumber("time_on_page_ms", pages[i + 1].EventTimeMs - pages[i].EventTimeMs);
            }
            else
            {
                w.WriteNull("time_on_page_ms");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        String(w, "site", metadata.Site);
        String(w, "api_version", metadata.ApiVersion);
        String(w, "browser", metadata.Browser);
        String(w, "language", metadata.Language);
        w.WriteString("end_reason", session.EndReason!.Value.Code());
        w.WriteString("window", window.ToString());
        w.WriteEndObject();
    }

    private void WriteActive(Utf8JsonWriter w, Session session, SessionRules rules)
    {
        var pages = session.Pages.ToArray();
        var metadata = session.Metadata;
        w.WriteStartObject();
        w.WriteNumber("userId", session.UserId);
        w.WriteStartArray("visitedPages");
        foreach (var page in pages)
        {
            w.WriteStartObject();
            w.WriteNumber("eventTime", page.EventTimeMs);
            String(w, "pageName", PageOf(page));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        foreach (var (name, value) in new[] { ("browser", metadata.Browser), ("language", metadata.Language), ("site", metadata.Site), ("apiVersion", metadata.ApiVersion) })
        {
            if (value is not null)
            {
                String(w, name, value);
            }
        }

        w.WriteNumber("expirationTimeMillisUtc", session.EndMs + rules.InactivityTimeoutMs);
        w.WriteBoolean("isActive", true);
        w.WriteEndObject();
    }

    /// <summary>A string field in the JSON text form, or null.</summary>
    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(JsonText.Quote(value));
        }
    }

    private static string Timestamp(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static byte[] Reference(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return [.. output.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Whatever the text form, a JSON reader gets the session's pages back.</summary>
    private void AssertReadsBack(ReadOnlySpan<byte> line, Session session, string pagesName, string pageName)
    {
        using var json = JsonDocument.Parse(line.ToArray());
        var pages = json.RootElement.GetProperty(pagesName).EnumerateArray().Select(p => p.GetProperty(pageName).GetString()).ToArray();
        Assert.Equal(Pages(session), pages);
    }
}
