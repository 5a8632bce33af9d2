using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;

namespace Sessionizer.Engine.Commit;

/// <summary>
/// Stages a window's outputs and publishes them atomically (docs/reference.md §5.2). Readers see the old
/// committed outputs or the new ones, never a mix: outputs are written under
/// <c>_temporary</c>, the old manifest (the commit marker) is removed before any directory is
/// swapped, directories are swapped by rename, and the new manifest is written last, by rename.
/// A crash at any instant leaves either the old commit intact or a window without a manifest.
/// </summary>
internal sealed class WindowCommit : IDisposable
{
    private readonly OutputLayout _layout;
    private readonly Window _window;
    private readonly string _runDirectory;
    private bool _done;

    private WindowCommit(OutputLayout layout, Window window, string runDirectory)
    {
        _layout = layout;
        _window = window;
        _runDirectory = runDirectory;
    }

    /// <summary>
    /// Starts a commit: removes leftovers of earlier crashed runs of this window (the caller holds
    /// the window's lock, so no other run is using them) and creates empty staging folders.
    /// </summary>
    public static WindowCommit Begin(OutputLayout layout, Window window)
    {
        var windowTemp = layout.WindowTemporaryDirectory(window);
        if (Directory.Exists(windowTemp))
        {
            Directory.Delete(windowTemp, recursive: true);
        }

        var runDirectory = Path.Combine(windowTemp, "staging");
        foreach (var kind in OutputLayout.DataKinds)
        {
            Directory.CreateDirectory(Path.Combine(runDirectory, kind));
        }

        return new WindowCommit(layout, window, runDirectory);
    }

    /// <summary>The staging folder for one kind of output.</summary>
    public string StagingDirectory(string kind) => Path.Combine(_runDirectory, kind);

    /// <summary>
    /// Publishes the staged outputs and then the manifest. The manifest's output list must describe
    /// the staged files. <paramref name="cancel"/> is checked last before the old commit is touched;
    /// from there on the commit completes: stopping mid-swap would be safe, but would only lose the work.
    /// </summary>
    public void Publish(Manifest manifest, CancellationToken cancel = default)
    {
        foreach (var kind in OutputLayout.DataKinds)
        {
            Durability.FlushDirectory(StagingDirectory(kind));
        }

        CommitSteps.Reached("staged");
        cancel.ThrowIfCancellationRequested();

        // 1. Uncommit: without its manifest the window is not committed, so nobody reads a half-swapped window.
        var manifestPath = _layout.ManifestPath(_window);
        Directory.CreateDirectory(_layout.ManifestsDirectory);
        if (File.Exists(manifestPath))
        {
            File.Delete(manifestPath);
            Durability.FlushDirectory(_layout.ManifestsDirectory);
        }

        CommitSteps.Reached("uncommitted");

        // 2. Swap each output directory: the old one moves into the staging area, the new one into place.
        foreach (var kind in OutputLayout.DataKinds)
        {
            var target = _layout.DataDirectory(kind, _window);
            var parent = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(parent);
            if (Directory.Exists(target))
            {
                Directory.Move(target, Path.Combine(_runDirectory, "replaced-" + kind));
            }

            CommitSteps.Reached("moved-out " + kind);
            Directory.Move(StagingDirectory(kind), target);
            Durability.FlushDirectory(parent);
            CommitSteps.Reached("swapped " + kind);
        }

        // 3. Commit: the manifest is written under a hidden name, flushed, then renamed into place.
        var temporary = Path.Combine(_layout.ManifestsDirectory, $".{_window}.json.tmp");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(ManifestJson.Serialize(manifest));
            file.Flush(flushToDisk: true);
        }

        CommitSteps.Reached("manifest-written");
        File.Move(temporary, manifestPath, overwrite: true);
        Durability.FlushDirectory(_layout.ManifestsDirectory);
        CommitSteps.Reached("committed");
        _done = true;
        Cleanup();
    }

    /// <summary>Removes the staging area; after a failed run this leaves the old commit untouched.</summary>
    public void Dispose()
    {
        if (!_done)
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        var windowTemp = _layout.WindowTemporaryDirectory(_window);
        if (Directory.Exists(windowTemp))
        {
            Directory.Delete(windowTemp, recursive: true);
        }
    }
}
