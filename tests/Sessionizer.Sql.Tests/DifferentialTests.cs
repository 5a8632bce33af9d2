using System.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Sql.Tests;

/// <summary>
/// The SQL plan, run by DuckDB, must judge every line as <see cref="VisitParser"/> does: the same kind,
/// reason and, for a visit, every field.
/// </summary>
public class DifferentialTests
{
    private static readonly Lazy<(IReadOnlyList<string> Lines, Dictionary<long, LineResult> Rows)> Run = new(() =>
    {
        var lines = Corpus.Lines();
        return (lines, DuckDbValidation.Run(lines));
    });

    [Fact]
    public void Every_line_of_the_corpus_gets_the_parsers_answer_from_DuckDB()
    {
        var (lines, rows) = Run.Value;
        var parser = new VisitParser(new Vocabulary());
        var differences = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var expected = ParserAnswer(parser, i + 1, lines[i]);
            if (!rows.TryGetValue(i + 1, out var row) || row != expected)
            {
                differences.Add($"{Shown(lines[i])}\n    parser: {expected}\n    duckdb: {row}");
            }
        }

        Assert.True(lines.Count > 8_000, $"{lines.Count} lines");
        Assert.True(differences.Count == 0, $"{differences.Count} of {lines.Count} lines differ:\n" + string.Join("\n", differences.Take(30)));
    }

    [Fact]
    public void The_corpus_has_every_kind_and_reason()
    {
        var parser = new VisitParser(new Vocabulary());
        var answers = Corpus.Lines().Select((line, i) => ParserAnswer(parser, i + 1, line)).ToList();

        Assert.All(RejectionReasons.All, reason => Assert.Contains(answers, a => a.Reason == reason.Code()));
        Assert.Contains(answers, a => a.Kind == "blank");
        Assert.True(answers.Count(a => a.Kind == "visit") > 2_000);
        Assert.InRange(Corpus.NotUtf8, 1, Corpus.Mutations / 2);
    }

    private static LineResult ParserAnswer(VisitParser parser, long number, string line)
    {
        var kind = parser.Parse(Encoding.UTF8.GetBytes(line), out var visit, out var reason);
        if (kind != LineKind.Visit)
        {
            return new LineResult(number, kind.ToString().ToLowerInvariant(), kind == LineKind.Rejected ? reason.Code() : null,
                null, null, null, null, null, null, null);
        }

        var metadata = parser.Vocabulary.MetadataOf(visit);
        return new LineResult(number, "visit", null, visit.UserId, visit.EventTimeMs, parser.Vocabulary.PageOf(visit),
            metadata.Site, metadata.ApiVersion, metadata.Browser, metadata.Language);
    }

    private static string Shown(string line) => line.Length <= 300 ? line : line[..300] + $"… ({line.Length} chars)";
}
