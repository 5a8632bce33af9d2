using System.Globalization;
using System.Security.Cryptography;
using Sessionizer.Core.Records;
using Xunit.Abstractions;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// Kills the real executable (SIGKILL) at many instants of a run, in every phase of the commit
/// protocol, and checks after each kill that the window is either committed consistently (every
/// file its manifest lists is there, whole, with its SHA-256 and record count, and nothing else)
/// or not committed at all. Successive runs alternate parameters, so a mix of old and new outputs
/// would show as a mismatch with the manifest.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const string Window = "2026-11-20T10";
    private const int StepDelayMs = 100;
    private const int Kills = 24;
    private static readonly string[] Timeouts = ["5m", "7m"];

    private readonly TempDirectory _temp = new();

    private string Input => _temp.Combine("in");

    private string Output => _temp.Combine("out");

    private string ManifestPath => Path.Combine(Output, "manifests", Window + ".json");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_run_killed_at_any_instant_leaves_the_old_commit_or_none_and_a_clean_rerun_gives_identical_outputs()
    {
        InputLogs.WriteRandom(Input, Window, events: 60_000);
        Assert.Equal(0, RunToEnd(Timeouts[0], delay: false).WaitForExit());
        var reference = DataFiles();

        // Learn when each commit step happens, then aim kills into every phase.
        using var timed = RunToEnd(Timeouts[1], delay: true);
        Assert.Equal(0, timed.WaitForExit());
        var plan = KillPlan(timed.Lines.ToList());

        var phases = new Dictionary<string, int>();
        for (var i = 0; i < plan.Count; i++)
        {
            var timeout = Timeouts[i % 2];
            var started = DateTimeOffset.UtcNow;
            string lastStep;
            using (var child = RunToEnd(timeout, delay: true))
            {
                WaitForKillInstant(child, plan[i]);
                child.Kill();
                lastStep = child.Lines.LastOrDefault(l => l.Line.StartsWith("commit-step", StringComparison.Ordinal)).Line ?? "none";
            }

            var phase = CheckCommittedOrNothing(started);
            output.WriteLine($"kill {i} at {plan[i]}, last step seen: {lastStep}: {phase}");
            phases[phase] = phases.GetValueOrDefault(phase) + 1;
        }

        output.WriteLine("kills per phase: " + string.Join(", ", phases.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        Assert.Equal(Kills, phases.Values.Sum());
        Assert.True(phases.GetValueOrDefault("staging") > 0, "no kill landed while staging");
        Assert.True(phases.GetValueOrDefault("swapping") > 0, "no kill landed while swapping");
        Assert.True(phases.GetValueOrDefault("manifest-writing") + phases.GetValueOrDefault("committed") > 0, "no kill landed while writing the manifest");

        Assert.Equal(0, RunToEnd(Timeouts[0], delay: false).WaitForExit());
        Assert.Equal(reference, DataFiles());
        Assert.False(Directory.Exists(Path.Combine(Output, "_temporary", Window)), "staging leftovers were not cleaned up");
    }

    /// <summary>
    /// Where a kill lands: <see cref="Step"/> null means <see cref="Offset"/> after the start; otherwise
    /// <see cref="Offset"/> after the process announced its <see cref="Step"/>-th commit step (from
    /// "staged" on). Anchoring on the announced steps, not on times learned from an earlier run, keeps
    /// every phase covered however slow or loaded the host is: each step is followed by a pause of
    /// <see cref="StepDelayMs"/>, and the kill lands inside it.
    /// </summary>
    private sealed record KillInstant(int? Step, string StepName, TimeSpan Offset)
    {
        public override string ToString() =>
            Step is null ? $"{Offset.TotalMilliseconds:0} ms" : $"{Offset.TotalMilliseconds:0} ms after '{StepName}'";
    }

    /// <summary>Kill instants: a third spread over reading and staging, the rest over the commit steps.</summary>
    private static List<KillInstant> KillPlan(List<(TimeSpan At, string Line)> lines)
    {
        var steps = CommitStepLines(lines).ToList();
        Assert.True(steps.Count >= 8, "the commit steps were not announced: " + string.Join(" | ", lines.Select(l => l.Line)));
        var staged = steps[0].At;
        var plan = new List<KillInstant>();
        for (var i = 0; i < Kills / 3; i++)
        {
            plan.Add(new KillInstant(null, "", staged * (0.3 + (0.7 * i / (Kills / 3)))));
        }

        var rest = Kills - plan.Count;
        for (var i = 0; i < rest; i++)
        {
            // Every step once, then again at another point of its pause.
            var step = i % steps.Count;
            var fraction = 0.15 + (0.6 * (i / steps.Count) / Math.Max(1, (rest - 1) / steps.Count));
            plan.Add(new KillInstant(step, steps[step].Line, TimeSpan.FromMilliseconds(StepDelayMs * fraction)));
        }

        return plan;
    }

    /// <summary>The commit steps a run announced, from "staged" on ("reading", before them, announces the input read).</summary>
    private static IEnumerable<(TimeSpan At, string Line)> CommitStepLines(IEnumerable<(TimeSpan At, string Line)> lines) =>
        lines.SkipWhile(l => l.Line != "commit-step staged").Where(l => l.Line.StartsWith("commit-step ", StringComparison.Ordinal));

    private static void WaitForKillInstant(ChildProcess child, KillInstant instant)
    {
        var anchor = TimeSpan.Zero;
        if (instant.Step is { } step)
        {
            while (!child.HasExited)
            {
                var seen = CommitStepLines(child.Lines).ElementAtOrDefault(step);
                if (seen.Line is not null)
                {
                    Assert.Equal(instant.StepName, seen.Line);
                    anchor = seen.At;
                    break;
                }

                Thread.Sleep(1);
            }
        }

        while (child.Elapsed < anchor + instant.Offset && !child.HasExited)
        {
            Thread.Sleep(1);
        }
    }

    /// <summary>The invariant after a kill; returns the phase the kill landed in, read off the disk.</summary>
    private string CheckCommittedOrNothing(DateTimeOffset killedRunStarted)
    {
        var temporaryManifest = Path.Combine(Output, "manifests", $".{Window}.json.tmp");
        if (!File.Exists(ManifestPath))
        {
            return File.Exists(temporaryManifest) ? "manifest-writing" : "swapping";
        }

        var manifest = ManifestJson.Deserialize(File.ReadAllBytes(ManifestPath));
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Outputs)
        {
            var path = Path.Combine(Output, file.Path);
            Assert.True(File.Exists(path), $"committed file {file.Path} is missing");
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(file.Bytes, bytes.Length);
            listed.Add(file.Path);
        }

        var present = Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith('_') && !f.StartsWith("manifests/", StringComparison.Ordinal));
        Assert.Equal(listed.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
        return manifest.Started >= killedRunStarted ? "committed" : "staging";
    }

    private SortedDictionary<string, string> DataFiles() =>
        new(Directory.EnumerateFiles(Output, "part-*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("_temporary", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Output, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    private ChildProcess RunToEnd(string timeout, bool delay)
    {
        var environment = new Dictionary<string, string>();
        if (delay)
        {
            environment["SESSIONIZER_COMMIT_STEP_DELAY_MS"] = StepDelayMs.ToString(CultureInfo.InvariantCulture);
        }

        return new ChildProcess(environment, "run", "--window", Window, "--input", Input, "--output", Output,
            "--no-previous-state", "--inactivity-timeout", timeout);
    }
}
