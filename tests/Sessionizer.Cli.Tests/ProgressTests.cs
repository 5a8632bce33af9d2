using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// The live progress line of the real executable (docs/reference.md §6.9): on a terminal with text
/// logs it is drawn and cleared before each log line; with standard error redirected, or with JSON
/// logs, nothing but log lines is written. The terminal is a pseudo-terminal from util-linux's
/// <c>script</c>, as CI and development machines have it.
/// </summary>
public sealed partial class ProgressTests(ITestOutputHelper output) : IDisposable
{
    private const string Window = "2026-11-20T10";

    private readonly TempDirectory _temp = new();

    private string Input => _temp.Combine("in");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task With_standard_error_redirected_the_real_executable_writes_log_lines_only()
    {
        InputLogs.WriteRandom(Input, Window, events: 300_000);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in Args("text"))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "xterm";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine(error);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await stdout);
        Assert.DoesNotContain("\r", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" reading ", error, StringComparison.Ordinal);
        Assert.All(error.TrimEnd('\n').Split('\n'), l => Assert.Matches(LogLine(), l));
    }

    [Fact]
    public void In_process_with_a_writer_that_is_not_the_terminal_nothing_but_log_lines_is_written()
    {
        InputLogs.WriteRandom(Input, Window, events: 20_000);

        var result = Cli.Run([.. Args("text").Skip(1)]);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("\r", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_the_line_is_drawn_and_cleared_before_each_log_line()
    {
        InputLogs.WriteRandom(Input, Window, events: 300_000);

        var (code, screen) = OnTerminal("text");

        Assert.Equal(0, code);
        // Drawn: rewritten in place with \r (a bare \r, not the terminal's \r\n).
        // (A \r also starts the spaces that clear it, and the log line written after them.)
        var drawings = Drawing().Matches(screen).Select(m => m.Groups[1].Value)
            .Where(d => d.Trim().Length > 0 && !LogLine().IsMatch(d)).ToList();
        Assert.NotEmpty(drawings);
        Assert.All(drawings, d => Assert.Matches(@"^2026-11-20T10 (reading|sessionizing|writing|committing)", d));

        // Cleared: what the terminal shows at the end is the log lines, whole, and nothing else.
        var lines = Terminal.Lines(screen).Where(l => l.Length > 0).ToList();
        Assert.All(lines, l => Assert.Matches(LogLine(), l));
        Assert.Contains(lines, l => l.Contains("INF Window 2026-11-20T10 committed in", StringComparison.Ordinal));
        Assert.EndsWith("INF sessionizer run exits with code 0 (1 windows committed)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_json_logs_have_no_progress_line()
    {
        InputLogs.WriteRandom(Input, Window, events: 100_000);

        var (code, screen) = OnTerminal("json");

        Assert.Equal(0, code);
        Assert.Empty(Drawing().Matches(screen));
        var lines = Terminal.Lines(screen).Where(l => l.Length > 0).ToList();
        Assert.All(lines, l => Assert.True(JsonDocument.Parse(l).RootElement.TryGetProperty("@t", out _), l));
    }

    private string[] Args(string logFormat) =>
    [
        Path.Combine(AppContext.BaseDirectory, "sessionizer.dll"), "run", "--window", Window, "--input", Input,
        "--output", _temp.Combine("out-" + logFormat), "--no-previous-state", "--log-format", logFormat,
    ];

    /// <summary>Runs the executable with standard error (and output) a pseudo-terminal; what the terminal received, escape sequences removed.</summary>
    private (int Code, string Screen) OnTerminal(string logFormat)
    {
        Assert.True(File.Exists("/usr/bin/script"), "These tests need util-linux's script (/usr/bin/script), as CI has.");
        var command = "dotnet " + string.Join(' ', Args(logFormat).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var start = new ProcessStartInfo("/usr/bin/script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-qfec", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "xterm";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var screen = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output.WriteLine(screen.Replace("\r", "\\r", StringComparison.Ordinal));
        output.WriteLine(error.Result);
        return (process.ExitCode, Escape().Replace(screen, ""));
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d (INF|WRN|ERR|DBG) ")]
    private static partial Regex LogLine();

    /// <summary>A drawing of the line: a \r not followed by \n, then the text up to the next \r.</summary>
    [GeneratedRegex(@"\r(?!\n)([^\r\n]+)")]
    private static partial Regex Drawing();

    /// <summary>Terminal escape sequences (the runtime sets the keypad mode on a terminal: ESC [?1h ESC =).</summary>
    [GeneratedRegex(@"\x1b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex Escape();
}
