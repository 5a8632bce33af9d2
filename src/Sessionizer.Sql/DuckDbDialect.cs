namespace Sessionizer.Sql;

/// <summary>
/// DuckDB (1.5): RE2 regular expressions, 1-based lists, yyjson behind the JSON functions. yyjson keeps
/// the first of a repeated key, so fields are looked up by position in <c>json_keys</c> and
/// <c>json_extract(j, '$.*')</c>, which list every key and value in order, taking the last match.
/// </summary>
public sealed class DuckDbDialect : SqlDialect
{
    public static DuckDbDialect Instance { get; } = new();

    /// <summary>DuckDB string literals have no backslash escapes: only the quote is doubled.</summary>
    public override string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public override string FullMatch(string value, string regex) => $"regexp_full_match({value}, {Literal(regex)})";

    public override string Contains(string value, string regex) => $"regexp_matches({value}, {Literal(regex)})";

    public override string ReplaceAll(string value, string regex, string replacement) =>
        $"regexp_replace({value}, {Literal(regex)}, {Literal(replacement.Replace(@"\", @"\\", StringComparison.Ordinal))}, 'g')";

    public override string AllMatches(string value, string regex) => $"regexp_extract_all({value}, {Literal(regex)})";

    public override string Transform(string array, string parameter, string body) => $"list_transform({array}, lambda {parameter}: {body})";

    public override string Concat(string array) => $"array_to_string({array}, '')";

    public override string Divide(string dividend, string divisor) => $"(({dividend}) // ({divisor}))";

    /// <summary>
    /// A running depth and its maximum in one BIGINT (maximum × 2^21 + depth; a line of at most 1 MiB
    /// never nests 2^21 deep), as list_reduce's accumulator must have the elements' type.
    /// </summary>
    public override string Nesting(string brackets) =>
        $"(list_reduce(list_transform(string_split({brackets}, ''), lambda c: CASE WHEN c IN ('[', '{{') THEN 1 ELSE -1 END), "
        + "lambda acc, x: greatest(acc // 2097152, acc % 2097152 + x) * 2097152 + acc % 2097152 + x, 0::BIGINT) // 2097152)";

    public override string IsJsonValue(string skeleton) => $"json_valid({skeleton})";

    public override string Define(string name, string query) => $"CREATE TABLE {name} AS\n{query}";

    public override string NumberText(string number) => $"CAST({number} AS VARCHAR)";

    public override string Sha256Hex(string text) => $"sha256({text})";

    public override string InstantText(string epochMs) => $"strftime(make_timestamp(({epochMs}) * 1000), '%Y-%m-%dT%H:%M:%S.%gZ')";

    /// <summary>DuckDB's to_json of a string escapes exactly <c>"</c>, <c>\</c> and U+0000–U+001F (checked by the tests).</summary>
    public override string JsonString(string text) => $"CAST(to_json({text}) AS VARCHAR)";

    public override string SortedPages(string time, string page) => $"list({{'t': {time}, 'page': {page}}} ORDER BY {time}, {page})";

    public override string Element(string array, string oneBased) => $"{array}[{oneBased}]";

    /// <summary>DuckDB's lambda index is 1-based.</summary>
    public override string TransformIndexed(string array, string parameter, Func<string, string> body) =>
        $"list_transform({array}, lambda {parameter}, {parameter}_at: {body($"{parameter}_at")})";

    public override string Join(string array, string separator) => $"array_to_string({array}, {Literal(separator)})";

    /// <summary>The longest of the cuts at the limit and up to 3 bytes before it that is whole UTF-8.</summary>
    public override string CutUtf8(string text, int maxBytes) =>
        $"CASE WHEN strlen({text}) <= {maxBytes} THEN {text} ELSE coalesce("
        + string.Join(", ", Enumerable.Range(0, 4).Select(k => $"try(decode(encode({text})[1:{maxBytes - k}]))")) + ") END";

    public override IReadOnlyList<IReadOnlyList<SqlColumn>> FieldSteps(string json, string isObject) =>
    [
        [
            new("top_keys", $"CASE WHEN {isObject} THEN json_keys({json}) END"),
            new("top_values", $"CASE WHEN {isObject} THEN json_extract({json}, '$.*') END"),
        ],
        [
            new("user_id_json", Last("top", "user_id")),
            new("event_time_json", Last("top", "event_time")),
            new("page_json", Last("top", "page")),
            new("source_json", Last("top", "source")),
            new("technical_json", Last("top", "technical")),
        ],
        [
            .. Members("page"),
            .. Members("source"),
            .. Members("technical"),
        ],
        [
            new("current_json", Last("page", "current")),
            new("site_json", Last("source", "site")),
            new("api_version_json", Last("source", "api_version")),
            new("browser_json", Last("technical", "browser")),
            new("language_json", Last("technical", "lang")),
        ],
        [
            new(LineProbes.UserIdKind, IntegerKind("user_id_json")),
            new(LineProbes.UserId, Integer("user_id_json")),
            new(LineProbes.EventTimeKind,
                "CASE WHEN json_type(event_time_json) = 'VARCHAR' THEN 'string' ELSE " + IntegerKind("event_time_json") + " END"),
            new(LineProbes.EventTimeText, Text("event_time_json")),
            new(LineProbes.EventTimeInteger, Integer("event_time_json")),
            new(LineProbes.PageKind,
                "CASE WHEN coalesce(json_type(current_json), 'NULL') = 'NULL' THEN 'absent' "
                + "WHEN json_type(current_json) = 'VARCHAR' THEN 'string' ELSE 'other' END"),
            new(LineProbes.Page, Text("current_json")),
            new(LineProbes.Site, Text("site_json")),
            new(LineProbes.ApiVersion, Text("api_version_json")),
            new(LineProbes.Browser, Text("browser_json")),
            new(LineProbes.Language, Text("language_json")),
        ],
    ];

    /// <summary>The value of the last <paramref name="key"/> of an object listed as <c>{prefix}_keys</c> and <c>{prefix}_values</c>; null when absent.</summary>
    private static string Last(string prefix, string key) =>
        $"{prefix}_values[len({prefix}_keys) + 1 - list_position(list_reverse({prefix}_keys), '{key}')]";

    private static IEnumerable<SqlColumn> Members(string field) =>
    [
        new($"{field}_keys", $"CASE WHEN json_type({field}_json) = 'OBJECT' THEN json_keys({field}_json) END"),
        new($"{field}_values", $"CASE WHEN json_type({field}_json) = 'OBJECT' THEN json_extract({field}_json, '$.*') END"),
    ];

    /// <summary>yyjson types integer literals BIGINT or UBIGINT (and larger ones DOUBLE); the cast tells whether it fits a signed 64-bit one.</summary>
    private static string IntegerKind(string value) =>
        $"CASE WHEN coalesce(json_type({value}), 'NULL') = 'NULL' THEN 'absent' WHEN {Integer(value)} IS NOT NULL THEN 'integer' ELSE 'other' END";

    private static string Integer(string value) =>
        $"CASE WHEN json_type({value}) IN ('BIGINT', 'UBIGINT') THEN TRY_CAST({value}::VARCHAR AS BIGINT) END";

    private static string Text(string value) => $"CASE WHEN json_type({value}) = 'VARCHAR' THEN json_extract_string({value}, '$') END";
}
