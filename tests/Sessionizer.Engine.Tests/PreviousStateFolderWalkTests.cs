using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Tests;

/// <summary>A --previous-state folder is walked as safely as a window folder, and its files read by the same byte rules.</summary>
public class PreviousStateFolderWalkTests
{
    private const string Record =
        """{"userId":1,"visitedPages":[{"eventTime":1548673165000,"pageName":"category 20"}],"expirationTimeMillisUtc":1548673465000,"isActive":true}""";

    private const string OtherRecord =
        """{"userId":2,"visitedPages":[{"eventTime":1548673165000,"pageName":"category 20"}],"expirationTimeMillisUtc":1548673465000,"isActive":true}""";

    private static readonly Window H = Window.Parse("2019-01-28T11");

    private static RunSettings From(Sandbox sandbox, string folder) =>
        sandbox.Settings with { NoPreviousState = false, PreviousStateDirectory = folder };

    private static List<string> StateFiles(Sandbox sandbox) =>
        sandbox.Manifest(H).GetProperty("previous").GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();

    [Fact]
    public void Loops_links_outside_the_folder_fifos_and_second_paths_to_a_file_are_not_read()
    {
        using var sandbox = new Sandbox();
        var folder = Path.Combine(sandbox.Root, "state");
        Files.Write(Path.Combine(folder, "part-00000.json"), [Record]);
        Files.Write(Path.Combine(sandbox.Root, "elsewhere", "other.json"), [OtherRecord]);
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub", "loop2"), "..");
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub", "loop3"), "../sub");
        File.CreateSymbolicLink(Path.Combine(folder, "part-00001.json"), Path.Combine(sandbox.Root, "elsewhere", "other.json"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "elsewhere"), Path.Combine(sandbox.Root, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(folder, "part-00002.json"), "part-00000.json");
        InputFolderTests.MakeFifo(Path.Combine(folder, "part-00003.json"));
        Directory.CreateDirectory(sandbox.InputDirectory(H));

        InputFolderTests.Within(() => sandbox.Run(H, From(sandbox, folder)));

        Assert.Equal(["part-00000.json"], StateFiles(sandbox));
        Assert.Equal(1, sandbox.Count(H, "previous_active_sessions"));
    }

    [Fact]
    public void A_link_leading_outside_the_folder_is_named_as_leading_outside_the_previous_state_folder()
    {
        using var sandbox = new Sandbox();
        var folder = Path.Combine(sandbox.Root, "state");
        Files.Write(Path.Combine(folder, "part-00000.json"), [Record]);
        Files.Write(Path.Combine(sandbox.Root, "elsewhere", "other.json"), [OtherRecord]);
        File.CreateSymbolicLink(Path.Combine(folder, "part-00001.json"), Path.Combine(sandbox.Root, "elsewhere", "other.json"));
        Directory.CreateDirectory(sandbox.InputDirectory(H));
        var log = new CapturedLog();

        new WindowRunner(From(sandbox, folder), log.Logger).Run(H);

        Assert.Equal([$"Ignoring part-00001.json of the previous-state folder {folder}: a link leading outside the previous-state folder"], log.Warnings);
    }

    [Fact]
    public void A_backslash_in_a_state_file_name_is_part_of_the_name()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // '\' separates folders there.
        }

        using var sandbox = new Sandbox();
        var folder = Path.Combine(sandbox.Root, "state");
        Files.Write(Path.Combine(folder, "a\\b.json"), [Record]);
        Directory.CreateDirectory(sandbox.InputDirectory(H));

        sandbox.Run(H, From(sandbox, folder));

        Assert.Equal(["a\\b.json"], StateFiles(sandbox));
    }

    [Theory]
    [InlineData("part-00000.json")]
    [InlineData("part-00000.json.gz")]
    public void A_byte_order_mark_at_the_start_of_a_state_file_is_ignored(string name)
    {
        using var sandbox = new Sandbox();
        var folder = Path.Combine(sandbox.Root, "state");
        Files.Write(Path.Combine(folder, name), [.. "\uFEFF"u8.ToArray(), .. Files.Lines([Record, OtherRecord])]);
        Directory.CreateDirectory(sandbox.InputDirectory(H));

        sandbox.Run(H, From(sandbox, folder));

        Assert.Equal(2, sandbox.Count(H, "previous_active_sessions"));
    }
}
