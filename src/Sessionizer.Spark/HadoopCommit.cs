using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;

namespace Sessionizer.Spark;

/// <summary>
/// The commit protocol of <c>Engine.Commit.WindowCommit</c> (docs/reference.md §5.2), step for step, on
/// Hadoop file systems: outputs staged under <c>ROOT/_temporary/WINDOW/staging</c>, the old manifest
/// (the commit marker) removed before any directory is swapped, directories swapped by rename, the new
/// manifest written under a hidden name and renamed into place last. A copy of the protocol rather
/// than a shared one: WindowCommit works on local paths with System.IO and fsync, and its crash tests
/// stay as they are.
/// </summary>
/// <remarks>
/// <para>What the guarantee is depends on the file system's rename. On HDFS (and ABFS with a
/// hierarchical namespace, and local disks) a rename is atomic: a crash at any instant leaves the old
/// commit or a window without a manifest, as with the local engine.</para>
/// <para>On object stores (s3a) a directory rename is a copy then a delete, neither atomic nor fast.
/// The manifest is still removed first and written last, so a reader that trusts only manifests never
/// sees a partial window; but a run killed in the middle of the swap can leave a window whose data
/// directories are half old, half new (or half copied) and no manifest: the window is uncommitted, and
/// rerunning it repairs it (the next run removes the leftovers and swaps again). The manifest itself is
/// written with one <c>create</c>/<c>close</c> (visible whole on close on S3) then renamed: on S3 that is a
/// copy of one small object.</para>
/// <para>There is no fsync here: durability is the file system's (HDFS acknowledges closed files on its
/// replicas; object stores on close).</para>
/// </remarks>
internal sealed class HadoopCommit : IDisposable
{
    private readonly HadoopFiles _files;
    private readonly HadoopPaths _layout;
    private readonly Window _window;
    private readonly string _runDirectory;
    private bool _done;

    private HadoopCommit(HadoopFiles files, HadoopPaths layout, Window window, string runDirectory)
    {
        _files = files;
        _layout = layout;
        _window = window;
        _runDirectory = runDirectory;
    }

    /// <summary>Starts a commit: removes leftovers of earlier runs of this window and creates empty staging folders.</summary>
    public static HadoopCommit Begin(HadoopFiles files, HadoopPaths layout, Window window)
    {
        var windowTemp = layout.WindowTemporaryDirectory(window);
        files.Delete(windowTemp);
        var runDirectory = HadoopPaths.Join(windowTemp, "staging");
        foreach (var kind in OutputLayout.DataKinds)
        {
            files.Mkdirs(HadoopPaths.Join(runDirectory, kind));
        }

        return new HadoopCommit(files, layout, window, runDirectory);
    }

    /// <summary>The staging folder for one kind of output.</summary>
    public string StagingDirectory(string kind) => HadoopPaths.Join(_runDirectory, kind);

    /// <summary>A scratch folder of this run (removed with the staging area), e.g. for Spark's own output before it is renamed.</summary>
    public string ScratchDirectory(string name) => HadoopPaths.Join(_layout.WindowTemporaryDirectory(_window), name);

    /// <summary>Publishes the staged outputs, then the manifest (which must describe the staged files).</summary>
    public void Publish(Manifest manifest, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();

        // 1. Uncommit: without its manifest the window is not committed, so nobody reads a half-swapped window.
        var manifestPath = _layout.ManifestPath(_window);
        _files.Mkdirs(_layout.ManifestsDirectory);
        _files.Delete(manifestPath);

        // 2. Swap each output directory: the old one moves into the staging area, the new one into place.
        foreach (var kind in OutputLayout.DataKinds)
        {
            var target = _layout.DataDirectory(kind, _window);
            _files.Mkdirs(target[..target.LastIndexOf('/')]);
            if (_files.Exists(target))
            {
                _files.Rename(target, HadoopPaths.Join(_runDirectory, "replaced-" + kind));
            }

            _files.Rename(StagingDirectory(kind), target);
        }

        // 3. Commit: the manifest is written under a hidden name, closed, then renamed into place.
        var temporary = HadoopPaths.Join(_layout.ManifestsDirectory, $".{_window}.json.tmp");
        _files.Write(temporary, ManifestJson.Serialize(manifest));
        _files.Rename(temporary, manifestPath);
        // On a local path Hadoop's checksummed file system keeps a .NAME.crc beside the file (moved by the rename).
        _files.Delete(HadoopPaths.Join(_layout.ManifestsDirectory, $".{_window}.json.crc"));
        _done = true;
        Cleanup();
    }

    /// <summary>Removes the staging area; after a failed run this leaves the old commit untouched.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        try
        {
            Cleanup();
        }
#pragma warning disable CA1031 // Cleanup after a failure must not hide the failure; the next run removes the leftovers.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void Cleanup() => _files.Delete(_layout.WindowTemporaryDirectory(_window));
}
