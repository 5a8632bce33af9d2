using System.Globalization;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Commit;

/// <summary>
/// One writer per window: an exclusive OS lock on <c>ROOT/_temporary/locks/WINDOW.lock</c>, which
/// the OS releases when the process dies, so a killed run never leaves the window locked. The
/// holder's pid is written beside it, for the message a second run prints.
/// <para>
/// So that lock files do not pile up (one per window ever run), the holder deletes its lock file
/// and pid file while it still holds the lock, then closes it. A run that opened the file just
/// before it was deleted may then lock a file that is no longer at the path: after locking, it
/// checks that its file is still the one at the path, and otherwise starts again. The check reads
/// <c>/proc/self/fd/N</c>, whose link target ends with " (deleted)" once the file is unlinked; where
/// there is no <c>/proc/self/fd</c> (macOS, Windows), lock files are not deleted, since an acquirer
/// could not tell. The <c>_temporary</c> and <c>locks</c> folders stay: removing them would race
/// with a run creating its lock file in them.
/// </para>
/// </summary>
internal sealed class WindowLock : IDisposable
{
    private const int Attempts = 10;
    private const string Deleted = " (deleted)";

    private static readonly bool CanDeleteLockFiles = OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd");

    private readonly FileStream _lock;
    private readonly string _lockPath;
    private readonly string _ownerPath;

    private WindowLock(FileStream lockFile, string lockPath, string ownerPath)
    {
        _lock = lockFile;
        _lockPath = lockPath;
        _ownerPath = ownerPath;
    }

    public static WindowLock Acquire(OutputLayout layout, Window window)
    {
        var directory = Path.Combine(layout.TemporaryDirectory, "locks");
        Directory.CreateDirectory(directory);
        var lockPath = Path.Combine(directory, $"{window}.lock");
        var ownerPath = Path.Combine(directory, $"{window}.owner");
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            FileStream lockFile;
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix and a share lock on Windows.
                lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (HeldByAnother(e))
            {
                throw new RunFailedException(RunFailure.Locked,
                    $"Window {window} is locked by another run (pid {Owner(ownerPath)}); it was not touched. Retry when that run has ended.");
            }

            try
            {
                if (!CanDeleteLockFiles || IsStillAtItsPath(lockFile))
                {
                    File.WriteAllText(ownerPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                    return new WindowLock(lockFile, lockPath, ownerPath);
                }
            }
            catch
            {
                // Released now, not when the finalizer runs: until then another acquirer in this process would see "locked".
                lockFile.Dispose();
                throw;
            }

            // Its holder deleted the file between our open and our lock: lock the file now at the path.
            lockFile.Dispose();
        }

        throw new RunFailedException(RunFailure.Locked,
            $"Window {window} could not be locked: its lock file was replaced {Attempts} times in a row by other runs. Retry later.");
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_ownerPath);
            if (CanDeleteLockFiles)
            {
                // Deleted while still locked: whoever opened it meanwhile sees it gone once it gets the lock (above).
                File.Delete(_lockPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The pid file is informational, and a lock file left behind is only untidy.
        }

        _lock.Dispose();
    }

    /// <summary>Whether the locked file is still linked, i.e. still the one at the path (the only name it ever has).</summary>
    private static bool IsStillAtItsPath(FileStream lockFile)
    {
        var fd = lockFile.SafeFileHandle.DangerousGetHandle().ToInt64();
        var target = new FileInfo(string.Create(CultureInfo.InvariantCulture, $"/proc/self/fd/{fd}")).LinkTarget;
        return target is not null && !target.EndsWith(Deleted, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether opening failed because another run holds the lock, not for another reason such as a
    /// read-only file system, which is a failure (exit 1), not "locked" (exit 5, retried).
    /// </summary>
    private static bool HeldByAnother(IOException e) => OperatingSystem.IsWindows()
        ? (e.HResult & 0xFFFF) is 32 or 33 // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35); // flock's EWOULDBLOCK (EAGAIN), as .NET passes errno on

    private static string Owner(string ownerPath)
    {
        try
        {
            return File.ReadAllText(ownerPath).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown"; // No pid file (yet, or any more).
        }
    }
}
