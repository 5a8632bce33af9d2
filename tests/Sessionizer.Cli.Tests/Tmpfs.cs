using System.Diagnostics;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// A small tmpfs mounted for one test, to meet a full disk or a read-only file system for real.
/// Needs root, as the project's CI and development machines run; unmounted on dispose.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    public Tmpfs(string path, string options)
    {
        Path = path;
        Directory.CreateDirectory(path);
        Mount("-t", "tmpfs", "-o", options, "tmpfs", path);
    }

    public string Path { get; }

    /// <summary>Makes the file system read-only, keeping what it holds.</summary>
    public void MakeReadOnly() => Mount("-o", "remount,ro", Path);

    public void Dispose() => Run("umount", "-l", Path);

    private static void Mount(params string[] args)
    {
        var (code, error) = Run("mount", args);
        Assert.True(code == 0, $"mount {string.Join(' ', args)} failed ({code}): {error}. These tests need root, as CI has.");
    }

    private static (int Code, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
