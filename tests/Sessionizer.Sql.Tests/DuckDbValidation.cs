using DuckDB.NET.Data;

namespace Sessionizer.Sql.Tests;

/// <summary>Runs the DuckDB rendering of <see cref="LineValidation"/> over lines, in an in-memory database.</summary>
internal static class DuckDbValidation
{
    public static string Statement { get; } = new LineValidation(DuckDbDialect.Instance).Render("lines");

    /// <summary>The result row of each line, by line number (the index in <paramref name="lines"/>, from 1).</summary>
    public static Dictionary<long, LineResult> Run(IReadOnlyList<string> lines)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE lines (file VARCHAR, line BIGINT, raw VARCHAR, bytes BIGINT, utf8 BOOLEAN)";
            create.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("lines"))
        {
            for (var i = 0; i < lines.Count; i++)
            {
                appender.CreateRow().AppendValue("corpus").AppendValue((long)(i + 1)).AppendValue(lines[i])
                    .AppendValue((long)System.Text.Encoding.UTF8.GetByteCount(lines[i])).AppendValue(true).EndRow();
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = Statement;
        using var reader = command.ExecuteReader();
        Assert.Equal(LineValidation.Columns, Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        var results = new Dictionary<long, LineResult>(lines.Count);
        while (reader.Read())
        {
            var result = new LineResult(
                reader.GetInt64(1), reader.GetString(2), Text(reader, 3), Number(reader, 4), Number(reader, 5), Text(reader, 6),
                Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10));
            results.Add(result.Line, result);
        }

        return results;
    }

    private static string? Text(DuckDBDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static long? Number(DuckDBDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt64(column);
}
