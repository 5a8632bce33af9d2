using System.Globalization;
using System.Text.Json;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// <c>--log-format json</c> writes compact log event format (CLEF), and the fields an orchestrator
/// relies on (docs/reference.md §6.8) are top-level properties of real runs' lines.
/// </summary>
public sealed class LogFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Input => _temp.Combine("in");

    private string Output => _temp.Combine("out");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Json_logs_are_clef_one_object_per_line()
    {
        WriteTwoWindows();

        var result = Run("run", "--from", "2026-11-20T10", "--to", "2026-11-20T11", "--no-previous-state", "--max-rejected-fraction", "0.5");

        Assert.Equal(0, result.ExitCode);
        var events = Clef(result.Error);
        Assert.True(events.Count >= 4, result.Error);
        foreach (var e in events)
        {
            // CLEF: @t an ISO 8601 UTC time, @mt the message template; no legacy JsonFormatter fields.
            var t = e.GetProperty("@t").GetString()!;
            Assert.EndsWith("Z", t, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), t);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("@mt").GetString()));
            Assert.Equal("sessionizer", e.GetProperty("App").GetString());
            foreach (var legacy in new[] { "Timestamp", "MessageTemplate", "RenderedMessage", "Properties", "Level" })
            {
                Assert.False(e.TryGetProperty(legacy, out _), $"legacy field {legacy} in {e}");
            }

            // @l is left out for Information, as CLEF does; present for the other levels.
            Assert.False(e.TryGetProperty("@l", out var level) && level.GetString() == "Information", e.ToString());
        }
    }

    [Fact]
    public void Each_committed_window_has_its_counts_and_elapsed_time_as_properties_and_the_last_line_the_exit_code()
    {
        WriteTwoWindows();

        var result = Run("run", "--from", "2026-11-20T10", "--to", "2026-11-20T11", "--no-previous-state", "--max-rejected-fraction", "0.5");

        Assert.Equal(0, result.ExitCode);
        var events = Clef(result.Error);
        var windows = events.Where(e => e.TryGetProperty("Status", out var s) && s.GetString() == "committed").ToList();
        Assert.Equal(["2026-11-20T10", "2026-11-20T11"], windows.Select(w => w.GetProperty("Window").GetString()));
        foreach (var window in windows)
        {
            var manifest = Manifest(window.GetProperty("Window").GetString()!).GetProperty("counts");
            foreach (var (property, field) in CountFields)
            {
                Assert.Equal(manifest.GetProperty(field).GetInt64(), window.GetProperty(property).GetInt64());
            }

            Assert.True(window.GetProperty("ElapsedSeconds").GetDouble() > 0);
            Assert.False(window.TryGetProperty("LagSeconds", out _));
        }

        Assert.Equal(2, windows[0].GetProperty("ValidEvents").GetInt64());
        Assert.Equal(1, windows[0].GetProperty("Rejected").GetInt64());
        Assert.Equal(1, windows[0].GetProperty("ClosedSessions").GetInt64());
        Assert.Equal(1, windows[0].GetProperty("ActiveSessions").GetInt64());

        var last = events[^1];
        Assert.Equal(0, last.GetProperty("ExitCode").GetInt32());
        Assert.Equal("run", last.GetProperty("Command").GetString());
        Assert.Equal(2, last.GetProperty("CommittedWindows").GetInt32());
        Assert.Single(events, e => e.TryGetProperty("ExitCode", out _));
    }

    [Fact]
    public void A_failed_window_has_its_window_status_failure_and_exit_code_and_the_last_line_the_same_exit_code()
    {
        WriteTwoWindows();

        var result = Run("run", "--from", "2026-11-20T10", "--to", "2026-11-20T11", "--no-previous-state", "--max-rejected-fraction", "0.4");

        Assert.Equal(4, result.ExitCode);
        var events = Clef(result.Error);
        Assert.Equal("2026-11-20T10", Assert.Single(events, e => e.TryGetProperty("Status", out var s) && s.GetString() == "committed").GetProperty("Window").GetString());
        var failed = Assert.Single(events, e => e.TryGetProperty("Status", out var s) && s.GetString() == "failed");
        Assert.Equal("Error", failed.GetProperty("@l").GetString());
        Assert.Equal("2026-11-20T11", failed.GetProperty("Window").GetString());
        Assert.Equal("QualityGate", failed.GetProperty("Failure").GetString());
        Assert.Equal(4, failed.GetProperty("ExitCode").GetInt32());
        Assert.False(failed.TryGetProperty("@x", out _));

        var last = events[^1];
        Assert.Equal(4, last.GetProperty("ExitCode").GetInt32());
        Assert.Equal(1, last.GetProperty("CommittedWindows").GetInt32());
    }

    [Fact]
    public void With_verbose_a_failure_carries_the_exception_in_x()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"));
        var folder = Path.Combine(Input, "2026", "11", "20", "10");
        File.WriteAllBytes(Path.Combine(folder, "cut.json.gz"), [0x1f, 0x8b, 0x08, 0x00]);

        var result = Run("run", "--window", "2026-11-20T10", "--no-previous-state", "--verbose");

        Assert.Equal(1, result.ExitCode);
        var failed = Assert.Single(Clef(result.Error), e => e.TryGetProperty("Status", out var s) && s.GetString() == "failed");
        Assert.Equal("2026-11-20T10", failed.GetProperty("Window").GetString());
        Assert.Equal(1, failed.GetProperty("ExitCode").GetInt32());
        Assert.Contains("   at ", failed.GetProperty("@x").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Follow_adds_the_lag_of_each_window_and_ends_with_its_exit_code()
    {
        WriteTwoWindows();

        var result = Run("follow", "--from", "2026-11-20T10", "--until", "2026-11-20T11", "--no-previous-state", "--max-rejected-fraction", "0.5");

        Assert.Equal(0, result.ExitCode);
        var events = Clef(result.Error);
        var windows = events.Where(e => e.TryGetProperty("Status", out var s) && s.GetString() == "committed").ToList();
        Assert.Equal(2, windows.Count);
        Assert.All(windows, w => Assert.True(w.GetProperty("LagSeconds").GetDouble() > 0));
        Assert.Equal("follow", events[^1].GetProperty("Command").GetString());
        Assert.Equal(0, events[^1].GetProperty("ExitCode").GetInt32());
        Assert.Equal(2, events[^1].GetProperty("CommittedWindows").GetInt32());
    }

    [Fact]
    public void The_real_executable_writes_clef_on_standard_error_its_last_line_holding_its_exit_code()
    {
        WriteTwoWindows();

        using var child = new ChildProcess(new Dictionary<string, string>(), "run", "--from", "2026-11-20T10", "--to", "2026-11-20T11",
            "--input", Input, "--output", Output, "--no-previous-state", "--max-rejected-fraction", "0.4", "--log-format", "json");
        var code = child.WaitForExit();

        Assert.Equal(4, code);
        var events = child.Lines.Select(l => JsonDocument.Parse(l.Line).RootElement).ToList();
        Assert.All(events, e => Assert.True(e.TryGetProperty("@t", out _) && e.TryGetProperty("@mt", out _), e.ToString()));
        Assert.Equal(code, events[^1].GetProperty("ExitCode").GetInt32());
        Assert.Equal("2026-11-20T11", Assert.Single(events, e => e.TryGetProperty("Status", out var s) && s.GetString() == "failed").GetProperty("Window").GetString());
    }

    [Fact]
    public void Text_logs_are_readable_lines()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json", InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"));

        var result = Cli.Run("run", "--window", "2026-11-20T10", "--input", Input, "--output", Output, "--no-previous-state");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("INF Window 2026-11-20T10 committed in", result.Error);
        Assert.Contains("1 valid, 0 rejected", result.Error);
        Assert.DoesNotContain("{", result.Error.Split('\n')[1]);
        Assert.EndsWith("INF sessionizer run exits with code 0 (1 windows committed)", result.Error.TrimEnd('\n'), StringComparison.Ordinal);
    }

    /// <summary>The summary's count properties and the manifest's fields they come from.</summary>
    private static readonly (string Property, string Field)[] CountFields =
    [
        ("InputLines", "input_lines"), ("ValidEvents", "valid_events"), ("Rejected", "rejected"), ("Duplicates", "duplicates"),
        ("ClosedSessions", "closed_sessions"), ("ActiveSessions", "active_sessions"),
    ];

    private static List<JsonElement> Clef(string error) =>
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    /// <summary>
    /// Window 10: user 1 (closed by inactivity), user 2 (active at the end), one bad line; window 11:
    /// user 3, one bad line. Rejected fractions 1/3 and 1/2: a gate of 0.5 passes both, 0.4 fails window 11.
    /// </summary>
    private void WriteTwoWindows()
    {
        InputLogs.Write(Input, "2026-11-20T10", "a.json",
            InputLogs.Visit(1, "2026-11-20T10:00:00Z", "index"), InputLogs.Visit(2, "2026-11-20T10:59:00Z", "about"), "{not json");
        InputLogs.Write(Input, "2026-11-20T11", "a.json", InputLogs.Visit(3, "2026-11-20T11:30:00Z", "index"), "{not json");
    }

    private CliResult Run(params string[] args) => Cli.Run([.. args, "--input", Input, "--output", Output, "--log-format", "json"]);

    private JsonElement Manifest(string window) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Output, "manifests", window + ".json"))).RootElement;
}
