namespace Sessionizer.Sql;

/// <summary>
/// Regular expressions over raw lines, in the syntax RE2 (DuckDB) and java.util.regex (Spark) share:
/// no look-around, no back-references, character classes in ASCII. They make the line checks as strict
/// as <see cref="System.Text.Json.Utf8JsonReader"/>, where the engines' own JSON readers are lenient.
/// </summary>
internal static class JsonPatterns
{
    /// <summary>A blank line (docs/reference.md §2.2): only the bytes VisitParser skips.</summary>
    public const string Blank = @"[ \t\r\n]*";

    /// <summary>A strict JSON string literal: no raw control character, only the escapes of RFC 8259.</summary>
    public const string StringLiteral = @"""(?:[^""\\\x00-\x1f]|\\[""\\/bfnrt]|\\u[0-9a-fA-F]{4})*""";

    /// <summary>
    /// What a line may hold once every string literal is replaced by <c>""</c> (its skeleton): JSON's
    /// punctuation and whitespace, empty strings, strict numbers and the three literals. This rules out
    /// what yyjson or Jackson would let through (NaN, Infinity, comments, single quotes, leading zeros
    /// are then caught by the structure check) before the engine checks the structure.
    /// </summary>
    public const string SkeletonTokens =
        @"(?:[ \t\r\n{}\[\]:,]|""""|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)*";

    /// <summary>A comma before a closing bracket, in a skeleton: yyjson accepts it, JSON does not.</summary>
    public const string TrailingComma = @",[ \t\r\n]*[\]}]";

    /// <summary>Everything but brackets, in a skeleton (where every bracket is structure).</summary>
    public const string NotBracket = @"[^\[\]{}]";

    /// <summary>A skeleton that is an object (once known to be one JSON value).</summary>
    public const string ObjectStart = @"^[ \t\r\n]*\{";

    /// <summary>A cheap test that a line may hold an escaped surrogate (paired or lone).</summary>
    public const string SurrogateEscape = @"\\u[dD][89a-fA-F]";

    /// <summary>
    /// The pieces of a line: a string literal with the colon after it when it is a key, or a run of
    /// anything else. On a valid line they cover it whole.
    /// </summary>
    public const string Piece = StringLiteral + @"(?:[ \t\r\n]*:)?|[^""]+";

    /// <summary>
    /// Every escape of a string literal except a lone surrogate: what is left of a literal without them
    /// holds <c>\u</c> exactly when the literal has a lone surrogate. Pairs are tried first.
    /// </summary>
    public const string EscapeButLoneSurrogate =
        @"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-cA-CefEF][0-9a-fA-F]{3}|u[dD][0-7][0-9a-fA-F]{2}|[^u])";

    /// <summary>
    /// An ISO-8601 event time as EventTime.TryParseIso reads it: fixed positions, T and Z in either case,
    /// a fraction of any length, Z or ±hh:mm with hh ≤ 23. Year 0000 and days past the month's end are
    /// checked by arithmetic.
    /// </summary>
    public const string IsoEventTime =
        @"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])";

    /// <summary>The first three digits of the fraction (group 1): milliseconds, the rest truncated.</summary>
    public const string Milliseconds = @"\.([0-9]{1,3})";
}
