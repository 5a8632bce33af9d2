using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Input;

/// <summary>
/// Finds a window's input files: every <c>.json</c>/<c>.jsonl</c> file, optionally <c>.gz</c>, under
/// <c>ROOT/yyyy/MM/dd/HH/</c>, recursively. Names starting with '_' or '.' are skipped (Spark's
/// markers and temporary files), files and folders alike. Sorted by path, so nothing depends on
/// the order the file system lists them in.
/// </summary>
public static class InputDiscovery
{
    private static readonly string[] Extensions = [".json", ".jsonl", ".json.gz", ".jsonl.gz"];

    /// <summary>The window's input folder.</summary>
    public static string WindowDirectory(string inputRoot, Window window) =>
        Path.Combine(Path.GetFullPath(inputRoot), window.PartitionPath);

    /// <summary>The window's files, or null when its folder does not exist ("input not ready").</summary>
    public static IReadOnlyList<InputFile>? Find(string inputRoot, Window window, out IReadOnlyList<string> ignored)
    {
        var root = Path.GetFullPath(inputRoot);
        var directory = WindowDirectory(inputRoot, window);
        var skipped = new List<string>();
        ignored = skipped;
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var files = new List<InputFile>();
        Walk(new DirectoryInfo(directory), root, files, skipped);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        skipped.Sort(StringComparer.Ordinal);
        return files;
    }

    public static bool IsHidden(string name) => name.StartsWith('_') || name.StartsWith('.');

    public static bool HasInputExtension(string name) =>
        Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static void Walk(DirectoryInfo directory, string root, List<InputFile> files, List<string> skipped)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (IsHidden(entry.Name))
            {
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                Walk(sub, root, files, skipped);
            }
            else if (entry is FileInfo file)
            {
                var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
                if (HasInputExtension(file.Name))
                {
                    files.Add(new InputFile(file.FullName, relative, file.Length));
                }
                else
                {
                    skipped.Add(relative);
                }
            }
        }
    }
}
