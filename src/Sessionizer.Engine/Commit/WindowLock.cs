using System.Globalization;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Commit;

/// <summary>
/// One writer per window: an exclusive OS lock on <c>ROOT/_temporary/locks/WINDOW.lock</c>, which
/// the OS releases when the process dies, so a killed run never leaves the window locked. The
/// holder's pid is written beside it, for the message a second run prints.
/// </summary>
public sealed class WindowLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerPath;

    private WindowLock(FileStream lockFile, string ownerPath)
    {
        _lock = lockFile;
        _ownerPath = ownerPath;
    }

    public static WindowLock Acquire(OutputLayout layout, Window window)
    {
        var directory = Path.Combine(layout.TemporaryDirectory, "locks");
        Directory.CreateDirectory(directory);
        var lockPath = Path.Combine(directory, $"{window}.lock");
        var ownerPath = Path.Combine(directory, $"{window}.owner");
        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a share lock on Windows.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : "unknown";
            throw new RunFailedException(RunFailure.Locked,
                $"Window {window} is locked by another run (pid {owner}); it was not touched. Retry when that run has ended.");
        }

        File.WriteAllText(ownerPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new WindowLock(lockFile, ownerPath);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_ownerPath);
        }
        catch (IOException)
        {
            // The pid file is informational only.
        }

        _lock.Dispose();
    }
}
