using System.Text.Json;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

public class PreviousStateDirectoryTests
{
    /// <summary>The active-session example of docs/reference.md §4.3, as the reference Spark job writes it (its window: 2019-01-28T10).</summary>
    private const string ReferenceRecord =
        """{"userId":1,"visitedPages":[{"eventTime":1548673165000,"pageName":"category 20"}],"browser":"Firefox","language":"en","site":"mysite.com","apiVersion":"v3","expirationTimeMillisUtc":1548673465000,"isActive":true}""";

    private const string ClosedReferenceRecord =
        """{"userId":2,"visitedPages":[{"eventTime":1548673000000,"pageName":"home"}],"expirationTimeMillisUtc":1548673300000,"isActive":false}""";

    private static readonly Window H = Window.Parse("2019-01-28T11");

    /// <summary>The reference job's <c>open-sessions/2019/01/28/10</c> folder: a part file, its checksum and the _SUCCESS marker.</summary>
    private static string WriteReferenceFolder(Sandbox sandbox)
    {
        var folder = Path.Combine(sandbox.Root, "spark", "open-sessions", "2019", "01", "28", "10");
        Files.Write(Path.Combine(folder, "part-00000-3f1c9a2e-7b1d-4c55-9d0e-8a1f2b3c4d5e-c000.json"), [ReferenceRecord, ClosedReferenceRecord]);
        Files.Write(Path.Combine(folder, ".part-00000-3f1c9a2e-7b1d-4c55-9d0e-8a1f2b3c4d5e-c000.json.crc"), ["\u0001crc"]);
        File.WriteAllBytes(Path.Combine(folder, "_SUCCESS"), []);
        return folder;
    }

    [Fact]
    public void Reads_a_folder_of_the_reference_spark_jobs_active_sessions()
    {
        using var sandbox = new Sandbox();
        var folder = WriteReferenceFolder(sandbox);
        sandbox.Input(H, "a.json", Visit(1, "11:02:00", "category 21", site: "other.com", browser: "Chrome"));

        sandbox.Run(H, sandbox.Settings with { NoPreviousState = false, PreviousStateDirectory = folder });

        var closed = Assert.Single(sandbox.ClosedRecords(H));
        Assert.Equal(1, closed.GetProperty("user_id").GetInt64());
        Assert.Equal(["category 20", "category 21"], closed.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("page").GetString()));
        Assert.Equal("2019-01-28T10:59:25.000Z", closed.GetProperty("start").GetString());
        Assert.Equal("mysite.com", closed.GetProperty("site").GetString());
        Assert.Equal("v3", closed.GetProperty("api_version").GetString());
        Assert.Equal("Firefox", closed.GetProperty("browser").GetString());
        Assert.Equal("en", closed.GetProperty("language").GetString());
        Assert.Equal(1, sandbox.Count(H, "previous_active_sessions"));
        Assert.Equal(1, sandbox.Count(H, "previous_inactive_records_ignored"));
    }

    [Fact]
    public void The_manifest_records_the_previous_state_folder_and_its_files_with_sha256()
    {
        using var sandbox = new Sandbox();
        var folder = WriteReferenceFolder(sandbox);
        var part = Directory.GetFiles(folder, "part-*.json").Single();
        Directory.CreateDirectory(sandbox.InputDirectory(H));

        sandbox.Run(H, sandbox.Settings with { NoPreviousState = false, PreviousStateDirectory = folder });

        var previous = sandbox.Manifest(H).GetProperty("previous");
        Assert.Equal(Path.GetFullPath(folder), previous.GetProperty("path").GetString());
        Assert.False(previous.TryGetProperty("window", out var window) && window.ValueKind != JsonValueKind.Null);
        var file = Assert.Single(previous.GetProperty("files").EnumerateArray());
        Assert.Equal(Path.GetFileName(part), file.GetProperty("path").GetString());
        Assert.Equal(new FileInfo(part).Length, file.GetProperty("bytes").GetInt64());
        Assert.Equal(Files.Sha256(part), file.GetProperty("sha256").GetString());
        Assert.Equal(2, file.GetProperty("records").GetInt64());
        Assert.False(sandbox.Manifest(H).GetProperty("parameters").GetProperty("no_previous_state").GetBoolean());
    }

    [Fact]
    public void A_session_read_from_a_folder_and_still_active_is_written_back_in_the_same_form()
    {
        using var sandbox = new Sandbox();
        var folder = WriteReferenceFolder(sandbox);
        Directory.CreateDirectory(sandbox.InputDirectory(Sandbox.W));

        // Its last page (10:59:25) plus 5 minutes is past 11:00, so window 10 keeps it active, unchanged.
        sandbox.Run(Sandbox.W, sandbox.Settings with { NoPreviousState = false, PreviousStateDirectory = folder });

        Assert.Equal(ReferenceRecord, Assert.Single(Files.ReadLines(sandbox.ActivePart(Sandbox.W))));
    }

    [Fact]
    public void In_a_range_the_previous_state_folder_applies_to_the_first_window_only()
    {
        using var sandbox = new Sandbox();
        var folder = WriteReferenceFolder(sandbox);
        sandbox.Input(H, "a.json", Visit(1, "11:58:00", "a"));
        sandbox.Input(H.Next, "a.json", Visit(1, "12:01:00", "b"));

        new WindowRunner(sandbox.Settings with { NoPreviousState = false, PreviousStateDirectory = folder }, Sandbox.SilentLog).RunRange(H, H.Next);

        Assert.Equal(Path.GetFullPath(folder), sandbox.Manifest(H).GetProperty("previous").GetProperty("path").GetString());
        var second = sandbox.Manifest(H.Next).GetProperty("previous");
        Assert.Equal(H.ToString(), second.GetProperty("window").GetString());
        Assert.Equal(["a", "b"], Assert.Single(sandbox.ClosedRecords(H.Next), r => r.GetProperty("user_id").GetInt64() == 1)
            .GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("page").GetString()));
    }

    [Fact]
    public void A_corrupt_line_in_a_previous_state_folder_fails_the_run_naming_the_file_and_line()
    {
        using var sandbox = new Sandbox();
        var folder = WriteReferenceFolder(sandbox);
        var part = Directory.GetFiles(folder, "part-*.json").Single();
        File.WriteAllText(part, ReferenceRecord + "\n\n" + ReferenceRecord[..40] + "\n");
        Directory.CreateDirectory(sandbox.InputDirectory(H));

        var failure = sandbox.RunFails(H, sandbox.Settings with { NoPreviousState = false, PreviousStateDirectory = folder });

        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains(part, failure.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", failure.Message, StringComparison.Ordinal);
        sandbox.AssertNothingCommitted(H);
    }
}
