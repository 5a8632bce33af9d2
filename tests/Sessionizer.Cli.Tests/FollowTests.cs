using System.IO.Compression;
using Xunit.Abstractions;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// <c>sessionizer follow</c> (docs/reference.md §5.10): the real executable following windows as their
/// markers arrive and stopping on SIGTERM with exit 0, its outputs those of <c>run --from --to</c>;
/// and, in process, the failures that stop it and the starts it refuses.
/// </summary>
public sealed class FollowTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Hours = ["2026-11-20T10", "2026-11-20T11", "2026-11-20T12", "2026-11-20T13"];

    private readonly TempDirectory _temp = new();

    private string Input => _temp.Combine("in");

    private string Output => _temp.Combine("out");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_real_executable_follows_windows_as_their_markers_arrive_stops_on_sigterm_with_0_and_equals_run_over_the_range()
    {
        foreach (var hour in Hours[..3])
        {
            WriteReady(hour);
        }

        using var child = new ChildProcess(new Dictionary<string, string>(),
            "follow", "--input", Input, "--output", Output, "--from", Hours[0], "--no-previous-state", "--ready-marker", "_SUCCESS", "--poll-interval", "100ms");
        Assert.True(child.WaitForLine("Window 2026-11-20T12 committed", TimeSpan.FromSeconds(60)), Log(child));
        Assert.True(child.WaitForLine("Input of window 2026-11-20T13 is missing past its deadline", TimeSpan.FromSeconds(60)), Log(child));

        // The fourth hour arrives while follow waits: its files first, then its marker.
        WriteReady(Hours[3]);
        Assert.True(child.WaitForLine("Window 2026-11-20T13 committed", TimeSpan.FromSeconds(60)), Log(child));
        Assert.True(child.WaitForLine("Input of window 2026-11-20T14 is missing past its deadline", TimeSpan.FromSeconds(60)), Log(child));
        child.Signal("TERM");
        var code = child.WaitForExit();
        output.WriteLine(Log(child));

        Assert.Equal(0, code);
        Assert.Contains(child.Lines, l => l.Line.EndsWith("Received SIGTERM: follow stops before window 2026-11-20T14, nothing in progress; a restart resumes at window 2026-11-20T14", StringComparison.Ordinal));
        Assert.Equal(4, child.Lines.Count(l => l.Line.Contains(" committed in ", StringComparison.Ordinal) && l.Line.Contains("s after the window's end", StringComparison.Ordinal)));
        Assert.Single(child.Lines, l => l.Line.Contains("2026-11-20T13 is missing past its deadline", StringComparison.Ordinal));

        var reference = _temp.Combine("reference");
        var run = Cli.Run("run", "--from", Hours[0], "--to", Hours[3], "--input", Input, "--output", reference, "--no-previous-state");
        Assert.True(run.ExitCode == 0, run.Error);
        AssertSameParts(reference, Output);
    }

    [Fact]
    public void Follow_killed_by_sigkill_mid_window_resumes_on_restart_runs_nothing_twice_and_equals_run_over_the_range()
    {
        foreach (var hour in Hours)
        {
            WriteReady(hour);
        }

        // Killed in the third window's commit, between folder swaps: its manifest is not written yet
        // (three more steps of 300 ms each come first, so a slow test host still kills in time).
        using (var child = new ChildProcess(new Dictionary<string, string> { ["SESSIONIZER_COMMIT_STEP_DELAY_MS"] = "300" },
            "follow", "--input", Input, "--output", Output, "--from", Hours[0], "--no-previous-state", "--ready-marker", "_SUCCESS", "--poll-interval", "100ms"))
        {
            Assert.True(child.WaitForLine("commit-step swapped closed-sessions", TimeSpan.FromSeconds(60), count: 3), Log(child));
            child.Kill();
            output.WriteLine(Log(child));
        }

        var manifests = Path.Combine(Output, "manifests");
        Assert.Equal([Hours[0] + ".json", Hours[1] + ".json"], Directory.GetFiles(manifests).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var before = Hours[..2].Select(h => File.ReadAllBytes(Path.Combine(manifests, h + ".json"))).ToList();

        var restart = Cli.Run("follow", "--input", Input, "--output", Output, "--ready-marker", "_SUCCESS", "--until", Hours[3]);
        output.WriteLine(restart.Error);

        Assert.True(restart.ExitCode == 0, restart.Error);
        Assert.DoesNotContain($"Window {Hours[0]} committed", restart.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"Window {Hours[1]} committed", restart.Error, StringComparison.Ordinal);
        Assert.Contains($"Window {Hours[2]} committed", restart.Error, StringComparison.Ordinal);
        Assert.Contains($"Window {Hours[3]} committed", restart.Error, StringComparison.Ordinal);
        Assert.Equal(before, Hours[..2].Select(h => File.ReadAllBytes(Path.Combine(manifests, h + ".json"))));
        var started = Hours.Select(h => Sessionizer.Core.Records.ManifestJson.Deserialize(File.ReadAllBytes(Path.Combine(manifests, h + ".json"))).Started).ToList();
        Assert.Equal(started.Order(), started);
        Assert.Equal(Hours.Length, started.Distinct().Count());
        Assert.False(Directory.Exists(Path.Combine(Output, "_temporary", Hours[2])), "the killed window's staging was left behind");

        var reference = _temp.Combine("reference");
        var run = Cli.Run("run", "--from", Hours[0], "--to", Hours[3], "--input", Input, "--output", reference, "--no-previous-state");
        Assert.True(run.ExitCode == 0, run.Error);
        AssertSameParts(reference, Output);
    }

    [Fact]
    public void Sigterm_while_a_window_runs_commits_nothing_for_it_removes_its_staging_releases_its_lock_and_exits_0()
    {
        InputLogs.WriteRandom(Input, Hours[0], events: 20_000);
        File.WriteAllText(Path.Combine(Input, "2026", "11", "20", "10", "_SUCCESS"), "");

        using var child = new ChildProcess(new Dictionary<string, string> { ["SESSIONIZER_COMMIT_STEP_DELAY_MS"] = "1000" },
            "follow", "--input", Input, "--output", Output, "--from", Hours[0], "--no-previous-state", "--ready-marker", "_SUCCESS");
        Assert.True(child.WaitForLine("commit-step reading", TimeSpan.FromSeconds(60)), Log(child));
        child.Signal("TERM");
        var code = child.WaitForExit();
        output.WriteLine(Log(child));

        Assert.Equal(0, code);
        Assert.Contains(child.Lines, l => l.Line.EndsWith("Received SIGTERM: window 2026-11-20T10 not committed, staging removed, lock released; follow stops, a restart resumes at window 2026-11-20T10", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Output, "manifests", Hours[0] + ".json")), "the window was committed");
        Assert.False(Directory.Exists(Path.Combine(Output, "_temporary", Hours[0])), "the staging was left behind");
        var locks = Path.Combine(Output, "_temporary", "locks");
        Assert.Empty(Directory.Exists(locks) ? Directory.GetFiles(locks) : []);
    }

    [Fact]
    public void A_quality_gate_failure_stops_follow_with_exit_4_and_says_how_to_resume()
    {
        InputLogs.Write(Input, Hours[0], "a.json", "not json", "nor this");
        InputLogs.Write(Input, Hours[1], "a.json", InputLogs.Visit(1, "2026-11-20T11:10:00Z", "home"));

        var result = Cli.Run("follow", "--input", Input, "--output", Output, "--from", Hours[0], "--no-previous-state", "--until", Hours[1]);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("QualityGate", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 of 2 input lines rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("Follow stopped and never skips a window: fix this, then restart follow; it resumes at window 2026-11-20T10.", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Output, "manifests")) && Directory.EnumerateFiles(Path.Combine(Output, "manifests")).Any());
    }

    [Fact]
    public void A_from_that_would_rewrite_committed_windows_or_leave_a_gap_exits_2_and_without_it_follow_resumes_after_the_last_commit()
    {
        InputLogs.Write(Input, Hours[0], "a.json", InputLogs.Visit(1, "2026-11-20T10:10:00Z", "home"));
        InputLogs.Write(Input, Hours[1], "a.json", InputLogs.Visit(1, "2026-11-20T11:10:00Z", "home"));
        Assert.Equal(0, Cli.Run("run", "--window", Hours[0], "--input", Input, "--output", Output, "--no-previous-state").ExitCode);

        var rewrite = Cli.Run("follow", "--input", Input, "--output", Output, "--from", Hours[0], "--until", Hours[1]);
        var gap = Cli.Run("follow", "--input", Input, "--output", Output, "--from", Hours[2], "--until", Hours[2]);
        var resume = Cli.Run("follow", "--input", Input, "--output", Output, "--until", Hours[1]);

        Assert.Equal(2, rewrite.ExitCode);
        Assert.Contains("follow cannot start: --from 2026-11-20T10 would rewrite committed windows: windows up to 2026-11-20T10 are committed under ", rewrite.Error, StringComparison.Ordinal);
        Assert.Equal(2, gap.ExitCode);
        Assert.Contains("--from 2026-11-20T12 would leave a gap", gap.Error, StringComparison.Ordinal);
        Assert.True(resume.ExitCode == 0, resume.Error);
        Assert.Contains("Window 2026-11-20T11 committed", resume.Error, StringComparison.Ordinal);
        Assert.Contains("Window 2026-11-20T11 is committed (--until): follow stops; a restart resumes at window 2026-11-20T12", resume.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Late_data_shows_as_input_changed_in_status_and_follow_warns_or_with_reprocess_late_reruns_and_writes_metrics()
    {
        InputLogs.Write(Input, Hours[0], "a.json", InputLogs.Visit(1, "2026-11-20T10:10:00Z", "home"));
        InputLogs.Write(Input, Hours[1], "a.json", InputLogs.Visit(1, "2026-11-20T11:10:00Z", "home"));
        var metrics = _temp.Combine("sessionizer.prom");
        var first = Cli.Run("follow", "--input", Input, "--output", Output, "--from", Hours[0], "--no-previous-state", "--until", Hours[1], "--metrics-file", metrics);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("sessionizer_last_committed_window_end_timestamp_seconds 1795176000\n", File.ReadAllText(metrics), StringComparison.Ordinal);
        Assert.Contains("sessionizer_last_window_valid_events 1\n", File.ReadAllText(metrics), StringComparison.Ordinal);

        InputLogs.Write(Input, Hours[0], "late.json", InputLogs.Visit(2, "2026-11-20T10:20:00Z", "home"));
        var text = Cli.Run("status", "--output", Output);
        var json = Cli.Run("status", "--output", Output, "--format", "json");
        var warned = Cli.Run("follow", "--input", Input, "--output", Output, "--until", Hours[1]);

        Assert.Contains("2026-11-20T10  input-changed ", text.Output, StringComparison.Ordinal);
        Assert.Contains("input changed since its commit: 2026/11/20/10/late.json (new, ", text.Output, StringComparison.Ordinal);
        Assert.Contains("2 committed windows, 0 stale, 1 with changed input", text.Output, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"input-changed\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"2026/11/20/10/late.json\"", json.Output, StringComparison.Ordinal);
        Assert.True(warned.ExitCode == 0, warned.Error);
        Assert.Contains("Input of committed window 2026-11-20T10 changed since its commit: 2026/11/20/10/late.json (new, ", warned.Error, StringComparison.Ordinal);

        var reprocessed = Cli.Run("follow", "--input", Input, "--output", Output, "--until", Hours[1], "--reprocess-late", "--late-window-lookback", "2");
        Assert.True(reprocessed.ExitCode == 0, reprocessed.Error);
        Assert.Contains("Window 2026-11-20T10 committed", reprocessed.Error, StringComparison.Ordinal);
        Assert.Contains("Window 2026-11-20T11 committed", reprocessed.Error, StringComparison.Ordinal);
        Assert.Contains("2 committed windows, 0 stale, 0 with changed input", Cli.Run("status", "--output", Output).Output, StringComparison.Ordinal);

        // An input root that is not reachable here: status keeps the lineage status and says the input was not checked.
        Directory.Move(Input, Input + ".moved");
        var unreachable = Cli.Run("status", "--output", Output);
        Assert.Contains("2026-11-20T10  committed ", unreachable.Output, StringComparison.Ordinal);
        Assert.Contains("input not checked for 2 windows: the input root they recorded (", unreachable.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--until", "2026-11-20T09", "--until 2026-11-20T09 is before --from 2026-11-20T10.")]
    [InlineData("--ready-marker", "a/_SUCCESS", "--ready-marker: 'a/_SUCCESS' is not a file name")]
    [InlineData("--poll-interval", "0s", "--poll-interval: '0s' is not a positive duration")]
    [InlineData("--late-window-lookback", "0", "--late-window-lookback: '0' is not a whole number > 0.")]
    [InlineData("--metrics-file", "/nonexistent-folder/sessionizer.prom", "--metrics-file: '/nonexistent-folder/sessionizer.prom' is not a file path in an existing folder.")]
    public void Bad_follow_options_are_usage_errors(string option, string value, string message)
    {
        var result = Cli.Run("follow", "--input", Input, "--output", Output, "--from", Hours[0], "--no-previous-state", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private void WriteReady(string hour)
    {
        InputLogs.WriteRandom(Input, hour, events: 2_000);
        var folder = Path.Combine(Input, hour[..4], hour[5..7], hour[8..10], hour[11..13]);
        File.WriteAllText(Path.Combine(folder, "_SUCCESS"), "");
    }

    /// <summary>The same part files under both roots, with the same decompressed bytes.</summary>
    private static void AssertSameParts(string expectedRoot, string actualRoot)
    {
        var expected = Parts(expectedRoot);
        Assert.Equal(Hours.Length * 3, expected.Count);
        Assert.Equal(expected, Parts(actualRoot));
        foreach (var part in expected)
        {
            Assert.True(Decompressed(Path.Combine(expectedRoot, part)).SequenceEqual(Decompressed(Path.Combine(actualRoot, part))), $"{part} differs");
        }
    }

    private static List<string> Parts(string root) =>
        Directory.EnumerateFiles(root, "part-*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p))
            .Where(p => !p.StartsWith("_temporary", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    private static byte[] Decompressed(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static string Log(ChildProcess child) =>
        string.Join("\n", child.Lines.Select(l => $"{l.At.TotalMilliseconds,7:0} ms {l.Line}"));
}
