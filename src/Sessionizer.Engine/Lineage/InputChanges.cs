using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Input;

namespace Sessionizer.Engine.Lineage;

/// <summary>
/// A difference between the input files a committed window read (its manifest: relative path and
/// size) and the files its input folder holds now: a new file (<see cref="CommittedBytes"/> null), a
/// removed one (<see cref="NowBytes"/> null), or one whose size changed. A file rewritten with the
/// same size is not seen: the manifest records sizes, not contents.
/// </summary>
public sealed record InputChange(string Path, long? CommittedBytes, long? NowBytes)
{
    public override string ToString() => (CommittedBytes, NowBytes) switch
    {
        (null, { } now) => $"{Path} (new, {now} bytes)",
        ({ } was, null) => $"{Path} (removed, was {was} bytes)",
        _ => $"{Path} ({CommittedBytes} -> {NowBytes} bytes)",
    };
}

/// <summary>Late data: compares a committed window's input with what its input folder holds now (docs/reference.md §5.10).</summary>
internal static class InputChanges
{
    /// <summary>The differences, sorted by path; empty when the folder holds what the window read.</summary>
    public static IReadOnlyList<InputChange> Compare(IEnumerable<ManifestFile> committed, IEnumerable<InputFile> now)
    {
        var was = committed.ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal);
        var changes = new List<InputChange>();
        foreach (var file in now)
        {
            if (!was.Remove(file.RelativePath, out var bytes))
            {
                changes.Add(new InputChange(file.RelativePath, null, file.Bytes));
            }
            else if (bytes != file.Bytes)
            {
                changes.Add(new InputChange(file.RelativePath, bytes, file.Bytes));
            }
        }

        changes.AddRange(was.Select(w => new InputChange(w.Key, w.Value, null)));
        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return changes;
    }

    /// <summary>
    /// The differences for a committed window, looking at its input folder under the root its
    /// manifest records (<c>input.root</c>); null when that root is not reachable from here (not a
    /// folder), so nothing can be said. A window folder that is gone counts as holding no files.
    /// </summary>
    public static IReadOnlyList<InputChange>? Check(Window window, Manifest manifest)
    {
        if (!Directory.Exists(manifest.Input.Root))
        {
            return null;
        }

        var now = InputDiscovery.Find(manifest.Input.Root, window, out _) ?? [];
        return Compare(manifest.Input.Files, now);
    }
}
