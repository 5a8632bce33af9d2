using Sessionizer.Core.Time;
using Sessionizer.Engine.Lineage;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Report;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>
/// An output root is a folder other people and systems can write to: whatever lies in manifests/ or
/// in the parts a manifest lists, the job's readers (run's state, status's lineage, follow, report)
/// end, never open a FIFO or a device, and say what is wrong (docs/reference.md §4.6, §5.5, §5.8).
/// </summary>
public sealed class HostileOutputRootTests : IDisposable
{
    private static readonly Window W = Sandbox.W;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Sandbox _sandbox = new();

    public HostileOutputRootTests()
    {
        _sandbox.Input(W, "a.json", Visit(1, "10:05:00", "a"), Visit(1, "10:58:00", "b"), Visit(2, "10:10:00", "c"));
        _sandbox.Input(W.Next, "a.json", Visit(1, "11:01:00", "d"));
        _sandbox.Run(W);
    }

    public void Dispose() => _sandbox.Dispose();

    private string Manifest(Window window) => new OutputLayout(_sandbox.OutputRoot).ManifestPath(window);

    /// <summary>Runs <paramref name="action"/>, failing the test instead of hanging it when it blocks.</summary>
    private static T Ends<T>(Func<T> action)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(Patience), "blocked: it opened a FIFO or read a device");
        return task.Result;
    }

    private void Replace(string path, string kind)
    {
        File.Delete(path);
        switch (kind)
        {
            case "fifo": InputFolderTests.MakeFifo(path); break;
            case "dangling link": File.CreateSymbolicLink(path, Path.Combine(_sandbox.Root, "nothing-here")); break;
            case "link loop": File.CreateSymbolicLink(path, path); break;
            case "link to /dev/zero": File.CreateSymbolicLink(path, "/dev/zero"); break;
            case "folder": Directory.CreateDirectory(path); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    public static TheoryData<string> Kinds => new("fifo", "dangling link", "link loop", "link to /dev/zero", "folder");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_manifest_that_is_not_a_regular_file_is_an_unreadable_window_for_status_and_is_never_opened(string kind)
    {
        Replace(Manifest(W.Next), kind);

        var report = Ends(() => LineageScanner.Scan(new OutputLayout(_sandbox.OutputRoot), checkInput: true));

        if (kind == "folder")
        {
            // Not a file: not a manifest, so not a window (as any other name in manifests/ that is not a window's).
            Assert.Equal([W], report.Windows.Select(w => w.Window));
            return;
        }

        Assert.Equal([W, W.Next], report.Windows.Select(w => w.Window));
        var damaged = report.Windows[1];
        Assert.Equal(Freshness.Unreadable, damaged.Freshness);
        Assert.StartsWith("its manifest cannot be read: ", damaged.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_previous_window_whose_manifest_is_not_a_regular_file_fails_the_run_instead_of_blocking(string kind)
    {
        Replace(Manifest(W), kind);

        if (kind is "dangling link")
        {
            // No file there to read: the previous window is not committed, as for a missing manifest.
            Assert.Equal(RunFailure.InputNotReady, Ends(() => _sandbox.RunFails(W.Next, _sandbox.Settings with { NoPreviousState = false })).Failure);
            return;
        }

        var failure = Ends(() => _sandbox.RunFails(W.Next, _sandbox.Settings with { NoPreviousState = false }));

        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains(Manifest(W), failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_state_part_that_is_not_a_regular_file_fails_the_run_instead_of_blocking(string kind)
    {
        Replace(_sandbox.ActivePart(W), kind);

        var failure = Ends(() => _sandbox.RunFails(W.Next, _sandbox.Settings with { NoPreviousState = false }));

        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains(_sandbox.ActivePart(W), failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_closed_sessions_part_that_is_not_a_regular_file_is_a_problem_of_its_window_in_the_report(string kind)
    {
        Replace(_sandbox.ClosedPart(W), kind);

        var report = Ends(() => ReportBuilder.Build(new OutputLayout(_sandbox.OutputRoot), new ReportSettings { Parallelism = 2 }));

        var window = Assert.Single(report.Windows);
        Assert.False(window.SessionsRead);
        Assert.Contains("cannot be read", Assert.Single(window.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_with_a_null_where_the_job_writes_a_value_is_an_unreadable_window_for_status_report_and_the_next_run()
    {
        File.WriteAllText(Manifest(W), File.ReadAllText(Manifest(W)).Replace("\"input\": {", "\"input\": null, \"x\": {", StringComparison.Ordinal));

        var status = LineageScanner.Scan(new OutputLayout(_sandbox.OutputRoot), checkInput: true);
        var report = ReportBuilder.Build(new OutputLayout(_sandbox.OutputRoot), new ReportSettings { Parallelism = 2 });
        var failure = _sandbox.RunFails(W.Next, _sandbox.Settings with { NoPreviousState = false });

        Assert.Equal(Freshness.Unreadable, Assert.Single(status.Windows).Freshness);
        Assert.Null(Assert.Single(report.Windows).Manifest);
        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains("not readable", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_too_big_to_add_up_do_not_stop_the_report()
    {
        _sandbox.Run(W.Next, _sandbox.Settings with { NoPreviousState = false });
        foreach (var window in new[] { W, W.Next })
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Manifest(window)))!;
            foreach (var count in new[] { "input_lines", "valid_events", "rejected", "duplicates", "closed_sessions", "active_sessions" })
            {
                json["counts"]![count] = long.MaxValue;
            }

            foreach (var reason in new[] { "inactivity", "closing_action", "max_duration" })
            {
                json["counts"]!["closed_by_reason"]![reason] = long.MaxValue;
            }

            foreach (var reason in new[] { "malformed_json", "missing_user_id", "invalid_page" })
            {
                json["counts"]!["rejected_by_reason"]![reason] = long.MaxValue;
            }

            json["input"]!["files"]![0]!["bytes"] = long.MaxValue;
            File.WriteAllText(Manifest(window), json.ToJsonString());
        }

        var report = ReportBuilder.Build(new OutputLayout(_sandbox.OutputRoot), new ReportSettings { Parallelism = 2 });
        var html = ReportPage.Render(report);

        Assert.Contains("9,223,372,036,854,775,807", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", html, StringComparison.Ordinal);

        // A count or share is text of an element (>-2<, >-0.00 %<) or of an attribute (y="-3.5" of a bar): none is negative.
        Assert.DoesNotMatch(@">\s*-\d", html);
        Assert.DoesNotMatch(@"=""-\d", html);
        Assert.DoesNotMatch(@"-\d[\d,.]*\s?%", html);
    }
}
