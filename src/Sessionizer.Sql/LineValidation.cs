using System.Globalization;
using System.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Sql;

/// <summary>
/// Input validation (docs/reference.md §2.2–§2.5) as one SQL statement: from a relation of raw lines
/// <c>(file, line, raw)</c> to <c>(file, line, kind, reason, user_id, event_time_ms, page, site,
/// api_version, browser, language)</c>, as <see cref="VisitParser"/> judges each line. <c>kind</c> is
/// <c>visit</c>, <c>blank</c> or <c>rejected</c>; <c>reason</c> is the code of the first rule broken
/// (null unless rejected); the fields are null unless the line is a visit.
/// </summary>
/// <remarks>
/// Written once, as a chain of steps over named facts of the line: the checks over the raw text and
/// the rule ladder are in SQL every dialect shares; the dialect renders the rest. The raw text must be
/// valid UTF-8 (an engine's string cannot hold anything else): reading bytes into lines is another step.
/// </remarks>
internal sealed class LineValidation(SqlDialect dialect)
{
    /// <summary>The columns of the statement's result, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "file", "line", "kind", "reason", "user_id", "event_time_ms", "page", "site", "api_version", "browser", "language", "raw",
    ];

    /// <summary>The first and last instants of years 0001–9999, in epoch ms (as Core.Time.EventTime).</summary>
    private static readonly long MinMs = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
    private static readonly long MaxMs = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    private readonly SqlDialect _dialect = dialect;

    /// <summary>
    /// The statement over <paramref name="lines"/>, a relation name or parenthesized query with columns
    /// <c>file, line, raw, bytes, utf8</c>: the line's text, its length in bytes (a line over 1 MiB may
    /// be given cut: its raw is only kept for the rejected record), and whether its bytes are valid
    /// UTF-8 (if not, raw is the text with U+FFFD for the bad bytes, and the line is <c>malformed_json</c>).
    /// </summary>
    public string Render(string lines)
    {
        var steps = new List<(string Name, IReadOnlyList<SqlColumn> Columns)>
        {
            ("shaped", Shape()),
            ("lexed", [new("strict", Strict())]),
            ("structured", Structure()),
            ("checked", [new("one_json_value", OneJsonValue())]),
            ("sanitized", Sanitize()),
        };
        var fields = _dialect.FieldSteps("json", "is_object");
        for (var i = 0; i < fields.Count; i++)
        {
            steps.Add(($"fields{i + 1}", fields[i]));
        }

        steps.AddRange(EventTimeSteps());
        steps.Add(("judged", [new("reason", Ladder())]));

        var sql = new StringBuilder("WITH ");
        var previous = $"(SELECT file, line, raw, bytes, utf8 FROM {lines})";
        foreach (var (name, columns) in steps)
        {
            sql.Append(name).Append(" AS (\n    SELECT *");
            foreach (var column in columns)
            {
                sql.Append(",\n        ").Append(column.Expression).Append(" AS ").Append(column.Name);
            }

            sql.Append("\n    FROM ").Append(previous).Append("\n),\n");
            previous = name;
        }

        sql.Length -= 2;
        sql.Append("\nSELECT file, line,\n    CASE WHEN blank THEN 'blank' WHEN reason IS NULL THEN 'visit' ELSE 'rejected' END AS kind,\n    reason");
        foreach (var (column, value) in new[]
        {
            ("user_id", LineProbes.UserId), ("event_time_ms", "event_time_ms"), ("page", LineProbes.Page), ("site", LineProbes.Site),
            ("api_version", LineProbes.ApiVersion), ("browser", LineProbes.Browser), ("language", LineProbes.Language),
        })
        {
            sql.Append(",\n    CASE WHEN NOT blank AND reason IS NULL THEN ").Append(value).Append(" END AS ").Append(column);
        }

        // The raw text of the rejected record: cut at 64 KiB as the local engine cuts it (a no-op for a line
        // over 1 MiB a runner gives cut already). A line that is not valid UTF-8 comes cut already, before
        // its bad bytes became U+FFFD (3 bytes each), as the local engine cuts it: not cut again.
        sql.Append(",\n    CASE WHEN reason IS NOT NULL THEN CASE WHEN utf8 THEN ")
            .Append(_dialect.CutUtf8("raw", InputLimits.MaxRawBytes)).Append(" ELSE raw END END AS raw");
        sql.Append("\nFROM ").Append(previous).Append('\n');
        return sql.ToString();
    }

    /// <summary>
    /// Blank (never rejected, however long), too long by UTF-8 bytes, and the skeleton: the line with
    /// every string literal replaced by <c>""</c>, where every remaining character is structure.
    /// </summary>
    private IReadOnlyList<SqlColumn> Shape() =>
    [
        new("blank", _dialect.FullMatch("raw", JsonPatterns.Blank)),
        new("too_long", $"bytes > {InputLimits.MaxLineBytes}"),
        new("skeleton", $"{_dialect.ReplaceAll("raw", JsonPatterns.StringLiteral, "\"\"")}"),
    ];

    /// <summary>Only strict tokens, and no trailing comma: what the engines' JSON readers would let pass.</summary>
    private string Strict() =>
        $"NOT blank AND NOT too_long AND utf8 AND {_dialect.FullMatch("skeleton", JsonPatterns.SkeletonTokens)} "
        + $"AND NOT {_dialect.Contains("skeleton", JsonPatterns.TrailingComma)}";

    private IReadOnlyList<SqlColumn> Structure() =>
    [
        new("structured", $"CASE WHEN strict THEN {_dialect.IsJsonValue("skeleton")} ELSE false END"),
        new("brackets", $"CASE WHEN strict THEN {_dialect.ReplaceAll("skeleton", JsonPatterns.NotBracket, "")} END"),
    ];

    /// <summary>
    /// One JSON value, nesting at most <see cref="VisitParser.MaxNesting"/> levels; the depth is only
    /// worked out for a line with enough brackets to exceed it.
    /// </summary>
    private string OneJsonValue() =>
        $"CASE WHEN NOT structured THEN false WHEN length(brackets) <= {2 * VisitParser.MaxNesting} THEN true "
        + $"ELSE {_dialect.Nesting("brackets")} <= {VisitParser.MaxNesting} END";

    /// <summary>
    /// The JSON text the dialect reads fields from. Engines refuse an escaped lone surrogate
    /// (<c>"\ud800"</c>), which the parser reads as "not text": in a line holding one, a string literal
    /// with one becomes a key no field has (<c>""</c>), or, as a value, <c>false</c>, which every rule
    /// treats as it treats such a string (invalid page or event time, null metadata, ignored elsewhere).
    /// </summary>
    private IReadOnlyList<SqlColumn> Sanitize()
    {
        var lone = _dialect.Contains(_dialect.ReplaceAll("piece", JsonPatterns.EscapeButLoneSurrogate, ""), @"\\u");
        var replaced = $"CASE WHEN left(piece, 1) = '\"' AND {lone} THEN CASE WHEN right(piece, 1) = ':' THEN '\"\":' ELSE 'false' END ELSE piece END";
        var pieces = _dialect.Concat(_dialect.Transform(_dialect.AllMatches("raw", JsonPatterns.Piece), "piece", replaced));
        return
        [
            new("is_object", $"one_json_value AND {_dialect.Contains("skeleton", JsonPatterns.ObjectStart)}"),
            new("json", $"CASE WHEN one_json_value THEN CASE WHEN {_dialect.Contains("raw", JsonPatterns.SurrogateEscape)} THEN {pieces} ELSE raw END END"),
        ];
    }

    /// <summary>
    /// event_time_ms: an integer as it is, or an ISO-8601 text worked out by integer arithmetic (days from
    /// the civil date, proleptic Gregorian), so that no engine's calendar or time zone is involved.
    /// </summary>
    private List<(string, IReadOnlyList<SqlColumn>)> EventTimeSteps()
    {
        const string Text = LineProbes.EventTimeText;
        var iso = $"{LineProbes.EventTimeKind} = 'string' AND {_dialect.FullMatch(Text, JsonPatterns.IsoEventTime)}";
        string Part(int start, int length) => $"CAST(substr({Text}, {start}, {length}) AS BIGINT)";
        var millis = $"CAST(rpad({_dialect.Extract(Text, JsonPatterns.Milliseconds, 1)}, 3, '0') AS BIGINT)";
        var offset = $"CASE WHEN upper(right({Text}, 1)) = 'Z' THEN 0 "
            + $"ELSE CASE WHEN substr(right({Text}, 6), 1, 1) = '-' THEN -1 ELSE 1 END "
            + $"* (CAST(substr(right({Text}, 5), 1, 2) AS BIGINT) * 60 + CAST(right({Text}, 2) AS BIGINT)) END";
        var daysInMonth = "CASE WHEN et_month = 2 THEN CASE WHEN et_year % 4 = 0 AND (et_year % 100 <> 0 OR et_year % 400 = 0) THEN 29 ELSE 28 END "
            + "WHEN et_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END";
        return
        [
            ("timed", [
                new("et_iso", $"coalesce({iso}, false)"),
                new("et_year", $"CASE WHEN {iso} THEN {Part(1, 4)} END"),
                new("et_month", $"CASE WHEN {iso} THEN {Part(6, 2)} END"),
                new("et_day", $"CASE WHEN {iso} THEN {Part(9, 2)} END"),
                new("et_second_of_day", $"CASE WHEN {iso} THEN {Part(12, 2)} * 3600 + {Part(15, 2)} * 60 + {Part(18, 2)} END"),
                new("et_millis", $"CASE WHEN {iso} THEN {millis} END"),
                new("et_offset_minutes", $"CASE WHEN {iso} THEN {offset} END"),
            ]),
            ("dated", [
                new("et_date_ok", $"et_iso AND et_year >= 1 AND et_day <= {daysInMonth}"),
                // The year from March on, so that February, with its leap day, ends it.
                new("et_march_year", "CASE WHEN et_month <= 2 THEN et_year - 1 ELSE et_year END"),
                new("et_march_month", "CASE WHEN et_month > 2 THEN et_month - 3 ELSE et_month + 9 END"),
            ]),
            ("counted", [
                new("et_era", _dialect.Divide("et_march_year", "400")),
                new("et_day_of_year", $"{_dialect.Divide("153 * et_march_month + 2", "5")} + et_day - 1"),
            ]),
            ("instant", [
                new("event_time_ms",
                    $"CASE WHEN {LineProbes.EventTimeKind} = 'integer' THEN {LineProbes.EventTimeInteger} "
                    + "WHEN et_date_ok THEN (et_era * 146097 + (et_march_year - et_era * 400) * 365 "
                    + $"+ {_dialect.Divide("et_march_year - et_era * 400", "4")} - {_dialect.Divide("et_march_year - et_era * 400", "100")} "
                    + "+ et_day_of_year - 719468) * 86400000 + et_second_of_day * 1000 + et_millis - et_offset_minutes * 60000 END"),
            ]),
        ];
    }

    /// <summary>The rules in the order of <see cref="RejectionReason"/>: the first that holds is the reason.</summary>
    private string Ladder()
    {
        var ladder = new StringBuilder("CASE WHEN blank THEN NULL");
        foreach (var reason in RejectionReasons.All)
        {
            ladder.Append("\n            WHEN ").Append(Rule(reason)).Append(" THEN ").Append(_dialect.Literal(reason.Code()));
        }

        return ladder.Append("\n        END").ToString();
    }

    private static string Rule(RejectionReason reason) => reason switch
    {
        RejectionReason.LineTooLong => "too_long",
        RejectionReason.MalformedJson => "NOT one_json_value",
        RejectionReason.NotAnObject => "NOT is_object",
        RejectionReason.MissingUserId => $"{LineProbes.UserIdKind} = 'absent'",
        RejectionReason.InvalidUserId => $"{LineProbes.UserIdKind} <> 'integer' OR {LineProbes.UserId} <= 0",
        RejectionReason.MissingEventTime => $"{LineProbes.EventTimeKind} = 'absent'",
        RejectionReason.InvalidEventTime =>
            string.Create(CultureInfo.InvariantCulture, $"event_time_ms IS NULL OR event_time_ms < {MinMs} OR event_time_ms > {MaxMs}"),
        RejectionReason.MissingPage => $"{LineProbes.PageKind} = 'absent'",
        RejectionReason.InvalidPage => $"{LineProbes.PageKind} <> 'string' OR {LineProbes.Page} = ''",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "a reason without a rule"),
    };
}
