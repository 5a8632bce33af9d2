using System.Runtime.InteropServices;
using Sessionizer.Core.Text;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Input;

/// <summary>
/// Walks a folder tree for input files without trusting it: it is filled by other systems, and may
/// hold links and special files. The folder walked is always read, wherever links on the way to it
/// lead (whoever built that path chose them); inside it, the files are the regular files whose real
/// location lies under the root's real path or under the walked folder's real path, each once:
/// <list type="bullet">
/// <item>a folder whose real path was already walked is not walked again, so link loops end;</item>
/// <item>a file reached by several paths (links) is read once, under its first path in ordinal order;</item>
/// <item>a link whose final target lies outside both real paths is not followed, nor a dangling one;</item>
/// <item>a link whose final target lies in a file or folder named with a leading '_' or '.' (below
/// the real path it lies under) is skipped silently, as that name would be;</item>
/// <item>FIFOs, sockets and devices are never opened (opening a FIFO blocks until someone writes to it),
/// nor anything whose type cannot be told;</item>
/// <item>an entry (not a link) whose type cannot be read at all, because its name is not valid UTF-8
/// or it vanished meanwhile, fails the run: skipping it could lose data silently.</item>
/// </list>
/// Names starting with '_' or '.' are skipped silently (Spark's markers and temporary files).
/// </summary>
internal static partial class FileTree
{
    /// <summary>The reason given for a link leading outside <paramref name="trusted"/>, e.g. "the previous-state folder".</summary>
    public static string OutsideRoot(string trusted) => $"a link leading outside {trusted}";

    /// <summary>
    /// The regular files under <paramref name="directory"/> (a folder at or under <paramref name="root"/>)
    /// whose names <paramref name="accept"/> takes, by relative path; the entries not taken go to <paramref name="ignored"/>.
    /// </summary>
    /// <param name="relativeDirectory">The path of <paramref name="directory"/> relative to <paramref name="root"/>, with '/' ("" for the root).</param>
    /// <param name="trusted">What links may lead into, for the reason of those leading elsewhere: "the input root and the window folder".</param>
    /// <param name="rejectedName">The reason given for a regular file <paramref name="accept"/> does not take.</param>
    /// <exception cref="RunFailedException">An entry's type cannot be read (<see cref="RunFailure.Failed"/>).</exception>
    public static List<FoundFile> Walk(string root, string directory, string relativeDirectory, string trusted, Func<string, bool> accept, string rejectedName,
        List<IgnoredEntry> ignored)
    {
        var files = new List<FoundFile>();
        var realRoot = RealPaths.Of(root) ?? root;
        var realDirectory = RealPaths.Of(directory)
            ?? throw new RunFailedException(RunFailure.Failed, $"The folder {directory} vanished while it was read.");
        var walk = new State(root, realRoot, realDirectory, OutsideRoot(trusted), accept, rejectedName, files, ignored);
        walk.Directories[realDirectory] = relativeDirectory;
        walk.Enter(realDirectory, relativeDirectory);
        files.Sort((a, b) => CodePointOrder.Compare(a.RelativePath, b.RelativePath));
        ignored.Sort((a, b) => CodePointOrder.Compare(a.RelativePath, b.RelativePath));
        return files;
    }

    private sealed class State(string root, string realRoot, string realTop, string outside, Func<string, bool> accept, string rejectedName,
        List<FoundFile> files, List<IgnoredEntry> ignored)
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
                if (kind == EntryKind.Missing && !isLink)
                {
                    // .NET names a file whose name is not UTF-8 with U+FFFD, a name that does not exist.
                    var folder = relativeDirectory.Length == 0 ? root : Path.Combine(root, relativeDirectory);
                    throw new RunFailedException(RunFailure.Failed,
                        $"The folder {folder} holds an entry that cannot be read: its name is not valid UTF-8, or it vanished while the folder was read. " +
                        "Rename it (or rerun); it is not skipped, so that no data is lost silently.");
                }

                // Below the walked folder's real path first: the links inside it are judged from it.
                var below = real is null ? null : RealPaths.Below(real, realTop) ?? RealPaths.Below(real, realRoot);
                if (real is null || kind == EntryKind.Missing)
                {
                    ignored.Add(new IgnoredEntry(relative, "a dangling link (its target does not exist)"));
                }
                else if (below is null)
                {
                    ignored.Add(new IgnoredEntry(relative, outside));
                }
                else if (isLink && below.Any(InputDiscovery.IsHidden))
                {
                    // A link into a marker or temporary file or folder: skipped silently, as its name would be.
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

    internal enum EntryKind
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

    internal static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "FIFO",
        EntryKind.Socket => "socket",
        EntryKind.CharacterDevice => "character device",
        EntryKind.BlockDevice => "block device",
        _ => "unknown type",
    };

    /// <summary>
    /// What a path is, from its metadata (following links): never opened. <see cref="EntryKind.Missing"/>
    /// when it does not exist (ENOENT); <see cref="EntryKind.Other"/> when its type cannot be told.
    /// </summary>
    internal static EntryKind KindOf(string path)
    {
        // .NET reports FIFOs, sockets and devices as FileAttributes.Normal files (and
        // File.GetUnixFileMode gives the permission bits only), so on Linux the type comes from
        // statx(2), whose struct has the same layout on every architecture.
        if (OperatingSystem.IsLinux() && !s_noStatx)
        {
            try
            {
                Span<byte> statx = stackalloc byte[256];
                if (Statx(AtCurrentDirectory, path, 0, StatxType, ref MemoryMarshal.GetReference(statx)) == 0)
                {
                    return FromMode(BitConverter.ToUInt16(statx[28..]));
                }

                var error = Marshal.GetLastPInvokeError();
                if (error != NoSystemCall)
                {
                    return error == NoSuchFile ? EntryKind.Missing : EntryKind.Other;
                }
            }
            catch (EntryPointNotFoundException)
            {
                // A libc older than statx (glibc before 2.28, musl before 1.2.5).
            }

            s_noStatx = true;
        }

        return KindWithoutStatx(path);
    }

    /// <summary>
    /// The type from the runtime's own stat(2) (its System.Native library, as .NET's file APIs use
    /// it, whose FileStatus holds the mode at offset 4), where statx is missing; failing that, what
    /// .NET tells, where a file that may be special counts as <see cref="EntryKind.Other"/> (never opened).
    /// </summary>
    internal static EntryKind KindWithoutStatx(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // No FIFOs, sockets or devices in a Windows folder.
            return Directory.Exists(path) ? EntryKind.Directory : File.Exists(path) ? EntryKind.Regular : EntryKind.Missing;
        }

        if (!s_noRuntimeStat)
        {
            try
            {
                Span<byte> status = stackalloc byte[512];
                if (RuntimeStat(path, ref MemoryMarshal.GetReference(status)) == 0)
                {
                    return FromMode(BitConverter.ToInt32(status[4..]));
                }

                return Marshal.GetLastPInvokeError() == NoSuchFile ? EntryKind.Missing : EntryKind.Other;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_noRuntimeStat = true;
            }
        }

        return Directory.Exists(path) ? EntryKind.Directory : File.Exists(path) ? EntryKind.Other : EntryKind.Missing;
    }

    private static EntryKind FromMode(int mode) => (mode & 0xF000) switch
    {
        0x8000 => EntryKind.Regular,
        0x4000 => EntryKind.Directory,
        0x1000 => EntryKind.Fifo,
        0xC000 => EntryKind.Socket,
        0x2000 => EntryKind.CharacterDevice,
        0x6000 => EntryKind.BlockDevice,
        _ => EntryKind.Other,
    };

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 1;
    private const int NoSuchFile = 2;
    private const int NoSystemCall = 38; // ENOSYS: a kernel older than statx (4.11), or a sandbox that refuses it.

    private static bool s_noStatx;
    private static bool s_noRuntimeStat;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RuntimeStat(string path, ref byte status);
}
