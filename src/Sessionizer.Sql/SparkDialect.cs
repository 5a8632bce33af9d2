using System.Text;

namespace Sessionizer.Sql;

/// <summary>
/// Spark SQL (3.5 and 4.0): java.util.regex, backslash escapes in string literals, higher-order
/// functions over arrays, Jackson behind <c>from_json</c>. Assumes the default
/// <c>spark.sql.parser.escapedStringLiterals=false</c> (backslashes in literals are escapes).
/// </summary>
/// <remarks>
/// Fields are read with <c>from_json</c> into <c>STRING</c> fields only, which never fail to convert, so
/// a repeated key always takes its last value (Spark's struct converter overwrites the field; a typed
/// probe that failed on the last value would keep an earlier one). A <c>STRING</c> field gives the text
/// of a JSON string but the JSON text of anything else, so every string literal of the line is first
/// marked with a leading <c>S</c> (keys too: the schema asks for <c>Suser_id</c>); then a value is a
/// string exactly when its text starts with <c>S</c>, since no other JSON text does.
/// </remarks>
public sealed class SparkDialect : SqlDialect
{
    public static SparkDialect Instance { get; } = new();

    /// <summary>
    /// Options of every <c>from_json</c>: no single-quoted strings, no NaN/Infinity (both Jackson
    /// relaxations Spark turns on by default); Jackson's other relaxations are off by default.
    /// </summary>
    private const string JsonOptions = "map('allowSingleQuotes', 'false', 'allowNonNumericNumbers', 'false')";

    /// <summary>JSON whitespace, possessive (java.util.regex only).</summary>
    private const string Space = @"[ \t\r\n]*+";

    /// <summary>A scalar of a skeleton: an emptied string, a number or a literal.</summary>
    private const string Scalar = @"(?:""""|-?+(?:0|[1-9][0-9]*+)(?:\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)";

    /// <summary>
    /// A valid array or object of a skeleton with no bracket inside it (an innermost one). Replacing each
    /// by <c> null </c> keeps a skeleton valid or invalid as it was, and takes one level off its nesting.
    /// </summary>
    private const string InnermostContainer =
        @"\[" + Space + "(?:" + Scalar + Space + "(?:," + Space + Scalar + Space + @")*+)?+\]"
        + @"|\{" + Space + @"(?:""""" + Space + ":" + Space + Scalar + Space
        + "(?:," + Space + @"""""" + Space + ":" + Space + Scalar + Space + @")*+)?+\}";

    /// <summary>A string literal of a valid JSON text, its content as group 1.</summary>
    private const string AnyStringLiteral = @"""([^""\\]*+(?:\\.[^""\\]*+)*+)""";

    /// <summary>
    /// Spark processes backslash escapes in string literals (<c>\\</c>, <c>\'</c>, <c>\n</c>, <c>\u0041</c>…),
    /// so every backslash is doubled and a quote is written <c>\'</c>; <c>''</c> is not an escaped quote
    /// in Spark (adjacent literals are concatenated).
    /// </summary>
    public override string Literal(string text) => Quote(text);

    private static string Quote(string text) =>
        "'" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal) + "'";

    /// <summary>
    /// RLIKE finds; anchored with <c>^</c> and <c>\z</c> (Java's <c>$</c> also matches before a final line
    /// terminator).
    /// </summary>
    public override string FullMatch(string value, string regex) => $"({value} RLIKE {Literal(@"^(?:" + JavaRegex(regex) + @")\z")})";

    public override string Contains(string value, string regex) => $"({value} RLIKE {Literal(JavaRegex(regex))})";

    /// <summary>The replacement is quoted for Matcher.appendReplacement, where <c>\</c> and <c>$</c> are special.</summary>
    public override string ReplaceAll(string value, string regex, string replacement) =>
        $"regexp_replace({value}, {Literal(JavaRegex(regex))}, "
        + $"{Literal(replacement.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("$", @"\$", StringComparison.Ordinal))})";

    public override string Extract(string value, string regex, int group) => $"regexp_extract({value}, {Literal(JavaRegex(regex))}, {group})";

    /// <summary>Group 0 named: Spark's default group is 1, an error for a pattern without groups.</summary>
    public override string AllMatches(string value, string regex) => $"regexp_extract_all({value}, {Literal(JavaRegex(regex))}, 0)";

    public override string Transform(string array, string parameter, string body) => $"transform({array}, {parameter} -> {body})";

    public override string Concat(string array) => $"array_join({array}, '')";

    /// <summary><c>div</c> is integral division, truncating toward zero.</summary>
    public override string Divide(string dividend, string divisor) => $"(({dividend}) div ({divisor}))";

    /// <summary>
    /// A running depth and its maximum as a struct accumulator over the characters. Whatever the empty
    /// pattern of <c>split</c> yields at the ends (an empty string), it counts 0.
    /// </summary>
    public override string Nesting(string brackets)
    {
        const string Step = "CASE WHEN c IN ('[', '{') THEN 1 WHEN c IN (']', '}') THEN -1 ELSE 0 END";
        return $"aggregate(split({brackets}, ''), named_struct('depth', 0, 'deepest', 0), "
            + $"(acc, c) -> named_struct('depth', acc.depth + {Step}, 'deepest', greatest(acc.deepest, acc.depth + {Step})), "
            + "acc -> acc.deepest)";
    }

    /// <summary>
    /// Jackson (with <see cref="JsonOptions"/>) judges the structure of the skeleton, wrapped twice: as
    /// <c>[s]</c> read as an array it must have one element (Jackson ignores what follows the root
    /// value, so a stray <c>]</c> in s would pass), and as <c>{"v":s}</c> read as a map it must parse (a
    /// stray <c>}</c> would pass that one); a text passing both is one JSON value. A failed parse is null
    /// (PERMISSIVE), counted false. The wrap adds a level, and Jackson refuses more than 1000 levels, so
    /// the skeleton first loses one: each innermost valid array or object becomes <c>null</c>
    /// (<see cref="InnermostContainer"/>), which changes no skeleton's validity. Deeper lines are
    /// refused by the nesting check, not here.
    /// </summary>
    public override string IsJsonValue(string skeleton)
    {
        var reduced = $"regexp_replace({skeleton}, {Literal(InnermostContainer)}, ' null ')";
        return $"(coalesce(size(from_json(concat('[', {reduced}, ']'), 'ARRAY<STRING>', {JsonOptions})), 0) = 1 "
            + $"AND from_json(concat('{{\"v\":', {reduced}, '}}'), 'MAP<STRING,STRING>', {JsonOptions}) IS NOT NULL)";
    }

    /// <summary>A temporary view, cached: later statements read it more than once.</summary>
    public override string Define(string name, string query) => $"CACHE TABLE {name} AS\n{query}";

    public override string NumberText(string number) => $"CAST({number} AS STRING)";

    public override string Sha256Hex(string text) => $"sha2({text}, 256)";

    /// <summary>Needs <c>spark.sql.session.timeZone=UTC</c>, which the Spark engine sets.</summary>
    public override string InstantText(string epochMs) =>
        $"date_format(timestamp_millis({epochMs}), {Literal("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")})";

    /// <summary>
    /// Spark's to_json (Jackson) writes a string as the one JSON text form does (only <c>"</c>, <c>\</c>
    /// and U+0000–U+001F escaped, upper-case hex); it takes a struct, so the string is wrapped as
    /// <c>{"v":…}</c> and cut out again (from character 6, without the closing brace).
    /// </summary>
    public override string JsonString(string text)
    {
        var json = $"to_json(named_struct('v', {text}))";
        return $"CASE WHEN {text} IS NOT NULL THEN substring({json}, 6, length({json}) - 6) END";
    }

    /// <summary>Structs sort field by field: by t, then page.</summary>
    public override string SortedPages(string time, string page) => $"array_sort(collect_list(named_struct('t', {time}, 'page', {page})))";

    /// <summary>try_element_at: null past the end even with ANSI mode on (element_at would fail the query).</summary>
    public override string Element(string array, string oneBased) => $"try_element_at({array}, {oneBased})";

    /// <summary>Spark's lambda index is 0-based.</summary>
    public override string TransformIndexed(string array, string parameter, Func<string, string> body) =>
        $"transform({array}, ({parameter}, {parameter}_index) -> {body($"({parameter}_index + 1)")})";

    public override string Join(string array, string separator) => $"array_join({array}, {Literal(separator)})";

    /// <summary>
    /// Cut in bytes and stepped back over up to three UTF-8 continuation bytes (0x80-0xBF) at the cut, as
    /// the local engine cuts a rejected line's raw text: exact for text that is valid UTF-8.
    /// </summary>
    public override string CutUtf8(string text, int maxBytes)
    {
        var bytes = $"encode({text}, 'UTF-8')";
        string Continues(int position) => $"conv(hex(substring({bytes}, {position}, 1)), 16, 10) BETWEEN 128 AND 191";
        string Cut(int length) => $"decode(substring({bytes}, 1, {length}), 'UTF-8')";
        return $"CASE WHEN octet_length({text}) <= {maxBytes} THEN {text} "
            + $"WHEN NOT {Continues(maxBytes + 1)} THEN {Cut(maxBytes)} WHEN NOT {Continues(maxBytes)} THEN {Cut(maxBytes - 1)} "
            + $"WHEN NOT {Continues(maxBytes - 1)} THEN {Cut(maxBytes - 2)} ELSE {Cut(maxBytes - 3)} END";
    }

    public override IReadOnlyList<IReadOnlyList<SqlColumn>> FieldSteps(string json, string isObject) =>
    [
        [
            new("marked_json", $"CASE WHEN {isObject} THEN regexp_replace({json}, {Literal(AnyStringLiteral)}, '\"S$1\"') END"),
        ],
        [
            new("top_fields", Fields("marked_json", "user_id", "event_time", "page", "source", "technical")),
        ],
        [
            new("user_id_json", "top_fields.Suser_id"),
            new("event_time_json", "top_fields.Sevent_time"),
            new("page_fields", ObjectFields("top_fields.Spage", "current")),
            new("source_fields", ObjectFields("top_fields.Ssource", "site", "api_version")),
            new("technical_fields", ObjectFields("top_fields.Stechnical", "browser", "lang")),
        ],
        [
            new(LineProbes.UserIdKind, IntegerKind("user_id_json")),
            new(LineProbes.UserId, Integer("user_id_json")),
            new(LineProbes.EventTimeKind,
                $"CASE WHEN left(event_time_json, 1) = 'S' THEN 'string' ELSE {IntegerKind("event_time_json")} END"),
            new(LineProbes.EventTimeText, Text("event_time_json")),
            new(LineProbes.EventTimeInteger, Integer("event_time_json")),
            new(LineProbes.PageKind,
                "CASE WHEN page_fields.Scurrent IS NULL THEN 'absent' WHEN left(page_fields.Scurrent, 1) = 'S' THEN 'string' ELSE 'other' END"),
            new(LineProbes.Page, Text("page_fields.Scurrent")),
            new(LineProbes.Site, Text("source_fields.Ssite")),
            new(LineProbes.ApiVersion, Text("source_fields.Sapi_version")),
            new(LineProbes.Browser, Text("technical_fields.Sbrowser")),
            new(LineProbes.Language, Text("technical_fields.Slang")),
        ],
    ];

    /// <summary>
    /// A regular expression shared with RE2 (<see cref="JsonPatterns"/>) as java.util.regex should run it.
    /// Java repeats a group by recursion, one stack frame per repetition, so a group under <c>*</c> or
    /// <c>+</c> overflows the stack on a long line and backtracks into it on a failed match; such a
    /// quantifier is made possessive. That keeps the meaning only when the group's repetitions cut a
    /// text one way. The string literal's do (each alternative starts with a different character).
    /// The skeleton tokens' do but for numbers, now matched longest first: a skeleton that only
    /// passes as two numbers side by side (<c>67.238.7954</c> as <c>67.23</c>, <c>8.7954</c>) is no
    /// longer strict, where before the structure check refused it: malformed_json either way
    /// (SparkStatementTests tries this on the corpus). Syntax whose meaning differs between RE2 and
    /// Java is refused rather than translated.
    /// </summary>
    public static string JavaRegex(string re2)
    {
        var java = new StringBuilder(re2.Length + 8);
        var inClass = false;
        for (var i = 0; i < re2.Length; i++)
        {
            var c = re2[i];
            if (c == '\\')
            {
                if (i + 1 >= re2.Length)
                {
                    throw Refused(re2, "a trailing backslash");
                }

                var next = re2[i + 1];
                if (next is 'v' or 'C' or 'p' or 'P' or 'h' or 'H' or 'R' or 'X' or 'Z')
                {
                    throw Refused(re2, $@"\{next}, which means something else (or nothing) in one of RE2 and Java");
                }

                java.Append(c).Append(next);
                i++;
                continue;
            }

            if (inClass)
            {
                if (c == '[')
                {
                    throw Refused(re2, "an unescaped [ in a character class (a nested class in Java)");
                }

                if (c == '&' && i + 1 < re2.Length && re2[i + 1] == '&')
                {
                    throw Refused(re2, "&& in a character class (an intersection in Java)");
                }

                if (c == ']')
                {
                    if (re2[i - 1] == '[' || (re2[i - 1] == '^' && re2[i - 2] == '['))
                    {
                        throw Refused(re2, "] first in a character class (a literal in RE2, not in Java)");
                    }

                    inClass = false;
                }

                java.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    break;
                case '$':
                    throw Refused(re2, "$ (Java's also matches before a final line terminator; FullMatch anchors with \\z)");
                case '.':
                    throw Refused(re2, ". (Java's excludes \\r, U+0085, U+2028 and U+2029 too; RE2's only \\n)");
                case '(' when i + 2 < re2.Length && re2[i + 1] == '?' && (re2[i + 2] == 'P' || re2[i + 2] == 'U'):
                    throw Refused(re2, "(?P or (?U, RE2 syntax Java reads otherwise");
                case '*' or '+' when i > 0 && re2[i - 1] == ')' && (i + 1 >= re2.Length || re2[i + 1] is not ('+' or '?')):
                    java.Append(c).Append('+');
                    continue;
            }

            java.Append(c);
        }

        return java.ToString();
    }

    private static ArgumentException Refused(string regex, string what) =>
        new($"the regular expression holds {what}: {regex}", nameof(regex));

    /// <summary>
    /// The <c>STRING</c> fields of a marked JSON object (each name with its <c>S</c>); every other key is
    /// skipped by Jackson. A JSON null or an absent key is SQL NULL.
    /// </summary>
    private static string Fields(string markedObject, params string[] names) =>
        $"from_json({markedObject}, '{string.Join(", ", names.Select(name => $"S{name} STRING"))}', {JsonOptions})";

    /// <summary>The fields of a value given as JSON text, when it is an object (a marked string starts with S, an array with [).</summary>
    private static string ObjectFields(string value, params string[] names) =>
        $"CASE WHEN left({value}, 1) = '{{' THEN {Fields(value, names)} END";

    private static string IntegerKind(string value) =>
        $"CASE WHEN {value} IS NULL THEN 'absent' WHEN {Integer(value)} IS NOT NULL THEN 'integer' ELSE 'other' END";

    /// <summary>
    /// An integer literal's JSON text is its digits (Jackson writes integers exactly; a float always gets
    /// a <c>.</c> or an exponent); try_cast is null when it does not fit 64 bits.
    /// </summary>
    private static string Integer(string value) =>
        $"CASE WHEN {value} RLIKE {Quote(@"^-?[0-9]+\z")} THEN try_cast({value} AS BIGINT) END";

    private static string Text(string value) => $"CASE WHEN left({value}, 1) = 'S' THEN substr({value}, 2) END";
}
