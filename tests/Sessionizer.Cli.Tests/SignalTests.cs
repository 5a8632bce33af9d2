using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Sessionizer.Core.Records;
using Xunit.Abstractions;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// SIGTERM and SIGINT sent to the real executable: the window in progress commits nothing, its
/// staging and lock are gone, one log line says so, and the exit code is 128 + the signal's number.
/// A signal during the commit's directory swap lets the commit complete, and still exits with it.
/// </summary>
public sealed class SignalTests(ITestOutputHelper output) : IDisposable
{
    private const string Window = "2026-11-20T10";

    private readonly TempDirectory _temp = new();

    private string Input => _temp.Combine("in");

    private string Output => _temp.Combine("out");

    private string ManifestPath => Path.Combine(Output, "manifests", Window + ".json");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("TERM", "SIGTERM", 143)]
    [InlineData("INT", "SIGINT", 130)]
    public void A_signal_mid_run_commits_nothing_removes_the_staging_releases_the_lock_and_exits_128_plus_the_signal(
        string signal, string name, int exitCode)
    {
        InputLogs.WriteRandom(Input, Window, events: 20_000);

        // The run announces the start of its input read and pauses there: the signal lands in that pause.
        using var child = Start(stepDelayMs: 1000);
        Assert.True(child.WaitForLine("commit-step reading", TimeSpan.FromSeconds(60)), Log(child));
        child.Signal(signal);
        var code = child.WaitForExit();
        output.WriteLine(Log(child));

        Assert.Equal(exitCode, code);
        // Signalled while about to read its input, the run stops before its commit begins.
        Assert.DoesNotContain(child.Lines, l => l.Line.StartsWith("commit-step", StringComparison.Ordinal) && l.Line != "commit-step reading");
        Assert.Contains(child.Lines, l => l.Line.EndsWith($"Received {name}: window {Window} not committed, staging removed, lock released", StringComparison.Ordinal));
        Assert.DoesNotContain(child.Lines, l => l.Line.Contains("   at ", StringComparison.Ordinal));
        Assert.False(File.Exists(ManifestPath), "the window was committed");
        Assert.False(Directory.Exists(Path.Combine(Output, "_temporary", Window)), "the staging was left behind");
        AssertNoLockFile();

        var rerun = Cli.Run("run", "--window", Window, "--input", Input, "--output", Output, "--no-previous-state");
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        AssertCommittedConsistently();
        AssertNoLockFile();
    }

    [Fact]
    public void A_signal_during_the_commit_swap_lets_the_commit_complete_and_still_exits_143()
    {
        InputLogs.WriteRandom(Input, Window, events: 20_000);

        // Once uncommitted, the commit takes 7 pauses of 1 s more: the signal lands in them even if standard error arrives late.
        using var child = Start(stepDelayMs: 1000);
        Assert.True(child.WaitForLine("commit-step uncommitted", TimeSpan.FromSeconds(60)), Log(child));
        child.Signal("TERM");
        var code = child.WaitForExit();
        output.WriteLine(Log(child));

        Assert.Equal(143, code);
        Assert.Contains(child.Lines, l => l.Line == "commit-step committed");
        Assert.Contains(child.Lines, l => l.Line.EndsWith($"Received SIGTERM: window {Window} committed (its commit had started), the run stops here", StringComparison.Ordinal));
        AssertCommittedConsistently();
        Assert.False(Directory.Exists(Path.Combine(Output, "_temporary", Window)), "the staging was left behind");
        AssertNoLockFile();
    }

    [Fact]
    public void A_signal_during_a_range_keeps_the_windows_already_committed()
    {
        InputLogs.WriteRandom(Input, Window, events: 2_000);
        InputLogs.WriteRandom(Input, "2026-11-20T11", events: 2_000);

        // Signalled once the first window committed, in the pause where the second starts reading its input.
        using var child = new ChildProcess(
            new Dictionary<string, string> { ["SESSIONIZER_COMMIT_STEP_DELAY_MS"] = "1000" },
            "run", "--from", Window, "--to", "2026-11-20T11", "--input", Input, "--output", Output, "--no-previous-state");
        Assert.True(child.WaitForLine("commit-step reading", TimeSpan.FromSeconds(60), count: 2), Log(child));
        Assert.Contains(child.Lines, l => l.Line.Contains($"Window {Window} committed", StringComparison.Ordinal));
        child.Signal("TERM");
        var code = child.WaitForExit();
        output.WriteLine(Log(child));

        Assert.Equal(143, code);
        AssertCommittedConsistently();
        Assert.False(File.Exists(Path.Combine(Output, "manifests", "2026-11-20T11.json")), "the second window was committed");
        Assert.Contains(child.Lines, l => l.Line.EndsWith("Received SIGTERM: window 2026-11-20T11 not committed, staging removed, lock released", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(Output, "_temporary", "2026-11-20T11")), "the staging was left behind");
        AssertNoLockFile();
    }

    [Fact]
    public void A_signal_arriving_once_the_handler_is_disposed_is_left_to_the_default_action_without_touching_the_disposed_token()
    {
        var signals = new Signals();
        signals.Dispose();
        var context = new PosixSignalContext(PosixSignal.SIGTERM);

        signals.Handle(context);

        Assert.False(context.Cancel);
        Assert.Null(signals.Received);
    }

    private ChildProcess Start(int stepDelayMs) =>
        new(new Dictionary<string, string> { ["SESSIONIZER_COMMIT_STEP_DELAY_MS"] = stepDelayMs.ToString(CultureInfo.InvariantCulture) },
            "run", "--window", Window, "--input", Input, "--output", Output, "--no-previous-state");

    private static string Log(ChildProcess child) =>
        string.Join("\n", child.Lines.Select(l => $"{l.At.TotalMilliseconds,7:0} ms {l.Line}"));

    /// <summary>Every file the manifest lists is there, whole, with its SHA-256.</summary>
    private void AssertCommittedConsistently()
    {
        var manifest = ManifestJson.Deserialize(File.ReadAllBytes(ManifestPath));
        Assert.NotEmpty(manifest.Outputs);
        foreach (var file in manifest.Outputs)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Output, file.Path));
            Assert.Equal(file.Bytes, bytes.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    private void AssertNoLockFile()
    {
        var locks = Path.Combine(Output, "_temporary", "locks");
        var left = Directory.Exists(locks) ? Directory.GetFiles(locks).Select(Path.GetFileName).ToList() : [];
        Assert.Empty(left);
    }
}
