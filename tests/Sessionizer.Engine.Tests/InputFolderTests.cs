using System.Diagnostics;
using System.Net.Sockets;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>
/// What a window folder may hold besides plain input files: links (looping, shared, leaving the
/// input root, dangling), FIFOs and sockets, odd names. Runs that could hang if this regressed run
/// under a time limit, so that they fail instead.
/// </summary>
public class InputFolderTests
{
    private const string P = "2019/01/28/10/";

    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    private static List<string> InputFiles(Sandbox sandbox) =>
        sandbox.Manifest().GetProperty("input").GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();

    private static List<long> ClosedUsers(Sandbox sandbox) =>
        sandbox.ClosedRecords(Sandbox.W).Select(r => r.GetProperty("user_id").GetInt64()).Order().ToList();

    /// <summary>Runs the window with <paramref name="log"/>, failing (instead of hanging) when it takes longer than <see cref="TimeLimit"/>.</summary>
    private static void RunWithin(Sandbox sandbox, CapturedLog log, RunSettings? settings = null) =>
        Within(() => new WindowRunner(settings ?? sandbox.Settings, log.Logger).Run(Sandbox.W));

    internal static T Within<T>(Func<T> action)
    {
        var task = Task.Factory.StartNew(action, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(TimeLimit), $"did not finish within {TimeLimit.TotalSeconds} s");
        return task.Result;
    }

    internal static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static void DirectoryLink(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateSymbolicLink(path, target);
    }

    private static void FileLink(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    [Fact]
    public void Directory_link_loops_under_the_window_folder_do_not_hang_and_each_file_is_read_once()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        sandbox.Input("sub/b.json", Visit(2, "10:10:00", "b"));
        var window = sandbox.InputDirectory(Sandbox.W);
        DirectoryLink(Path.Combine(window, "sub", "loop"), "..");
        DirectoryLink(Path.Combine(window, "sub", "loop2"), "..");
        DirectoryLink(Path.Combine(window, "sub", "deeper", "loop"), "../..");
        var log = new CapturedLog();

        RunWithin(sandbox, log);

        Assert.Equal([P + "a.json", P + "sub/b.json"], InputFiles(sandbox));
        Assert.Equal(2, sandbox.Count("valid_events"));
        Assert.Equal([1, 2], ClosedUsers(sandbox));
        Assert.Equal(
            [$"Ignoring {P}sub/deeper/loop: a directory loop", $"Ignoring {P}sub/loop: a directory loop", $"Ignoring {P}sub/loop2: a directory loop"],
            log.Warnings);
    }

    [Fact]
    public void A_file_reached_by_several_paths_is_read_once_under_its_first_path_in_path_order()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("z/a.json", Visit(1, "10:10:00", "a"), "not json");
        var window = sandbox.InputDirectory(Sandbox.W);
        FileLink(Path.Combine(window, "a.json"), "z/a.json");
        FileLink(Path.Combine(window, "b.json"), Path.Combine(window, "z", "a.json"));
        DirectoryLink(Path.Combine(window, "y"), "z");
        var log = new CapturedLog();

        RunWithin(sandbox, log, sandbox.Settings with { MaxRejectedFraction = 1 });

        Assert.Equal([P + "a.json"], InputFiles(sandbox));
        Assert.Equal(1, sandbox.Count("valid_events"));
        var rejected = Assert.Single(sandbox.RejectedRecords(Sandbox.W));
        Assert.Equal(P + "a.json", rejected.GetProperty("file").GetString());
        Assert.Equal(
            [$"Ignoring {P}b.json: already read as {P}a.json", $"Ignoring {P}y/a.json: already read as {P}a.json", $"Ignoring {P}z: already read as {P}y"],
            log.Warnings);
    }

    [Fact]
    public void A_fifo_or_a_socket_in_the_window_folder_is_skipped_with_a_warning_and_never_opened()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        var window = sandbox.InputDirectory(Sandbox.W);
        MakeFifo(Path.Combine(window, "pipe.json"));
        MakeFifo(Path.Combine(window, "x"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(window, "sock.jsonl")));
        var log = new CapturedLog();

        RunWithin(sandbox, log);

        Assert.Equal([P + "a.json"], InputFiles(sandbox));
        Assert.Equal(
            [$"Ignoring {P}pipe.json: not a regular file (FIFO)", $"Ignoring {P}sock.jsonl: not a regular file (socket)", $"Ignoring {P}x: not a regular file (FIFO)"],
            log.Warnings);
    }

    [Fact]
    public void Links_leading_outside_the_input_root_and_dangling_links_are_skipped_with_a_warning()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        var outside = Path.Combine(sandbox.Root, "outside");
        Files.Write(Path.Combine(outside, "o.json"), [Visit(9, "10:10:00", "outside"), "not json"]);
        var window = sandbox.InputDirectory(Sandbox.W);
        FileLink(Path.Combine(window, "o.json"), Path.Combine(outside, "o.json"));
        FileLink(Path.Combine(window, "sub", "o.json"), "../../../../../../outside/o.json");
        DirectoryLink(Path.Combine(window, "odir"), outside);
        FileLink(Path.Combine(window, "dangling.json"), "nothing.json");
        // Inside the root, outside the window folder: followed.
        Files.Write(Path.Combine(sandbox.InputRoot, "shared", "s.json"), [Visit(2, "10:10:00", "shared")]);
        FileLink(Path.Combine(window, "s.json"), "../../../../shared/s.json");
        var log = new CapturedLog();

        RunWithin(sandbox, log);

        Assert.Equal([P + "a.json", P + "s.json"], InputFiles(sandbox));
        Assert.Equal([1, 2], ClosedUsers(sandbox));
        Assert.Equal(0, sandbox.Count("rejected"));
        Assert.Equal(
            [
                $"Ignoring {P}dangling.json: a dangling link (its target does not exist)",
                $"Ignoring {P}o.json: a link leading outside the input root and the window folder",
                $"Ignoring {P}odir: a link leading outside the input root and the window folder",
                $"Ignoring {P}sub/o.json: a link leading outside the input root and the window folder",
            ],
            log.Warnings);
    }

    [Fact]
    public void A_window_folder_reached_through_a_linked_day_folder_on_another_disk_is_read()
    {
        using var sandbox = new Sandbox();
        var day = Path.Combine(sandbox.Root, "bigdisk", "28");
        Files.Write(Path.Combine(day, "10", "a.json"), [Visit(1, "10:10:00", "a"), Visit(2, "10:11:00", "b")]);
        DirectoryLink(Path.Combine(sandbox.InputRoot, "2019", "01", "28"), day);
        var log = new CapturedLog();

        RunWithin(sandbox, log);

        Assert.Equal([P + "a.json"], InputFiles(sandbox));
        Assert.Equal(2, sandbox.Count("valid_events"));
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void Inside_a_linked_window_folder_links_within_its_real_folder_are_followed_and_links_outside_it_and_the_root_are_not()
    {
        using var sandbox = new Sandbox();
        var hour = Path.Combine(sandbox.Root, "bigdisk", "28", "10");
        Files.Write(Path.Combine(hour, "a.json"), [Visit(1, "10:10:00", "a")]);
        Files.Write(Path.Combine(hour, "sub", "b.json"), [Visit(2, "10:10:00", "b")]);
        FileLink(Path.Combine(hour, "c.json"), Path.Combine(hour, "sub", "b.json"));
        Files.Write(Path.Combine(sandbox.Root, "outside", "o.json"), [Visit(9, "10:10:00", "outside")]);
        FileLink(Path.Combine(hour, "o.json"), Path.Combine(sandbox.Root, "outside", "o.json"));
        DirectoryLink(Path.Combine(sandbox.InputRoot, "2019", "01", "28"), Path.Combine(sandbox.Root, "bigdisk", "28"));
        var log = new CapturedLog();

        RunWithin(sandbox, log);

        Assert.Equal([P + "a.json", P + "c.json"], InputFiles(sandbox));
        Assert.Equal([1, 2], ClosedUsers(sandbox));
        Assert.Equal(
            [$"Ignoring {P}o.json: a link leading outside the input root and the window folder", $"Ignoring {P}sub/b.json: already read as {P}c.json"],
            log.Warnings);
    }

    [Fact]
    public void A_link_whose_target_lies_in_a_hidden_folder_or_file_is_skipped_silently_like_a_hidden_name()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        sandbox.Input("_tmp/part.json", Visit(2, "10:10:00", "temporary"));
        sandbox.Input(".part-1.json", Visit(3, "10:10:00", "temporary"));
        Files.Write(Path.Combine(sandbox.InputRoot, "shared", ".staging", "s.json"), [Visit(4, "10:10:00", "staging")]);
        var window = sandbox.InputDirectory(Sandbox.W);
        FileLink(Path.Combine(window, "x.json"), "_tmp/part.json");
        FileLink(Path.Combine(window, "y.json"), ".part-1.json");
        FileLink(Path.Combine(window, "z.json"), "../../../../shared/.staging/s.json");
        DirectoryLink(Path.Combine(window, "d"), "_tmp");
        var log = new CapturedLog();

        RunWithin(sandbox, log);

        Assert.Equal([P + "a.json"], InputFiles(sandbox));
        Assert.Equal([1], ClosedUsers(sandbox));
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void A_file_whose_name_is_not_valid_utf8_fails_the_run_naming_its_folder_instead_of_being_skipped()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Names are bytes on Linux only.
        }

        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        var folder = Path.Combine(sandbox.InputDirectory(Sandbox.W), "sub");
        Directory.CreateDirectory(folder);
        using (var touch = Process.Start("bash", ["-c", "printf '%s\\n' \"$0\" > \"$1\"/$'part-\\xff.json'", Visit(2, "10:10:00", "b"), folder]))
        {
            touch.WaitForExit();
            Assert.Equal(0, touch.ExitCode);
        }

        try
        {
            var failure = Within(() => sandbox.RunFails());

            Assert.Equal(RunFailure.Failed, failure.Failure);
            Assert.Contains(P + "sub", failure.Message, StringComparison.Ordinal);
            Assert.Contains("not valid UTF-8", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', failure.Message);
            sandbox.AssertNothingCommitted(Sandbox.W);
        }
        finally
        {
            // .NET cannot name the file to delete it.
            using var remove = Process.Start("bash", ["-c", "rm -f -- \"$0\"/$'part-\\xff.json'", folder]);
            remove.WaitForExit();
        }
    }

    [Fact]
    public void Without_statx_file_types_come_from_the_runtime_and_special_files_are_still_told_apart()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        var file = Files.Write(Path.Combine(temp.Path, "a.json"), [Visit(1, "10:10:00", "a")]);
        var fifo = Path.Combine(temp.Path, "pipe.json");
        MakeFifo(fifo);
        var socketPath = Path.Combine(temp.Path, "sock.json");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));

        Assert.Equal(FileTree.EntryKind.Regular, FileTree.KindWithoutStatx(file));
        Assert.Equal(FileTree.EntryKind.Directory, FileTree.KindWithoutStatx(temp.Path));
        Assert.Equal(FileTree.EntryKind.Fifo, FileTree.KindWithoutStatx(fifo));
        Assert.Equal(FileTree.EntryKind.Socket, FileTree.KindWithoutStatx(socketPath));
        Assert.Equal(FileTree.EntryKind.Missing, FileTree.KindWithoutStatx(Path.Combine(temp.Path, "nothing")));
    }

    [Fact]
    public void Each_ignored_entry_is_one_warning_line_with_its_reason()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        sandbox.Input("b.txt", "text");
        sandbox.Input("sub/c.csv", "a,b");
        var log = new CapturedLog();

        RunWithin(sandbox, log);

        Assert.Equal(
            [$"Ignoring {P}b.txt: not a .json, .jsonl, .json.gz or .jsonl.gz file", $"Ignoring {P}sub/c.csv: not a .json, .jsonl, .json.gz or .jsonl.gz file"],
            log.Warnings);
    }

    [Fact]
    public void A_backslash_in_a_file_name_is_part_of_the_name_in_the_manifest_and_rejected_records()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // '\' separates folders there.
        }

        using var sandbox = new Sandbox();
        sandbox.Input("a\\b.json", Visit(1, "10:10:00", "a"), "not json");

        sandbox.Run(sandbox.Settings with { MaxRejectedFraction = 1 });

        Assert.Equal([P + "a\\b.json"], InputFiles(sandbox));
        Assert.Equal(P + "a\\b.json", Assert.Single(sandbox.RejectedRecords(Sandbox.W)).GetProperty("file").GetString());
    }
}
