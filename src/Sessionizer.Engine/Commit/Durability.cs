using System.Runtime.InteropServices;

namespace Sessionizer.Engine.Commit;

/// <summary>
/// Makes renames and deletions durable: on Linux a rename is only on disk once its directory is
/// fsync'ed, and .NET has no API for that, so this opens the directory and calls fsync(2).
/// </summary>
internal static partial class Durability
{
    private const int ReadOnly = 0;

    public static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // Windows flushes directory metadata with the file system's own journal.
        }

        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
