using System.Text;
using System.Text.RegularExpressions;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Text;
using Sessionizer.Core.Visits;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;
using Sessionizer.Sql;

namespace Sessionizer.Spark.Tests;

public sealed class SparkSqlTests
{
    private static readonly Dictionary<string, PlanStatement> Plan =
        new WindowPlan(SparkDialect.Instance, Window.Parse("2026-11-20T10"), SessionRules.Default).Statements.ToDictionary(s => s.Name);

    [Theory]
    [InlineData("active_records", new[] { "user_id" })]
    [InlineData("closed_records", new[] { "user_id", "start_ms" })]
    [InlineData("rejected_records", new[] { "file", "line" })]
    public void EveryRecordsQueryOfThePlanSplitsIntoAQueryWithItsSortKeys(string statement, string[] keys)
    {
        var sql = Plan[statement].Sql;
        var (query, split) = SparkSql.SplitOrderBy(sql);

        Assert.Equal(keys, split);
        Assert.DoesNotContain(" ORDER BY ", query, StringComparison.Ordinal);
        Assert.Contains($" AS record, {string.Join(", ", keys)} FROM ", query, StringComparison.Ordinal);
        // Nothing else changed: the query is the original with the keys selected and the ORDER BY gone.
        Assert.Equal(sql[..sql.LastIndexOf(" ORDER BY ", StringComparison.Ordinal)],
            query.Replace($" AS record, {string.Join(", ", keys)} FROM ", " AS record FROM ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("SELECT x AS record FROM t ORDER BY lower(x)")]
    public void AQueryNotShapedAsTheRecordsQueriesIsRefused(string sql) =>
        Assert.Throws<ArgumentException>(() => SparkSql.SplitOrderBy(sql));

    [Fact]
    public void FileKeysAreQuotedSparkLiteralsAndDeduplicated()
    {
        var sql = SparkSql.FileKeys([("hdfs://nn/in/2026/11/20/10/it's.json", "2026/11/20/10/it's.json"), ("hdfs://nn/in/2026/11/20/10/it's.json", "2026/11/20/10/it's.json"),
            (@"file:/in/a\b.json", @"2026/11/20/10/a\b.json")]);

        Assert.Equal(@"SELECT key, file FROM VALUES ('hdfs://nn/in/2026/11/20/10/it\'s.json', '2026/11/20/10/it\'s.json'), ('file:/in/a\\b.json', '2026/11/20/10/a\\b.json') AS t(key, file)", sql);
    }

    [Fact]
    public void TheUnmatchedPathsAreThoseOfNoKey()
    {
        var keys = SparkSql.FileKeys([("hdfs://nn/in/a b.json", "a b.json"), ("hdfs://nn/in/a%20b.json", "a b.json")]);

        Assert.Equal(
            "SELECT DISTINCT r.file_path FROM input_raw r LEFT ANTI JOIN (" + keys + ") k ON r.file_path = k.key ORDER BY r.file_path LIMIT 5",
            SparkSql.UnmatchedPaths("input_raw", keys));
    }

    [Fact]
    public void NoFilesGiveAnEmptyKeyRelation() =>
        Assert.EndsWith("WHERE false", SparkSql.FileKeys([]), StringComparison.Ordinal);

    [Theory]
    [InlineData(false, "b = encode(CAST(b AS STRING), 'UTF-8')", "decode(CASE")]
    [InlineData(true, "is_valid_utf8(CAST(b AS STRING))", "make_valid_utf8(CAST(CASE")]
    public void LinesCheckUtf8PerSparkVersion(bool spark4, string check, string decode)
    {
        var sql = SparkSql.Lines("input_raw", "SELECT 'k' AS key, 'f' AS file", spark4);

        Assert.Contains(check, sql, StringComparison.Ordinal);
        Assert.Contains(decode, sql, StringComparison.Ordinal);
        Assert.Contains("row_number() OVER (PARTITION BY file_path, block_start ORDER BY mid)", sql, StringComparison.Ordinal);
        Assert.Contains("ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING", sql, StringComparison.Ordinal);
        // The cut of an invalid line: 64 KiB + 1 bytes, reversed, its leading continuation bytes and one more dropped.
        Assert.Contains("substring(b, 1, 65537)", sql, StringComparison.Ordinal);
        Assert.Contains(@"'^[\\x{80}-\\x{BF}]*+(?s:.)?'", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutputLayout.ActiveSessions, "part-00000.json")]
    [InlineData(OutputLayout.ClosedSessions, "part-00000.json.gz")]
    [InlineData(OutputLayout.Rejected, "part-00000.json.gz")]
    public void PartsAreNamedAsTheLocalEngineNamesThem(string kind, string name) => Assert.Equal(name, HadoopPaths.PartName(kind));

    [Fact]
    public void TheLayoutUnderAHadoopRootKeepsTheSchemeAndUsesSlashes()
    {
        var layout = new HadoopPaths("s3a://bucket/out/");
        var window = Window.Parse("2026-11-20T10");

        Assert.Equal("s3a://bucket/out/manifests/2026-11-20T10.json", layout.ManifestPath(window));
        Assert.Equal("s3a://bucket/out/closed-sessions/2026/11/20/10", layout.DataDirectory(OutputLayout.ClosedSessions, window));
        Assert.Equal("s3a://bucket/out/_temporary/2026-11-20T10", layout.WindowTemporaryDirectory(window));
    }

    [Fact]
    public void EveryViewThePlanDefinesIsDroppedBeforeItIsCachedAgain()
    {
        // CACHE TABLE name AS query creates a temporary view and never replaces one (Spark's
        // CacheTableAsSelectExec: CreateViewCommand with replace = false): the second window of a range
        // would fail with "temporary view already exists" unless the view of the first is dropped.
        var plan = new WindowPlan(SparkDialect.Instance, Window.Parse("2026-11-20T10"), SessionRules.Default);
        var defining = plan.Statements.Where(s => s.Defines).ToList();

        Assert.Equal(["validated", "visits", "sessions"], defining.Select(s => s.Name));
        foreach (var statement in defining)
        {
            var sql = SparkSql.Redefine(statement.Name, plan.Runnable(statement));

            Assert.Equal(2, sql.Count);
            Assert.Equal($"DROP VIEW IF EXISTS {statement.Name}", sql[0]);
            Assert.StartsWith($"CACHE TABLE {statement.Name} AS", sql[1], StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The cut of an invalid line (<see cref="SparkSql.InvalidLineCut"/>, a java.util.regex pattern) run as
    /// .NET reads the same pattern (the possessive <c>*+</c> as an atomic group) gives the local engine's cut.
    /// </summary>
    [Theory]
    [InlineData("ascii at the cut")]
    [InlineData("a character across the cut")]
    [InlineData("continuation bytes up to a lead byte")]
    [InlineData("continuation bytes only")]
    [InlineData("continuation bytes to the first byte, an ascii one")]
    public void TheCutOfAnInvalidLineIsTheLocalEnginesCut(string shape)
    {
        var max = InputLimits.MaxRawBytes;
        var line = Enumerable.Repeat((byte)'a', max + 100).ToArray();
        switch (shape)
        {
            case "a character across the cut":
                line[max - 1] = 0xE2;
                line[max] = 0x82;
                line[max + 1] = 0xAC;
                break;
            case "continuation bytes up to a lead byte":
                Array.Fill(line, (byte)0x80, 10, line.Length - 10);
                line[9] = 0xFF;
                break;
            case "continuation bytes only":
                Array.Fill(line, (byte)0xBF);
                break;
            case "continuation bytes to the first byte, an ascii one":
                Array.Fill(line, (byte)0x80, 1, line.Length - 1);
                break;
        }

        Assert.Equal(@"^[\x{80}-\x{BF}]*+(?s:.)?", SparkSql.InvalidLineCut);
        var dotnet = new Regex(@"^(?>[\x80-\xBF]*)(?s:.)?", RegexOptions.CultureInvariant);
        var reversed = new string(Encoding.Latin1.GetString(line, 0, max + 1).Reverse().ToArray());
        var kept = dotnet.Replace(reversed, "", 1).Length;

        Assert.Equal(Utf8Cut.Length(line, max), kept);
    }

    [Fact]
    public void TheSettingsThePlanReadsArePinned()
    {
        var pinned = SparkSettings.Pinned.ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("UTC", pinned["spark.sql.session.timeZone"]);
        Assert.Equal("false", pinned["spark.sql.variable.substitute"]);
        // SparkDialect.Literal writes backslash escapes: Spark must read them as escapes.
        Assert.Equal("false", pinned["spark.sql.parser.escapedStringLiterals"]);
        Assert.Equal("true", pinned["spark.sql.ansi.enabled"]);
        Assert.Equal("0", pinned["spark.sql.files.maxRecordsPerFile"]);
    }

    [Theory]
    [InlineData("a.json", false)]
    [InlineData("a.json.gz", false)]
    [InlineData("A.JSON.gz", false)]
    [InlineData("a.json.GZ", true)]
    [InlineData("a.jsonl.Gz", true)]
    public void AGzipNameHadoopWouldNotDecompressIsFound(string name, bool missed) =>
        Assert.Equal(missed, HadoopPaths.HasGzipSuffixHadoopMisses(name));

    [Theory]
    [InlineData("hdfs://nn/in/2026/11/20/10/a b%20.json", false)]
    [InlineData("hdfs://nn/in/2026/11/20/10/a[1].json", true)]
    [InlineData("hdfs://nn/in/2026/11/20/10/{a}.json", true)]
    [InlineData("file:/in/2026/11/20/10/a*.json", true)]
    [InlineData("file:/in/2026/11/20/10/a?.json", true)]
    [InlineData(@"file:/in/2026/11/20/10/a\b.json", true)]
    public void APathSparkWouldReadAsAGlobIsFound(string path, bool glob) => Assert.Equal(glob, HadoopPaths.IsGlobForSpark(path));
}
