using System.Runtime.CompilerServices;
using System.Text;

namespace Sessionizer.Sql.Tests;

/// <summary>
/// The rendered SQL is pinned byte for byte by a golden file, so that any change to it is seen in review.
/// To regenerate it after an intended change: <c>SESSIONIZER_UPDATE_GOLDEN=1 dotnet test tests/Sessionizer.Sql.Tests</c>,
/// then review the diff of <c>golden/</c>.
/// </summary>
public class StatementTests
{
    [Fact]
    public void The_DuckDB_statement_is_the_golden_one()
    {
        AssertGolden("validation.duckdb.sql", DuckDbValidation.Statement);
    }

    /// <summary>Spark cannot run here: the CI checks this file's syntax with dt-sql-parser (tests/spark-sql-check).</summary>
    [Fact]
    public void The_Spark_statement_is_the_golden_one()
    {
        AssertGolden("validation.spark.sql", new LineValidation(SparkDialect.Instance).Render("lines"));
    }

    /// <summary>The whole plan of a window with a closing page, as <c>sessionizer plan</c> prints it; the Spark one is syntax-checked in CI.</summary>
    [Theory]
    [InlineData("spark")]
    [InlineData("duckdb")]
    public void The_plan_of_a_window_is_the_golden_one(string engine)
    {
        SqlDialect dialect = engine == "spark" ? SparkDialect.Instance : DuckDbDialect.Instance;
        var rules = new Core.Sessions.SessionRules(TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), ["logout"]);

        AssertGolden($"plan.{engine}.sql", new WindowPlan(dialect, Core.Time.Window.Parse("2026-11-20T10"), rules).Script());
    }

    [Fact]
    public void The_statement_is_the_same_each_time_it_is_rendered()
    {
        Assert.Equal(DuckDbValidation.Statement, new LineValidation(DuckDbDialect.Instance).Render("lines"));
        Assert.Equal(new LineValidation(SparkDialect.Instance).Render("lines"), new LineValidation(SparkDialect.Instance).Render("lines"));
    }

    private static void AssertGolden(string name, string text, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, "golden", name);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        if (Environment.GetEnvironmentVariable("SESSIONIZER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, bytes);
        }

        Assert.True(File.Exists(path), $"no golden file {path}: run with SESSIONIZER_UPDATE_GOLDEN=1 to write it");
        Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)),
            $"the rendered SQL differs from {path}; if intended, run with SESSIONIZER_UPDATE_GOLDEN=1 and review the diff");
    }
}
