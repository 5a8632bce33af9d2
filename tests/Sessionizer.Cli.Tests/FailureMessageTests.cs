namespace Sessionizer.Cli.Tests;

/// <summary>Expected failures end in one line saying what and where, and the right exit code; the stack trace only with --verbose.</summary>
public sealed class FailureMessageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Input => _temp.Combine("in");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_read_only_output_file_system_exits_1_with_one_line_naming_the_path()
    {
        Visits(10);
        using var disk = new Tmpfs(_temp.Combine("ro"), "size=1m");
        disk.MakeReadOnly();

        var result = Run(disk.Path);

        AssertOneLineFailure(result, "Read-only file system", disk.Path);
    }

    [Fact]
    public void A_file_system_turned_read_only_after_a_commit_is_a_failure_not_a_lock()
    {
        Visits(10);
        using var disk = new Tmpfs(_temp.Combine("ro"), "size=1m");
        Assert.Equal(0, Run(disk.Path).ExitCode);
        disk.MakeReadOnly();

        var result = Run(disk.Path);

        AssertOneLineFailure(result, "Read-only file system", disk.Path);
    }

    [Fact]
    public void A_full_disk_exits_1_with_one_line_commits_nothing_and_leaves_no_staging()
    {
        Visits(4000);
        using var disk = new Tmpfs(_temp.Combine("full"), "size=128k");

        var result = Run(disk.Path);

        AssertOneLineFailure(result, "No space left on device", disk.Path);
        Assert.False(File.Exists(Path.Combine(disk.Path, "manifests", "2026-11-20T10.json")));
        Assert.False(Directory.Exists(Path.Combine(disk.Path, "_temporary", "2026-11-20T10")));
    }

    [Fact]
    public void With_verbose_the_stack_trace_is_shown()
    {
        Visits(10);
        using var disk = new Tmpfs(_temp.Combine("ro"), "size=1m");
        disk.MakeReadOnly();

        var result = Run(disk.Path, "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_on_a_full_disk_exits_1_with_one_line_naming_the_path()
    {
        using var disk = new Tmpfs(_temp.Combine("full"), "size=128k");

        var result = Cli.Run("generate", "--output", disk.Path, "--start", "2026-11-20T10", "--visits", "300", "--parallelism", "2");

        AssertOneLineFailure(result, "No space left on device", disk.Path);
        Assert.DoesNotContain("bug", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_input_file_cut_short_fails_with_one_line_saying_so()
    {
        var whole = _temp.Combine("whole.json.gz");
        InputLogs.Write(_temp.Path, "2026-11-20T10", "x.json", Enumerable.Range(1, 50).Select(u => InputLogs.Visit(u, "2026-11-20T10:59:00Z", "p")).ToArray());
        var folder = Path.Combine(Input, "2026", "11", "20", "10");
        Directory.CreateDirectory(folder);
        using (var gz = new System.IO.Compression.GZipStream(File.Create(whole), System.IO.Compression.CompressionLevel.Optimal))
        {
            gz.Write(File.ReadAllBytes(Path.Combine(_temp.Path, "2026", "11", "20", "10", "x.json")));
        }

        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(Path.Combine(folder, "cut.json.gz"), bytes[..(bytes.Length / 2)]);

        var result = Run(_temp.Combine("out"));

        AssertOneLineFailure(result, "2026/11/20/10/cut.json.gz", "cut short");
        Assert.DoesNotContain("unsupported compression method", result.Error, StringComparison.Ordinal);
    }

    private static void AssertOneLineFailure(CliResult result, string what, string where)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Error}");
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        var errors = result.Error.Split('\n').Where(l => l.Contains(" ERR ", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(errors);
        Assert.Contains(what, line, StringComparison.Ordinal);
        Assert.Contains(where, line, StringComparison.Ordinal);
    }

    /// <summary>Users active at the window's end, one visit each: about 200 bytes of state per user, uncompressed.</summary>
    private void Visits(int users) =>
        InputLogs.Write(Input, "2026-11-20T10", "a.json",
            Enumerable.Range(1, users).Select(u => InputLogs.Visit(u, "2026-11-20T10:59:00Z", "a page with a rather long name " + u)).ToArray());

    private CliResult Run(string output, params string[] more) =>
        Cli.Run(["run", "--window", "2026-11-20T10", "--input", Input, "--output", output, "--no-previous-state", "--compression-level", "none", .. more]);
}
