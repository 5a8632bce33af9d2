using System.Text;
using System.Text.Unicode;
using DuckDB.NET.Data;
using Serilog;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;
using Sessionizer.Sql;

namespace Sessionizer.DuckDb;

/// <summary>
/// The duckdb engine: the SQL plan (<see cref="WindowPlan"/>) run by DuckDB in this process, the
/// Spark engine's plan on one machine. The runner's own part is
/// files: it loads the window's lines (read as the local engine reads them, <see cref="InputLines"/>)
/// and the previous state's pages into tables, and writes the records the plan builds into the parts.
/// </summary>
public sealed class DuckDbEngine(ILogger log) : WindowEngine
{
    public override string Name => "duckdb";

    public override WindowProduct Produce(WindowWork work, CancellationToken cancel)
    {
        try
        {
            return ProduceWithDuckDb(work, cancel);
        }
        catch (DuckDBException e)
        {
            // Out of memory, a full disk, a missing native library: a failure of the run (exit 1), said in one line.
            throw new RunFailedException(RunFailure.Failed, $"The duckdb engine failed on window {work.Window}: {e.Message}", e);
        }
    }

    private WindowProduct ProduceWithDuckDb(WindowWork work, CancellationToken cancel)
    {
        var (window, settings) = (work.Window, work.Settings);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = new WindowPlan(DuckDbDialect.Instance, window, settings.Rules);
        var statements = plan.Statements.ToDictionary(s => s.Name);
        using var db = new WindowDatabase(settings.Parallelism, cancel);

        LoadLines(db, work, cancel);
        db.Execute(plan.Runnable(statements["validated"]));
        var counts = db.Row(statements["input_counts"].Sql);
        var input = InputCounts.Of(counts[0], counts[1], counts[2], counts[3], counts[4..]);
        QualityGate.Check(window, input, RejectedExamples(db), settings.MaxRejectedFraction);
        cancel.ThrowIfCancellationRequested();
        var readTime = clock.Elapsed;
        var inputBytes = WindowProgress.TotalBytesOf(work.Files);
        WindowProgress.Report(work, WindowPhase.Sessionizing, inputBytes, input.ValidEvents);

        LoadState(db, work.State.Visits, work.Vocabulary);
        db.Execute(plan.Runnable(statements["visits"]));
        db.Execute(plan.Runnable(statements["sessions"]));
        var duplicates = db.Row(statements["duplicates"].Sql)[0];
        var sessionCounts = db.Row(statements["session_counts"].Sql);
        cancel.ThrowIfCancellationRequested();

        WindowProgress.Report(work, WindowPhase.Writing, inputBytes, input.ValidEvents);
        var active = WritePart(db, statements["active_records"].Sql, work, OutputLayout.ActiveSessions);
        var closed = WritePart(db, statements["closed_records"].Sql, work, OutputLayout.ClosedSessions);
        var rejected = WritePart(db, statements["rejected_records"].Sql, work, OutputLayout.Rejected);
        log.Debug("Window {Window} on duckdb: load and validate {Read:0.000}s, sessionize and write {Sessions:0.000}s",
            window.ToString(), readTime.TotalSeconds, (clock.Elapsed - readTime).TotalSeconds);
        var closedByReason = sessionCounts.Skip(1).ToArray();
        return new WindowProduct(input, duplicates, sessionCounts[0], closedByReason.Sum(), closedByReason, active, closed, rejected);
    }

    /// <summary>The window's lines as <c>lines(file, line, raw, bytes, utf8)</c>, the relation <see cref="LineValidation"/> reads.</summary>
    /// <remarks>
    /// Text goes in as bytes (a BLOB decoded in SQL): the appender's strings stop at the first U+0000,
    /// which would cut a line and could turn a malformed one into a visit.
    /// </remarks>
    private static void LoadLines(WindowDatabase db, WindowWork work, CancellationToken cancel)
    {
        db.Execute("CREATE TABLE line_bytes (file VARCHAR, line BIGINT, raw BLOB, bytes BIGINT, utf8 BOOLEAN)");
        using (var appender = db.Appender("line_bytes"))
        {
            // Progress: file by file (valid events are known only once the SQL has validated the lines).
            long loaded = 0;
            WindowProgress.Report(work, WindowPhase.Reading, 0, 0);
            foreach (var file in work.Files ?? [])
            {
                cancel.ThrowIfCancellationRequested();
                InputLines.Read(file, (number, line, tooLong) =>
                {
                    // A file can hold millions of lines: a signal is not kept waiting until its end.
                    if ((number & 0xFFFF) == 0)
                    {
                        cancel.ThrowIfCancellationRequested();
                    }

                    var utf8 = Utf8.IsValid(line);
                    // Invalid UTF-8 is malformed_json whatever it says, so only its rejected record's raw text
                    // matters: cut first, then decoded with U+FFFD, as the local engine writes it.
                    var raw = utf8 ? line.ToArray() : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(tooLong ? line : RejectedRecord.CutRaw(line)));
                    var bytes = tooLong ? InputLimits.MaxLineBytes + 1L : line.Length;
                    appender.CreateRow().AppendValue(file.RelativePath).AppendValue(number).AppendValue(raw).AppendValue(bytes).AppendValue(utf8).EndRow();
                });
                loaded += file.Bytes;
                WindowProgress.Report(work, WindowPhase.Reading, loaded, 0);
            }
        }

        db.Execute("CREATE VIEW lines AS SELECT file, line, decode(raw) AS raw, bytes, utf8 FROM line_bytes");
    }

    /// <summary>The previous state's pages as <c>state(user_id, t, page, site, api_version, browser, language)</c>; text as bytes, as for lines.</summary>
    private static void LoadState(WindowDatabase db, IReadOnlyList<Visit> visits, Vocabulary vocabulary)
    {
        db.Execute("CREATE TABLE state_bytes (user_id BIGINT, t BIGINT, page BLOB, site BLOB, api_version BLOB, browser BLOB, language BLOB)");
        using (var appender = db.Appender("state_bytes"))
        {
            static byte[]? Bytes(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);
            foreach (var visit in visits)
            {
                var m = vocabulary.MetadataOf(visit);
                appender.CreateRow().AppendValue(visit.UserId).AppendValue(visit.EventTimeMs).AppendValue(Bytes(vocabulary.PageOf(visit)))
                    .AppendValue(Bytes(m.Site)).AppendValue(Bytes(m.ApiVersion)).AppendValue(Bytes(m.Browser)).AppendValue(Bytes(m.Language)).EndRow();
            }
        }

        db.Execute("CREATE VIEW state AS SELECT user_id, t, decode(page) AS page, decode(site) AS site, decode(api_version) AS api_version, "
            + "decode(browser) AS browser, decode(language) AS language FROM state_bytes");
    }

    /// <summary>The first rejected lines, for the quality gate's message.</summary>
    private static List<RejectedRecord> RejectedExamples(WindowDatabase db)
    {
        var examples = new List<RejectedRecord>();
        db.ForEachRow("SELECT file, line, reason FROM validated WHERE kind = 'rejected' ORDER BY file, line LIMIT 5", row =>
        {
            var reason = RejectionReasons.All.First(r => r.Code() == row.GetString(2));
            examples.Add(new RejectedRecord(row.GetString(0), row.GetInt64(1), reason, []));
        });
        return examples;
    }

    private static ManifestFile WritePart(WindowDatabase db, string query, WindowWork work, string kind)
    {
        using var part = LinePart.Open(work.Staging[kind], kind, work.Window, work.Settings.CompressionLevel);
        db.ForEachRow(query, row => part.Add(row.GetString(0)));
        return part.Close();
    }
}
