using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sessionizer.Sql.Tests;

/// <summary>
/// Facts of the Spark rendering that are easy to get wrong and that neither the golden file nor the
/// syntax check (tests/spark-sql-check) would catch. Spark itself cannot run here, so nothing is
/// executed: Java regexes are not .NET regexes, and only the possessive rewrite's meaning is tried,
/// on .NET's backtracking engine, where an atomic group is what Java's possessive quantifier is.
/// </summary>
public class SparkStatementTests
{
    private static readonly string Statement = new LineValidation(SparkDialect.Instance).Render("lines");

    /// <summary>
    /// In Spark, <c>'it''s'</c> is two adjacent literals (concatenated: <c>its</c>), valid syntax that
    /// dt-sql-parser accepts; a literal must never be followed by another.
    /// </summary>
    [Fact]
    public void No_literal_is_followed_by_another()
    {
        var literals = 0;
        var i = 0;
        while (i < Statement.Length)
        {
            if (Statement[i] != '\'')
            {
                i++;
                continue;
            }

            literals++;
            i++;
            while (Statement[i] != '\'')
            {
                i += Statement[i] == '\\' ? 2 : 1;
                Assert.True(i < Statement.Length, "a literal is not closed");
            }

            i++;
            var next = i;
            while (next < Statement.Length && char.IsWhiteSpace(Statement[next]))
            {
                next++;
            }

            Assert.False(next < Statement.Length && Statement[next] == '\'',
                $"two adjacent literals at {i}: {Statement.Substring(Math.Max(0, i - 40), 60)}");
        }

        Assert.True(literals > 100);
    }

    [Theory]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"\\u", @"'\\\\u'")]
    [InlineData(@"\u0041", @"'\\u0041'")]
    [InlineData("\"\":", "'\"\":'")]
    public void A_literal_escapes_backslashes_and_quotes(string text, string literal)
    {
        Assert.Equal(literal, SparkDialect.Instance.Literal(text));
    }

    [Fact]
    public void Every_shared_pattern_is_taken_to_Java_changing_only_group_repetitions()
    {
        foreach (var (name, pattern) in SharedPatterns())
        {
            var java = SparkDialect.JavaRegex(pattern);
            Assert.True(pattern == java.Replace(")*+", ")*", StringComparison.Ordinal), name);
        }
    }

    [Theory]
    [InlineData("a$")]
    [InlineData("a.b")]
    [InlineData("[[:alpha:]]")]
    [InlineData("(?P<n>a)")]
    [InlineData(@"\v")]
    [InlineData("[]a]")]
    [InlineData("[a&&b]")]
    public void Syntax_that_RE2_and_Java_read_differently_is_refused(string pattern)
    {
        Assert.Throws<ArgumentException>(() => SparkDialect.JavaRegex(pattern));
    }

    /// <summary>
    /// The possessive group repetitions match what the greedy ones match, on every line of the corpus
    /// and its skeleton: the string literals replaced and the pieces of a line exactly; the skeleton's
    /// tokens except where a greedy match needs two numbers side by side (<c>67.238.7954</c> as
    /// <c>67.23</c> and <c>8.7954</c>), never valid JSON, so such a line is malformed_json either way.
    /// </summary>
    [Fact]
    public void Possessive_repetitions_match_as_greedy_ones_on_the_corpus()
    {
        // The shared patterns as RE2 runs them: without backtracking, the same matches.
        const RegexOptions Re2 = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
        var literal = new Regex(JsonPatterns.StringLiteral, Re2);
        var literalAtomic = new Regex(Atomic(SparkDialect.JavaRegex(JsonPatterns.StringLiteral)), RegexOptions.CultureInvariant);
        var tokens = new Regex($@"^(?:{JsonPatterns.SkeletonTokens})\z", Re2);
        var tokensAtomic = new Regex($@"^(?:{Atomic(SparkDialect.JavaRegex(JsonPatterns.SkeletonTokens))})\z", RegexOptions.CultureInvariant);
        var piece = new Regex(JsonPatterns.Piece, Re2);
        var pieceAtomic = new Regex(Atomic(SparkDialect.JavaRegex(JsonPatterns.Piece)), RegexOptions.CultureInvariant);
        var skeletonsWithTokens = 0;
        var splitNumbers = 0;
        foreach (var line in Corpus.Lines())
        {
            var skeleton = literal.Replace(line, "\"\"");
            Assert.Equal(skeleton, literalAtomic.Replace(line, "\"\""));
            var strict = tokensAtomic.IsMatch(skeleton);
            if (strict != tokens.IsMatch(skeleton))
            {
                Assert.False(strict, skeleton);
                Assert.False(IsJson(skeleton), skeleton);
                splitNumbers++;
            }

            skeletonsWithTokens += strict ? 1 : 0;
            Assert.Equal(piece.Matches(line).Select(m => m.Value), pieceAtomic.Matches(line).Select(m => m.Value));
        }

        Assert.True(skeletonsWithTokens > 1000);
        Assert.True(splitNumbers > 0, "the corpus no longer holds two numbers side by side");
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 2000 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<(string Name, string Pattern)> SharedPatterns() =>
        typeof(JsonPatterns).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (field.Name, (string)field.GetRawConstantValue()!));

    /// <summary>Java's <c>(…)*+</c> as .NET writes it, <c>(?&gt;(…)*)</c>.</summary>
    private static string Atomic(string java)
    {
        var opens = new Stack<int>();
        var inserts = new List<int>();
        var text = new StringBuilder(java);
        var inClass = false;
        for (var i = 0; i < java.Length; i++)
        {
            var c = java[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                opens.Push(i);
            }
            else if (c == ')')
            {
                var open = opens.Pop();
                if (java.AsSpan(i + 1).StartsWith("*+"))
                {
                    inserts.Add(open);
                    text[i + 2] = ')';
                }
            }
        }

        foreach (var open in inserts.OrderDescending())
        {
            text.Insert(open, "(?>");
        }

        return text.ToString();
    }
}
