using System.Runtime.InteropServices;

namespace Sessionizer.Engine.Input;

/// <summary>Real paths: where a path leads once every symbolic link on the way is resolved.</summary>
internal static partial class RealPaths
{
    /// <summary>The path with every link and "."/".." resolved (realpath(3)), or null when it does not exist.</summary>
    public static string? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } || Directory.Exists(target?.FullName) ? Path.GetFullPath(target!.FullName) : null;
        }

        // .NET has no realpath: ResolveLinkTarget resolves the links of the last name only, not those
        // of the folders on the way, and it treats ".." in a target by text, not by the file system.
        var resolved = NativeRealPath(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>
    /// The names of <paramref name="path"/> below <paramref name="root"/> (both absolute and link-free):
    /// empty when they are the same path, null when <paramref name="path"/> is not at or under
    /// <paramref name="root"/>. Compared as the file system names paths: ordinally, ignoring case on Windows.
    /// </summary>
    public static string[]? Below(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        if (path.Equals(trimmed, comparison))
        {
            return [];
        }

        var prefix = Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison) ? path[prefix.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries) : null;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or lies under it (see <see cref="Below"/>).</summary>
    public static bool IsUnder(string path, string root) => Below(path, root) is not null;

    private static readonly char[] Separators = OperatingSystem.IsWindows() ? ['\\', '/'] : ['/'];

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint NativeRealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);
}
