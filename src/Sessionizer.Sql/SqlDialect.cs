namespace Sessionizer.Sql;

/// <summary>
/// What differs between the SQL engines the plan is rendered for: quoting, a few function names, and
/// how the engine's JSON functions are made to read a line as the local parser does. Everything else
/// (the order of the rules, the checks over the raw text, event-time arithmetic) is written once, in
/// <see cref="LineValidation"/>, in the SQL both engines share.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>A string literal holding exactly <paramref name="text"/> (regular expressions included).</summary>
    public abstract string Literal(string text);

    /// <summary>Whether the whole of <paramref name="value"/> matches <paramref name="regex"/>.</summary>
    public abstract string FullMatch(string value, string regex);

    /// <summary>Whether some part of <paramref name="value"/> matches <paramref name="regex"/>.</summary>
    public abstract string Contains(string value, string regex);

    /// <summary>Every match of <paramref name="regex"/> replaced by the plain text <paramref name="replacement"/>.</summary>
    public abstract string ReplaceAll(string value, string regex, string replacement);

    /// <summary>Capture group <paramref name="group"/> of the first match, or the empty string when none.</summary>
    public virtual string Extract(string value, string regex, int group) => $"regexp_extract({value}, {Literal(regex)}, {group})";

    /// <summary>The array of every match of <paramref name="regex"/>, in order.</summary>
    public abstract string AllMatches(string value, string regex);

    /// <summary>The array <paramref name="array"/> with <paramref name="body"/> (over <paramref name="parameter"/>) applied to each element.</summary>
    public abstract string Transform(string array, string parameter, string body);

    /// <summary>The strings of <paramref name="array"/> joined with nothing between them.</summary>
    public abstract string Concat(string array);

    /// <summary>Integer division, truncating (operands are never negative here).</summary>
    public abstract string Divide(string dividend, string divisor);

    /// <summary>The deepest nesting of <paramref name="brackets"/>, a balanced string of only <c>[]{}</c>.</summary>
    public abstract string Nesting(string brackets);

    /// <summary>
    /// Whether <paramref name="skeleton"/> is one JSON value, with nothing after it. It is already known to
    /// hold only strict tokens (<see cref="JsonPatterns.SkeletonTokens"/>), no string with content and no
    /// trailing comma; what is left to check is the structure.
    /// </summary>
    public abstract string IsJsonValue(string skeleton);

    /// <summary>
    /// Steps of columns that read the fields of <paramref name="json"/>, a line known to be one JSON
    /// object when <paramref name="isObject"/> is true (else every probe must be null or absent). Each
    /// step may use the columns of the steps before it; the last must define every name of
    /// <see cref="LineProbes.All"/>. A key repeated in an object must take its last value.
    /// </summary>
    public abstract IReadOnlyList<IReadOnlyList<SqlColumn>> FieldSteps(string json, string isObject);

    /// <summary>A BIGINT as decimal text.</summary>
    public abstract string NumberText(string number);

    /// <summary>The lowercase hex SHA-256 of the UTF-8 bytes of a string.</summary>
    public abstract string Sha256Hex(string text);

    /// <summary>An instant in epoch ms as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (UTC).</summary>
    public abstract string InstantText(string epochMs);

    /// <summary>
    /// A string as a JSON string, quotes included, in the one JSON text form of every engine (only
    /// <c>"</c>, <c>\</c> and U+0000–U+001F escaped; see <c>Core.Records.JsonText</c>); null stays null.
    /// </summary>
    public abstract string JsonString(string text);

    /// <summary>An aggregate: the (t, page) pairs of the group as an array of structs, sorted by t, then page.</summary>
    public abstract string SortedPages(string time, string page);

    /// <summary>Element <paramref name="oneBased"/> of an array (1 is the first; -1 the last); null past its end.</summary>
    public abstract string Element(string array, string oneBased);

    /// <summary>
    /// The array with <paramref name="body"/> applied to each element <paramref name="parameter"/>;
    /// <paramref name="body"/> is given the expression of the element's 1-based position.
    /// </summary>
    public abstract string TransformIndexed(string array, string parameter, Func<string, string> body);

    /// <summary>The strings of an array joined with <paramref name="separator"/> (a literal).</summary>
    public abstract string Join(string array, string separator);

    /// <summary>A string cut to at most <paramref name="maxBytes"/> UTF-8 bytes, never inside a character.</summary>
    public abstract string CutUtf8(string text, int maxBytes);

    /// <summary>The statement that defines relation <paramref name="name"/> as the rows of <paramref name="query"/>, for the statements after it.</summary>
    public abstract string Define(string name, string query);
}
