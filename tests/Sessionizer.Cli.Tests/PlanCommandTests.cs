namespace Sessionizer.Cli.Tests;

/// <summary><c>sessionizer plan</c> prints exactly the plan that is pinned by golden files (and, for Spark, syntax-checked in CI).</summary>
public sealed class PlanCommandTests
{
    [Theory]
    [InlineData("spark")]
    [InlineData("duckdb")]
    public void The_plan_printed_is_the_golden_one(string engine)
    {
        var result = Cli.Run("plan", "--window", "2026-11-20T10", "--engine", engine, "--closing-page", "logout");

        Assert.Equal(0, result.ExitCode);
        var golden = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Sessionizer.Sql.Tests", "golden", $"plan.{engine}.sql"));
        Assert.Equal(golden, result.Output);
    }

    [Fact]
    public void Parameters_change_the_plan()
    {
        var plan = Cli.Run("plan", "--window", "2026-11-20T10", "--inactivity-timeout", "2m").Output;

        Assert.Contains("t - previous_t > 120000", plan, StringComparison.Ordinal);
        Assert.Contains("end_ms + 120000 < 1795172400000", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closing_page_with_a_line_feed_stays_inside_the_header_comment()
    {
        var plan = Cli.Run("plan", "--window", "2026-11-20T10", "--closing-page", "logout\nDROP TABLE lines; --").Output;

        // In the statements the page is inside string literals, where a line feed is text.
        var lines = plan.Split('\n');
        Assert.Contains("logout\\u000aDROP TABLE lines", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("-- Inputs", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_needs_a_window()
    {
        Assert.Equal(2, Cli.Run("plan", "--engine", "spark").ExitCode);
    }
}
