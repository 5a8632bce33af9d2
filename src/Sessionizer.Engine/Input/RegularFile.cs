namespace Sessionizer.Engine.Input;

/// <summary>
/// Opens files the job finds in an output root (manifests, state parts, closed-session parts) only
/// when they are regular files, wherever links lead: opening a FIFO blocks until someone writes to
/// it, and a device such as <c>/dev/zero</c> never ends. The type is read from metadata first, as
/// the input walk does (<see cref="FileTree"/>).
/// </summary>
internal static class RegularFile
{
    /// <summary>Throws <see cref="IOException"/>, naming <paramref name="path"/>, unless it is (or a link leads to) a regular file.</summary>
    public static void Require(string path)
    {
        var kind = FileTree.KindOf(path);
        if (kind == FileTree.EntryKind.Regular)
        {
            return;
        }

        var what = kind switch
        {
            FileTree.EntryKind.Missing => "it does not exist (or is a dangling link)",
            FileTree.EntryKind.Directory => "it is a folder",
            FileTree.EntryKind.Other => "its type cannot be read (a link loop, a folder on the way without permission, or a file on the way)",
            _ => $"it is a {FileTree.Describe(kind)}, not a regular file",
        };
        throw new IOException($"Cannot read {path}: {what}.");
    }

    /// <summary>The bytes of a regular file (<see cref="Require"/>).</summary>
    public static byte[] ReadAllBytes(string path)
    {
        Require(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>The bytes of a regular file (<see cref="Require"/>), or null when nothing is there (a dangling link included).</summary>
    public static byte[]? ReadAllBytesIfExists(string path) =>
        FileTree.KindOf(path) == FileTree.EntryKind.Missing ? null : ReadAllBytes(path);

    /// <summary>Opens a regular file (<see cref="Require"/>) for reading.</summary>
    public static FileStream OpenRead(string path, int bufferSize, FileOptions options)
    {
        Require(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
    }
}
