using System.Runtime.InteropServices;
using Sessionizer.Core.Text;

namespace Sessionizer.Engine.Input;

/// <summary>
/// Walks a folder tree for input files without trusting it: it is filled by other systems, and may
/// hold links and special files. The files are the regular files whose real location lies under
/// the root, each once:
/// <list type="bullet">
/// <item>a folder whose real path was already walked is not walked again, so link loops end;</item>
/// <item>a file reached by several paths (links) is read once, under its first path in ordinal order;</item>
/// <item>a link whose final target is outside the root's real path is not followed, nor a dangling one;</item>
/// <item>FIFOs, sockets and devices are never opened (opening a FIFO blocks until someone writes to it).</item>
/// </list>
/// Names starting with '_' or '.' are skipped silently (Spark's markers and temporary files).
/// </summary>
internal static partial class FileTree
{
    public const string OutsideRoot = "a link leading outside the input root";

    /// <summary>
    /// The regular files under <paramref name="directory"/> (a folder at or under <paramref name="root"/>)
    /// whose names <paramref name="accept"/> takes, by relative path; the entries not taken go to <paramref name="ignored"/>.
    /// </summary>
    /// <param name="relativeDirectory">The path of <paramref name="directory"/> relative to <paramref name="root"/>, with '/' ("" for the root).</param>
    /// <param name="rejectedName">The reason given for a regular file <paramref name="accept"/> does not take.</param>
    public static List<FoundFile> Walk(string root, string directory, string relativeDirectory, Func<string, bool> accept, string rejectedName,
        List<IgnoredEntry> ignored)
    {
        var files = new List<FoundFile>();
        var realRoot = RealPaths.Of(root) ?? root;
        var realDirectory = RealPaths.Of(directory);
        if (realDirectory is null || !IsUnder(realDirectory, realRoot))
        {
            ignored.Add(new IgnoredEntry(relativeDirectory, OutsideRoot));
            return files;
        }

        var walk = new State(realRoot, accept, rejectedName, files, ignored);
        walk.Directories[realDirectory] = relativeDirectory;
        walk.Enter(realDirectory, relativeDirectory);
        files.Sort((a, b) => CodePointOrder.Compare(a.RelativePath, b.RelativePath));
        ignored.Sort((a, b) => CodePointOrder.Compare(a.RelativePath, b.RelativePath));
        return files;
    }

    private sealed class State(string realRoot, Func<string, bool> accept, string rejectedName, List<FoundFile> files, List<IgnoredEntry> ignored)
    {
        /// <summary>Real paths of the folders walked, with the path that walked them.</summary>
        public Dictionary<string, string> Directories { get; } = new(StringComparer.Ordinal);

        private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
        private readonly HashSet<string> _ancestors = new(StringComparer.Ordinal);

        public void Enter(string realDirectory, string relativeDirectory)
        {
            _ancestors.Add(realDirectory);
            var entries = new List<(string Key, string Name, string Relative, string? Real, EntryKind Kind, bool IsLink)>();
            foreach (var entry in new DirectoryInfo(realDirectory).EnumerateFileSystemInfos())
            {
                if (InputDiscovery.IsHidden(entry.Name))
                {
                    continue;
                }

                // The folder is a real path, so only a link makes an entry's real path differ from its path.
                var isLink = entry.LinkTarget is not null;
                var real = isLink ? RealPaths.Of(entry.FullName) : entry.FullName;
                var kind = real is null ? EntryKind.Missing : KindOf(real);
                var relative = relativeDirectory.Length == 0 ? entry.Name : relativeDirectory + "/" + entry.Name;

                // Walked in this order, the paths come in ordinal order ("a-b/x" before "a/x"), so the
                // first path that reaches a file or folder is its first path in ordinal order.
                entries.Add((kind == EntryKind.Directory ? entry.Name + "/" : entry.Name, entry.Name, relative, real, kind, isLink));
            }

            entries.Sort((a, b) => CodePointOrder.Compare(a.Key, b.Key));
            foreach (var (_, name, relative, real, kind, isLink) in entries)
            {
                if (real is null)
                {
                    ignored.Add(new IgnoredEntry(relative, isLink ? "a dangling link (its target does not exist)" : "gone while the folder was read"));
                }
                else if (!IsUnder(real, realRoot))
                {
                    ignored.Add(new IgnoredEntry(relative, OutsideRoot));
                }
                else if (kind == EntryKind.Directory)
                {
                    if (Directories.TryGetValue(real, out var first))
                    {
                        ignored.Add(new IgnoredEntry(relative, _ancestors.Contains(real) ? "a directory loop" : $"already read as {first}"));
                    }
                    else
                    {
                        Directories[real] = relative;
                        Enter(real, relative);
                    }
                }
                else if (kind != EntryKind.Regular)
                {
                    ignored.Add(new IgnoredEntry(relative, $"not a regular file ({Describe(kind)})"));
                }
                else if (!accept(name))
                {
                    ignored.Add(new IgnoredEntry(relative, rejectedName));
                }
                else if (_files.TryGetValue(real, out var first))
                {
                    ignored.Add(new IgnoredEntry(relative, $"already read as {first}"));
                }
                else
                {
                    _files[real] = relative;
                    files.Add(new FoundFile(real, relative, new FileInfo(real).Length));
                }
            }

            _ancestors.Remove(realDirectory);
        }
    }

    private static bool IsUnder(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.Equals(root, comparison) || path.StartsWith(prefix, comparison);
    }

    private enum EntryKind
    {
        Missing,
        Regular,
        Directory,
        Fifo,
        Socket,
        CharacterDevice,
        BlockDevice,
        Other,
    }

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "FIFO",
        EntryKind.Socket => "socket",
        EntryKind.CharacterDevice => "character device",
        EntryKind.BlockDevice => "block device",
        _ => "unknown type",
    };

    /// <summary>What a (real, link-free) path is, from its metadata: never opened.</summary>
    private static EntryKind KindOf(string path)
    {
        // .NET reports FIFOs, sockets and devices as FileAttributes.Normal files (and
        // File.GetUnixFileMode gives the permission bits only), so on Linux the type comes from
        // statx(2), whose struct has the same layout on every architecture.
        if (OperatingSystem.IsLinux())
        {
            Span<byte> statx = stackalloc byte[256];
            if (Statx(AtCurrentDirectory, path, 0, StatxType, ref MemoryMarshal.GetReference(statx)) == 0)
            {
                return (BitConverter.ToUInt16(statx[28..]) & 0xF000) switch
                {
                    0x8000 => EntryKind.Regular,
                    0x4000 => EntryKind.Directory,
                    0x1000 => EntryKind.Fifo,
                    0xC000 => EntryKind.Socket,
                    0x2000 => EntryKind.CharacterDevice,
                    0x6000 => EntryKind.BlockDevice,
                    _ => EntryKind.Other,
                };
            }

            if (Marshal.GetLastPInvokeError() == NoSuchFile)
            {
                return EntryKind.Missing;
            }
        }

        // Elsewhere (or where statx is not available): what .NET tells.
        return Directory.Exists(path) ? EntryKind.Directory : File.Exists(path) ? EntryKind.Regular : EntryKind.Missing;
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 1;
    private const int NoSuchFile = 2;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
