using System.Globalization;
using Sessionizer.Core.Visits;
using Sessionizer.Sql;

namespace Sessionizer.Spark;

/// <summary>
/// The SQL the Spark runner adds around the plan (<see cref="WindowPlan"/>): the <c>lines</c> and
/// <c>state</c> relations it starts from, and each records query split for writing one sorted part.
/// Pure text, so it is tested without a JVM.
/// </summary>
internal static class SparkSql
{
    /// <summary>
    /// Columns of the raw-input view the runner defines over <c>spark.read().option("lineSep", "\n").text(paths)</c>,
    /// in the projection right over the scan (before any shuffle, so that the id follows the read order).
    /// </summary>
    public static readonly string[] RawColumns =
    [
        "value AS text", "_metadata.file_path AS file_path", "_metadata.file_block_start AS block_start", "monotonically_increasing_id() AS mid",
    ];

    /// <summary>
    /// The statements that (re)define the cached view <paramref name="name"/> with <paramref name="cacheTable"/>
    /// (the Spark dialect's <c>CACHE TABLE name AS query</c>): Spark's <c>CACHE TABLE … AS</c> creates its
    /// temporary view without replacing one of that name (it fails with "temporary view already exists"),
    /// so the view of the window before, in a range, is dropped first (<c>DROP VIEW</c> also uncaches it).
    /// </summary>
    public static IReadOnlyList<string> Redefine(string name, string cacheTable) => [DropView(name), cacheTable];

    /// <summary>Drops the temporary view <paramref name="name"/>, if any, and uncaches it (while the views it reads are unchanged, so that its cached plan is found).</summary>
    public static string DropView(string name) => $"DROP VIEW IF EXISTS {name}";

    /// <summary>
    /// The empty <c>lines</c> relation, for a window without input files (Spark cannot read zero paths).
    /// </summary>
    public const string NoLines =
        "SELECT CAST(NULL AS STRING) AS file, CAST(NULL AS BIGINT) AS line, CAST(NULL AS STRING) AS raw, CAST(NULL AS BIGINT) AS bytes, CAST(NULL AS BOOLEAN) AS utf8 WHERE false";

    /// <summary>
    /// <c>(key, file)</c>: each input file's relative path (how records and manifests name it) under each
    /// form Spark may report its location in <c>_metadata.file_path</c> (Hadoop's <c>Path.toString()</c>
    /// and the percent-encoded <c>Path.toUri().toString()</c>).
    /// </summary>
    public static string FileKeys(IEnumerable<(string Key, string File)> files)
    {
        var rows = files.Distinct().Select(f => $"({Quote(f.Key)}, {Quote(f.File)})").ToList();
        return rows.Count == 0
            ? "SELECT CAST(NULL AS STRING) AS key, CAST(NULL AS STRING) AS file WHERE false"
            : $"SELECT key, file FROM VALUES {string.Join(", ", rows)} AS t(key, file)";
    }

    /// <summary>
    /// The first few file paths of the raw-input view <paramref name="raw"/> that match no key of
    /// <paramref name="keys"/> (<see cref="FileKeys"/>): the paths whose lines would have no file.
    /// </summary>
    public static string UnmatchedPaths(string raw, string keys) =>
        $"SELECT DISTINCT r.file_path FROM {raw} r LEFT ANTI JOIN ({keys}) k ON r.file_path = k.key ORDER BY r.file_path LIMIT 5";

    /// <summary>
    /// What the cut of an invalid line removes from its first 64 KiB + 1 bytes, reversed (each byte a
    /// Latin-1 character), as java.util.regex reads it: the continuation bytes (U+0080..U+00BF) at its
    /// start, and the byte after them if any (anchored, so linear in the length). The byte after them is
    /// optional: when every byte is a continuation byte, <c>Utf8Cut</c> keeps nothing, and so must this.
    /// </summary>
    internal const string InvalidLineCut = @"^[\x{80}-\x{BF}]*+(?s:.)?";

    /// <summary>
    /// <c>lines(file, line, raw, bytes, utf8)</c> from the raw-input view <paramref name="raw"/>
    /// (<see cref="RawColumns"/>) and the file keys <paramref name="keys"/> (<see cref="FileKeys"/>).
    /// </summary>
    /// <remarks>
    /// <para>Line numbers: Spark splits a plain file into blocks read by different tasks; Hadoop's line
    /// reader gives each line to the block it starts in. A line's number is the number of lines of the
    /// earlier blocks of its file plus its rank in its block by <c>monotonically_increasing_id()</c>
    /// (increasing within a task in read order). A .gz file is one block.</para>
    /// <para>Line ends: the read splits on <c>\n</c> only (Spark's default also splits on a lone <c>\r</c>);
    /// one trailing <c>\r</c> is removed here, as the local reader does (also on a last line without <c>\n</c>).</para>
    /// <para>Byte order mark: Hadoop's <c>LineRecordReader</c> already removes one UTF-8 BOM at the start of
    /// a file (<c>skipUtfByteOrderMark</c>, at position 0, compressed files too), as the local reader does;
    /// removing it here as well would remove a second one.</para>
    /// <para>UTF-8: Spark keeps a line's bytes as read. On Spark 3.5 they are valid UTF-8 when they survive
    /// the round trip through a Java string (<c>encode</c> replaces invalid bytes); Spark 4.0 has
    /// <c>is_valid_utf8</c> (and its <c>encode</c>/<c>decode</c> report invalid bytes as errors by default).
    /// The raw text of an invalid line is cut first, as the local engine cuts it
    /// (<c>RejectedRecord.CutRaw</c>: the first 64 KiB, stepping back over continuation bytes), then
    /// decoded with U+FFFD for the bad bytes.</para>
    /// </remarks>
    public static string Lines(string raw, string keys, bool spark4)
    {
        var max = InputLimits.MaxRawBytes.ToString(CultureInfo.InvariantCulture);
        var maxPlusOne = (InputLimits.MaxRawBytes + 1).ToString(CultureInfo.InvariantCulture);
        // The first 64 KiB + 1 bytes, each byte one Latin-1 character, reversed: drop what InvalidLineCut matches.
        var reversed = $"reverse(decode(substring(b, 1, {maxPlusOne}), 'ISO-8859-1'))";
        var cut = $"CASE WHEN octet_length(b) <= {max} THEN b "
            + $"ELSE encode(reverse(regexp_replace({reversed}, {Quote(InvalidLineCut)}, '')), 'ISO-8859-1') END";
        var valid = spark4 ? "is_valid_utf8(CAST(b AS STRING))" : "b = encode(CAST(b AS STRING), 'UTF-8')";
        var decoded = spark4 ? $"make_valid_utf8(CAST({cut} AS STRING))" : $"decode({cut}, 'UTF-8')";
        return $"""
            WITH numbered AS (
                SELECT file_path, block_start, CAST(text AS BINARY) AS bin,
                    row_number() OVER (PARTITION BY file_path, block_start ORDER BY mid) AS in_block
                FROM {raw}
            ),
            blocks AS (
                SELECT file_path, block_start,
                    coalesce(sum(count(*)) OVER (PARTITION BY file_path ORDER BY block_start ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                FROM {raw}
                GROUP BY file_path, block_start
            ),
            stripped AS (
                SELECT k.file, b.before + n.in_block AS line,
                    CASE WHEN octet_length(n.bin) > 0 AND substring(n.bin, octet_length(n.bin), 1) = X'0D'
                        THEN substring(n.bin, 1, octet_length(n.bin) - 1) ELSE n.bin END AS b
                FROM numbered n
                JOIN blocks b ON n.file_path = b.file_path AND n.block_start = b.block_start
                LEFT JOIN ({keys}) k ON n.file_path = k.key
            ),
            checked AS (
                SELECT file, line, b, {valid} AS utf8 FROM stripped
            )
            SELECT file, line, CASE WHEN utf8 THEN CAST(b AS STRING) ELSE {decoded} END AS raw, octet_length(b) AS bytes, utf8
            FROM checked
            """;
    }

    /// <summary>
    /// The schema of an active-session record (docs/reference.md §4.3), as <c>spark.read().schema(...).json(...)</c>
    /// reads it; <c>expirationTimeMillisUtc</c> is left out (derived, recomputed, not trusted).
    /// </summary>
    public const string StateSchema =
        "userId BIGINT, visitedPages ARRAY<STRUCT<eventTime: BIGINT, pageName: STRING>>, "
        + "browser STRING, language STRING, site STRING, apiVersion STRING, isActive BOOLEAN";

    /// <summary>
    /// One row over the state records view <paramref name="records"/>: records, inactive records
    /// (<c>"isActive": false</c>), and records the local reader would refuse that the schema lets
    /// through (a missing or non-positive userId, no pages, a page without its time or name).
    /// Every column is read, so every record is parsed (a count alone may skip parsing, and FAILFAST with it).
    /// </summary>
    public static string StateCounts(string records) => $"""
        SELECT count(*) AS records,
            count_if(isActive = false) AS inactive,
            count_if(userId IS NULL OR userId <= 0 OR visitedPages IS NULL OR size(visitedPages) = 0
                OR exists(visitedPages, p -> p IS NULL OR p.eventTime IS NULL OR p.pageName IS NULL)) AS invalid
        FROM {records}
        """;

    /// <summary>The <c>state</c> relation the plan reads: the pages of the active records.</summary>
    public static string State(string records) => $"""
        SELECT userId AS user_id, p.eventTime AS t, p.pageName AS page, site, apiVersion AS api_version, browser, language
        FROM {records} LATERAL VIEW explode(visitedPages) pages AS p
        WHERE isActive IS NULL OR isActive
        """;

    /// <summary>The empty <c>state</c> relation.</summary>
    public const string NoState =
        "SELECT CAST(NULL AS BIGINT) AS user_id, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS page, CAST(NULL AS STRING) AS site, "
        + "CAST(NULL AS STRING) AS api_version, CAST(NULL AS STRING) AS browser, CAST(NULL AS STRING) AS language WHERE false";

    /// <summary>
    /// A records query (<c>SELECT … AS record FROM … ORDER BY k1, k2</c>, as the plan writes them) as the
    /// same query without its ORDER BY but with the sort keys as columns, and the keys: written as
    /// <c>repartition(1)</c> then <c>sortWithinPartitions(keys)</c> (one part, in order, whatever
    /// happens to the partitioning of a global sort on the way to the writer).
    /// </summary>
    public static (string Query, string[] Keys) SplitOrderBy(string recordsQuery)
    {
        const string orderBy = " ORDER BY ";
        const string selectEnd = " AS record FROM ";
        var order = recordsQuery.LastIndexOf(orderBy, StringComparison.Ordinal);
        var select = recordsQuery.LastIndexOf(selectEnd, StringComparison.Ordinal);
        if (order < 0 || select < 0 || select > order)
        {
            throw new ArgumentException("Not a records query of the plan (SELECT ... AS record FROM ... ORDER BY keys)", nameof(recordsQuery));
        }

        var keys = recordsQuery[(order + orderBy.Length)..].Trim().Split(',', StringSplitOptions.TrimEntries);
        if (keys.Any(k => k.Length == 0 || !k.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            throw new ArgumentException($"The records query's ORDER BY is not a list of columns: {string.Join(", ", keys)}", nameof(recordsQuery));
        }

        var query = recordsQuery[..select] + " AS record, " + string.Join(", ", keys) + " FROM " + recordsQuery[(select + selectEnd.Length)..order];
        return (query, keys);
    }

    private static string Quote(string text) => SparkDialect.Instance.Literal(text);
}
