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

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint NativeRealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);
}
