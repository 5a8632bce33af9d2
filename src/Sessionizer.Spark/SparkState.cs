using System.Globalization;
using Microsoft.Spark.Sql;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;
using Sessionizer.Engine.State;

namespace Sessionizer.Spark;

/// <summary>
/// Reads the previous window's active sessions with Spark, as <c>Engine.State.StateReader</c> does locally:
/// from the previous window's commit (its manifest read from the output root; every active-sessions part
/// it lists checked against its SHA-256 and record count) or from a folder (<c>--previous-state</c>).
/// The records are cached as the view <c>state_records</c> (<see cref="SparkSql.StateSchema"/>), read in
/// FAILFAST mode: a line that is not JSON, or a field of the wrong type, fails the run (exit 1); so does a
/// record the local reader refuses and the schema lets through (<see cref="SparkSql.StateCounts"/>).
/// </summary>
internal sealed class SparkState(SparkSession spark, HadoopFiles files, HadoopPaths layout)
{
    public const string View = "state_records";

    public PreviousState None()
    {
        Define([]);
        return PreviousState.None;
    }

    public PreviousState FromCommittedWindow(Window previous)
    {
        var committed = CommittedState.Read(previous, layout.ManifestPath(previous), path => files.Exists(path) ? files.ReadUtf8(path) : null);
        foreach (var output in committed.Files)
        {
            var path = layout.Resolve(output.Path);
            committed.Check(output, path, Checksum(path).Sha256, () => Counts(path).Records);
        }

        var (sessions, inactive) = Define(committed.Files.Select(o => layout.Resolve(o.Path)).ToList());
        return new PreviousState([], sessions, inactive, committed.Lineage);
    }

    /// <param name="stateFiles">The folder's .json/.jsonl(.gz) files, found as a window's input files are.</param>
    public PreviousState FromDirectory(string directory, IReadOnlyList<(HadoopEntry File, string RelativePath)> stateFiles)
    {
        var recorded = stateFiles.Select(f =>
        {
            var (sha, bytes) = Checksum(f.File.Path);
            return new ManifestFile { Path = f.RelativePath, Bytes = bytes, Records = Counts(f.File.Path).Records, Sha256 = sha };
        }).ToList();
        var (sessions, inactive) = Define(stateFiles.Select(f => f.File.Path).ToList());
        return new PreviousState([], sessions, inactive, new ManifestPrevious { Path = directory, Files = recorded });
    }

    /// <summary>Caches the records of <paramref name="paths"/> as <see cref="View"/>; returns the active and inactive records.</summary>
    private (long Sessions, long Inactive) Define(IReadOnlyList<string> paths)
    {
        // Dropped before its source view is replaced, so that dropping it uncaches the records of the window
        // before; and CACHE TABLE ... AS below would not replace it.
        spark.Sql(SparkSql.DropView(View));
        if (paths.Count == 0)
        {
            spark.Sql($"SELECT * FROM VALUES (CAST(NULL AS STRING)) AS t(x) WHERE false").SelectExpr(
                "CAST(NULL AS BIGINT) AS userId", "CAST(NULL AS ARRAY<STRUCT<eventTime: BIGINT, pageName: STRING>>) AS visitedPages",
                "CAST(NULL AS STRING) AS browser", "CAST(NULL AS STRING) AS language", "CAST(NULL AS STRING) AS site",
                "CAST(NULL AS STRING) AS apiVersion", "CAST(NULL AS BOOLEAN) AS isActive").CreateOrReplaceTempView(View);
            return (0, 0);
        }

        Read(paths.ToArray()).CreateOrReplaceTempView(View + "_json");
        spark.Sql($"CACHE TABLE {View} AS SELECT * FROM {View}_json");
        var (records, inactive) = CheckedCounts(View, string.Join(", ", paths));
        return (records - inactive, inactive);
    }

    private DataFrame Read(params string[] paths) =>
        spark.Read().Schema(SparkSql.StateSchema).Option("mode", "FAILFAST").Json(paths);

    /// <summary>One file's records, checked as a whole read checks them.</summary>
    private (long Records, long Inactive) Counts(string path)
    {
        Read(path).CreateOrReplaceTempView("state_file");
        return CheckedCounts("state_file", path);
    }

    private (long Records, long Inactive) CheckedCounts(string view, string what)
    {
        var row = spark.Sql(SparkSql.StateCounts(view)).First();
        long At(int i) => Convert.ToInt64(row.Get(i), CultureInfo.InvariantCulture);
        if (At(2) > 0)
        {
            throw new RunFailedException(RunFailure.Failed,
                $"State {what}: {At(2)} records are not active-session records (a missing or non-positive userId, no visitedPages, "
                + "or a page without eventTime or pageName). State is never skipped; repair or rerun the window that wrote it.");
        }

        return (At(0), At(1));
    }

    /// <summary>A file's SHA-256 (lowercase hex) and size, read by Spark's binaryFile source (files up to 2 GiB).</summary>
    private (string Sha256, long Bytes) Checksum(string path)
    {
        var row = spark.Read().Format("binaryFile").Load(path).SelectExpr("sha2(content, 256)", "length").First();
        return ((string)row.Get(0), Convert.ToInt64(row.Get(1), CultureInfo.InvariantCulture));
    }
}
