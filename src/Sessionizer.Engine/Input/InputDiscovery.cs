using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Input;

/// <summary>
/// Finds a window's input files: every <c>.json</c>/<c>.jsonl</c> file, optionally <c>.gz</c>, under
/// <c>ROOT/yyyy/MM/dd/HH/</c>, recursively. Names starting with '_' or '.' are skipped (Spark's
/// markers and temporary files), files and folders alike. Sorted by path, so nothing depends on
/// the order the file system lists them in. The window folder is read wherever links on the way to it
/// lead; inputs are the regular files whose real location lies under the input root or the window
/// folder's real path, each read once (<see cref="FileTree"/>).
/// </summary>
public static class InputDiscovery
{
    private static readonly string[] Extensions = [".json", ".jsonl", ".json.gz", ".jsonl.gz"];

    /// <summary>The window's input folder.</summary>
    public static string WindowDirectory(string inputRoot, Window window) =>
        Path.Combine(Path.GetFullPath(inputRoot), window.PartitionPath);

    /// <summary>The reason a file with another extension is ignored.</summary>
    public const string NotAnInputName = "not a .json, .jsonl, .json.gz or .jsonl.gz file";

    /// <summary>
    /// The window's files, or null when its folder does not exist ("input not ready"). The entries
    /// not read (other extensions, special files, links leading outside the input root and the window folder, loops,
    /// second paths to a file) are in <paramref name="ignored"/>, each with its reason (see <see cref="FileTree"/>).
    /// </summary>
    public static IReadOnlyList<InputFile>? Find(string inputRoot, Window window, out IReadOnlyList<IgnoredEntry> ignored)
    {
        var root = Path.GetFullPath(inputRoot);
        var directory = WindowDirectory(inputRoot, window);
        var skipped = new List<IgnoredEntry>();
        ignored = skipped;
        if (!Directory.Exists(directory))
        {
            return null;
        }

        return FileTree.Walk(root, directory, window.PartitionPath, "the input root and the window folder", HasInputExtension, NotAnInputName, skipped)
            .Select(f => new InputFile(f.RealPath, f.RelativePath, f.Bytes))
            .ToList();
    }

    public static bool IsHidden(string name) => name.StartsWith('_') || name.StartsWith('.');

    public static bool HasInputExtension(string name) =>
        Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
