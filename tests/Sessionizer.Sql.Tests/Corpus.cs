using System.Text;
using System.Text.Unicode;
using Sessionizer.Tests.Shared;

namespace Sessionizer.Sql.Tests;

/// <summary>The lines the SQL plan is held to the parser on.</summary>
internal static class Corpus
{
    /// <summary>Mutated lines, from fixed seeds: the same corpus every run.</summary>
    public const int Mutations = 6_000;

    /// <summary>
    /// Every line, as text. Mutated lines that are not valid UTF-8 are left out: a DuckDB VARCHAR
    /// cannot hold them, so they never reach the SQL. Invalid UTF-8 is the concern of reading files into
    /// lines, a later step (it must make such a line malformed_json before any SQL sees it).
    /// </summary>
    public static IReadOnlyList<string> Lines() => Build().Lines;

    /// <summary>How many mutated lines were left out for not being UTF-8.</summary>
    public static int NotUtf8 => Build().NotUtf8;

    private static (List<string> Lines, int NotUtf8) Build()
    {
        var lines = new List<string>();
        lines.AddRange(ParserCases.All());
        lines.AddRange(TestLines.Unusual);
        lines.AddRange(SqlEdgeCases.All());
        lines.AddRange(TestLines.Generated(2_000, seed: 11).Select(Encoding.UTF8.GetString));

        var random = new Random(20261121);
        var bases = TestLines.Generated(300, seed: 3).Concat(TestLines.Unusual.Select(Encoding.UTF8.GetBytes)).ToArray();
        var notUtf8 = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var line = LineMutator.Mutate(bases[random.Next(bases.Length)], random);
            if (Utf8.IsValid(line))
            {
                lines.Add(Encoding.UTF8.GetString(line));
            }
            else
            {
                notUtf8++;
            }
        }

        return (lines, notUtf8);
    }
}
