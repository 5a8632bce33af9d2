using System.Text.Json;

namespace Sessionizer.Cli.Tests;

public sealed class LogFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Json_logs_are_one_object_per_line_with_the_window_summary()
    {
        InputLogs.Write(_temp.Combine("in"), "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"));

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", _temp.Combine("in"), "--output", _temp.Combine("out"),
            "--no-previous-state", "--log-format", "json");

        Assert.Equal(0, result.ExitCode);
        var events = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var summary = Assert.Single(events, e => e.GetProperty("MessageTemplate").GetString()!.Contains("committed", StringComparison.Ordinal));
        var properties = summary.GetProperty("Properties");
        Assert.Equal("2026-11-20T10", properties.GetProperty("Window").GetString());
        Assert.Equal(1, properties.GetProperty("ValidEvents").GetInt64());
        Assert.Equal(1, properties.GetProperty("ClosedSessions").GetInt64());
        Assert.Equal(0, properties.GetProperty("ActiveSessions").GetInt64());
        Assert.True(properties.TryGetProperty("ElapsedSeconds", out _));
    }

    [Fact]
    public void Text_logs_are_readable_lines()
    {
        InputLogs.Write(_temp.Combine("in"), "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"));

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", _temp.Combine("in"), "--output", _temp.Combine("out"), "--no-previous-state");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("INF Window 2026-11-20T10 committed in", result.Error);
        Assert.Contains("1 valid, 0 rejected", result.Error);
        Assert.DoesNotContain("{", result.Error.Split('\n')[1]);
    }
}
