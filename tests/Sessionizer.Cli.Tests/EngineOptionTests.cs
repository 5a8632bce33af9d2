using System.Text.Json;

namespace Sessionizer.Cli.Tests;

/// <summary><c>--engine</c>: the duckdb engine runs from the command line, and windows of different engines chain.</summary>
public sealed class EngineOptionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Windows_of_the_duckdb_and_local_engines_chain_and_their_manifests_say_which_wrote_them()
    {
        var samples = Repository.PathOf("samples", "logs");
        var output = _temp.Combine("out");

        var first = Cli.Run("run", "--window", "2026-11-20T10", "--input", samples, "--output", output, "--no-previous-state", "--engine", "duckdb");
        var second = Cli.Run("run", "--window", "2026-11-20T11", "--input", samples, "--output", output, "--engine", "local");
        var third = Cli.Run("run", "--window", "2026-11-20T12", "--input", samples, "--output", output, "--engine", "duckdb");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.True(third.ExitCode == 0, third.Error);
        Assert.Contains("on the duckdb engine", first.Error, StringComparison.Ordinal);
        Assert.Equal(["duckdb", "local", "duckdb"], new[] { "10", "11", "12" }.Select(h => EngineOf(output, h)));
        using var counts = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("samples", "expected", "counts.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifests", "2026-11-20T12.json")));
        Assert.Equal(counts.RootElement.GetProperty("2026-11-20T12").GetProperty("closed_sessions").GetInt64(),
            manifest.RootElement.GetProperty("counts").GetProperty("closed_sessions").GetInt64());
    }

    [Fact]
    public void The_spark_engine_is_a_usage_error_in_this_build()
    {
        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", _temp.Combine("in"), "--output", _temp.Combine("out"), "--engine", "spark");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--engine spark is not available in this build", result.Error, StringComparison.Ordinal);
    }

    private static string EngineOf(string output, string hour)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifests", $"2026-11-20T{hour}.json")));
        return manifest.RootElement.GetProperty("engine").GetString()!;
    }
}
