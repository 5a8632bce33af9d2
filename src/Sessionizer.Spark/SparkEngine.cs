using Microsoft.Spark.Sql;
using Serilog;
using Sessionizer.Core.Records;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;
using Sessionizer.Sql;

namespace Sessionizer.Spark;

/// <summary>
/// The spark engine: the SQL plan (<see cref="WindowPlan"/>, <see cref="SparkDialect"/>) run by Spark SQL
/// from the driver, no .NET code on the executors (no UDFs). The runner's part: the <c>lines</c>
/// relation read from the window's files by Spark (<see cref="SparkSql.Lines"/>), the <c>state</c>
/// relation from the records the flow read (<see cref="SparkState"/>: view <c>state_records</c>), and
/// each records query written as one part file with the local engine's name.
/// </summary>
/// <remarks>
/// The files of <see cref="WindowWork.Files"/> and the staging folders are Hadoop paths; the state's
/// visits are not loaded on the driver (<see cref="WindowWork.State"/> carries only counts and lineage).
/// </remarks>
internal sealed class SparkEngine(SparkSession spark, HadoopFiles files, ILogger log) : WindowEngine
{
    /// <summary>The empty gzip part of the local engine (header, empty final block, CRC 0, size 0).</summary>
    private static readonly byte[] EmptyGzip = Convert.FromHexString("1F8B080000000000000303000000000000000000");

    /// <summary>The file keys (<see cref="SparkSql.FileKeys"/>) of the window being run.</summary>
    private string _fileKeys = SparkSql.FileKeys([]);

    public override string Name => "spark";

    public override WindowProduct Produce(WindowWork work, CancellationToken cancel)
    {
        var (window, settings) = (work.Window, work.Settings);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = new WindowPlan(SparkDialect.Instance, window, settings.Rules);
        var statements = plan.Statements.ToDictionary(s => s.Name);

        DefineLines(work.Files ?? []);
        Define(plan, statements["validated"]);
        var unmapped = spark.Sql("SELECT count(*) FROM validated WHERE file IS NULL").First().Get(0);
        if (Convert.ToInt64(unmapped, System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            throw new RunFailedException(RunFailure.Failed,
                "Spark reported input lines from a file path that matches none of the listed files (_metadata.file_path differs from Hadoop's "
                + $"Path.toString() and Path.toUri()): {string.Join(", ", spark.Sql(SparkSql.UnmatchedPaths("input_raw", _fileKeys)).Collect().Select(row => row.Get(0)))}");
        }

        var counts = Row(statements["input_counts"].Sql);
        var input = InputCounts.Of(counts[0], counts[1], counts[2], counts[3], counts[4..]);
        QualityGate.Check(window, input, RejectedExamples(), settings.MaxRejectedFraction);
        cancel.ThrowIfCancellationRequested();
        var readTime = clock.Elapsed;

        spark.Sql(SparkSql.State("state_records")).CreateOrReplaceTempView("state");
        Define(plan, statements["visits"]);
        Define(plan, statements["sessions"]);
        var duplicates = Row(statements["duplicates"].Sql)[0];
        var sessionCounts = Row(statements["session_counts"].Sql);
        var closedByReason = sessionCounts.Skip(1).ToArray();
        cancel.ThrowIfCancellationRequested();

        var active = WritePart(statements["active_records"].Sql, work, OutputLayout.ActiveSessions, sessionCounts[0]);
        var closed = WritePart(statements["closed_records"].Sql, work, OutputLayout.ClosedSessions, closedByReason.Sum());
        var rejected = WritePart(statements["rejected_records"].Sql, work, OutputLayout.Rejected, input.Rejected);
        foreach (var cached in new[] { "sessions", "visits", "validated" })
        {
            spark.Sql($"UNCACHE TABLE IF EXISTS {cached}");
        }

        log.Debug("Window {Window} on spark: read and validate {Read:0.000}s, sessionize and write {Sessions:0.000}s",
            window.ToString(), readTime.TotalSeconds, (clock.Elapsed - readTime).TotalSeconds);
        return new WindowProduct(input, duplicates, sessionCounts[0], closedByReason.Sum(), closedByReason, active, closed, rejected);
    }

    /// <summary>Runs a defining statement of the plan, replacing the view of an earlier window of the range.</summary>
    private void Define(WindowPlan plan, PlanStatement statement)
    {
        foreach (var sql in SparkSql.Redefine(statement.Name, plan.Runnable(statement)))
        {
            spark.Sql(sql);
        }
    }

    /// <summary>The view <c>lines(file, line, raw, bytes, utf8)</c> over the window's files.</summary>
    private void DefineLines(IReadOnlyList<InputFile> inputFiles)
    {
        if (inputFiles.Count == 0)
        {
            spark.Sql(SparkSql.NoLines).CreateOrReplaceTempView("lines");
            return;
        }

        // lineSep "\n": Spark's default also ends a line at a lone \r, which the local reader keeps in the line.
        spark.Read().Option("lineSep", "\n").Text(inputFiles.Select(f => f.FullPath).ToArray())
            .SelectExpr(SparkSql.RawColumns)
            .CreateOrReplaceTempView("input_raw");
        _fileKeys = SparkSql.FileKeys(inputFiles.SelectMany(f => new[] { (f.FullPath, f.RelativePath), (files.ToUri(f.FullPath), f.RelativePath) }));
        var spark4 = !spark.Version().StartsWith("3.", StringComparison.Ordinal);
        spark.Sql(SparkSql.Lines("input_raw", _fileKeys, spark4)).CreateOrReplaceTempView("lines");
    }

    /// <summary>The first rejected lines, for the quality gate's message.</summary>
    private List<RejectedRecord> RejectedExamples() =>
        spark.Sql("SELECT file, line, reason FROM validated WHERE kind = 'rejected' ORDER BY file, line LIMIT 5").Collect()
            .Select(row => new RejectedRecord((string)row.Get(0), Convert.ToInt64(row.Get(1), System.Globalization.CultureInfo.InvariantCulture),
                RejectionReasons.All.First(r => r.Code() == (string)row.Get(2)), []))
            .ToList();

    /// <summary>
    /// Writes the rows of a records query as the one part of <paramref name="kind"/>, in the query's order:
    /// Spark writes a directory (<c>part-00000-UUID-c000.txt[.gz]</c>, <c>_SUCCESS</c>, <c>.crc</c> files on a
    /// local path) beside the staging folder; its one part is renamed to the local engine's name.
    /// </summary>
    private ManifestFile WritePart(string recordsQuery, WindowWork work, string kind, long records)
    {
        var gzip = kind != OutputLayout.ActiveSessions;
        var staging = work.Staging[kind];
        var scratch = staging + ".spark";
        var (query, keys) = SparkSql.SplitOrderBy(recordsQuery);
        spark.Sql(query).Repartition(1).SortWithinPartitions(keys[0], keys[1..]).Select("record")
            .Write().Option("compression", gzip ? "gzip" : "none").Text(scratch);

        var name = HadoopPaths.PartName(kind);
        var target = HadoopPaths.Join(staging, name);
        var parts = files.List(scratch).Where(e => !e.IsDirectory && e.Name.StartsWith("part-", StringComparison.Ordinal)).ToList();
        switch (parts.Count)
        {
            case 0:
                // No rows may mean no file (an empty result of no partitions): the local engine's empty part.
                files.Write(target, gzip ? EmptyGzip : []);
                break;
            case 1:
                files.Rename(parts[0].Path, target);
                break;
            default:
                throw new RunFailedException(RunFailure.Failed, $"Spark wrote {parts.Count} part files for {kind}, expected one: {string.Join(", ", parts.Select(p => p.Name))}");
        }

        files.Delete(scratch);
        files.Delete(HadoopPaths.Join(staging, $".{name}.crc"));
        var sha = (string)spark.Read().Format("binaryFile").Load(target).SelectExpr("sha2(content, 256)").First().Get(0);
        return new ManifestFile
        {
            Path = OutputLayout.RelativeDataPath(kind, work.Window, name),
            Bytes = files.Length(target),
            Records = records,
            Sha256 = sha,
        };
    }

    private long[] Row(string query)
    {
        var row = spark.Sql(query).First();
        return row.Values.Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }
}
