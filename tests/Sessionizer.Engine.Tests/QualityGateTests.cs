using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

public class QualityGateTests
{
    /// <summary><paramref name="valid"/> valid lines and <paramref name="rejected"/> malformed ones, with blank lines that count for neither.</summary>
    private static void WriteInput(Sandbox sandbox, int valid, int rejected)
    {
        var lines = new List<string>();
        for (var i = 0; i < valid; i++)
        {
            lines.Add(Visit(i + 1, "10:10:00", "p"));
            lines.Add("");
        }

        for (var i = 0; i < rejected; i++)
        {
            lines.Add("not json " + i);
        }

        sandbox.Input("a.json", [.. lines]);
    }

    [Fact]
    public void More_rejected_lines_than_the_allowed_fraction_fail_the_run_and_commit_nothing()
    {
        using var sandbox = new Sandbox();
        WriteInput(sandbox, valid: 98, rejected: 2);

        var failure = sandbox.RunFails();

        Assert.Equal(RunFailure.QualityGate, failure.Failure);
        Assert.Contains("2 of 100", failure.Message, StringComparison.Ordinal);
        Assert.Contains("malformed_json", failure.Message, StringComparison.Ordinal);
        sandbox.AssertNothingCommitted(Sandbox.W);
    }

    [Theory]
    [InlineData(0.01, 1, 100)]
    [InlineData(0.29, 29, 100)]
    [InlineData(0.57, 57, 100)]
    [InlineData(0.25, 1, 4)]
    [InlineData(0.1, 3, 30)]
    [InlineData(0.0, 0, 10)]
    [InlineData(1.0, 5, 5)]
    public void Rejected_lines_exactly_at_the_allowed_fraction_pass(double fraction, int rejected, int lines)
    {
        using var sandbox = new Sandbox();
        WriteInput(sandbox, valid: lines - rejected, rejected: rejected);

        sandbox.Run(sandbox.Settings with { MaxRejectedFraction = fraction });

        Assert.Equal(rejected, sandbox.Count("rejected"));
        Assert.Equal(lines, sandbox.Count("input_lines"));
    }

    [Theory]
    [InlineData(0.01, 2, 101)]
    [InlineData(0.29, 30, 100)]
    [InlineData(0.0, 1, 1000)]
    public void One_rejected_line_over_the_allowed_fraction_fails(double fraction, int rejected, int lines)
    {
        using var sandbox = new Sandbox();
        WriteInput(sandbox, valid: lines - rejected, rejected: rejected);

        Assert.Equal(RunFailure.QualityGate, sandbox.RunFails(sandbox.Settings with { MaxRejectedFraction = fraction }).Failure);
        sandbox.AssertNothingCommitted(Sandbox.W);
    }

    [Fact]
    public void Blank_lines_are_not_rejected_lines()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", ["", "  ", "\t", "", Visit(1, "10:10:00", "p"), "", ""]);

        sandbox.Run(sandbox.Settings with { MaxRejectedFraction = 0 });

        Assert.Equal(0, sandbox.Count("rejected"));
        Assert.Equal(6, sandbox.Count("blank_lines"));
    }

    [Fact]
    public void A_failed_rerun_leaves_the_previous_commit_of_the_window_intact()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"), Visit(2, "10:58:00", "b"), "not json");
        sandbox.Run(sandbox.Settings with { MaxRejectedFraction = 0.5 });
        var manifest = File.ReadAllBytes(sandbox.ManifestPath(Sandbox.W));
        var outputs = sandbox.Outputs(Sandbox.W);

        sandbox.Input("b.json", "still not json", "nor this");
        var failure = sandbox.RunFails(sandbox.Settings with { MaxRejectedFraction = 0.5 });

        Assert.Equal(RunFailure.QualityGate, failure.Failure);
        Assert.Equal(manifest, File.ReadAllBytes(sandbox.ManifestPath(Sandbox.W)));
        Files.AssertSameFiles(outputs, sandbox.Outputs(Sandbox.W));
        Assert.False(Directory.Exists(Path.Combine(sandbox.OutputRoot, "_temporary", Sandbox.W.ToString())));
    }
}
