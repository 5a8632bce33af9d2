using System.Security.Cryptography;
using System.Text.Json;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;

namespace Sessionizer.Engine.Lineage;

/// <summary>
/// Reads every manifest of an output root and works out lineage (docs/reference.md §5.5): a window is stale when
/// the active sessions it consumed are no longer the previous window's committed ones (that window
/// was rerun with a different result, or removed), and stale upstream when it consumed a stale
/// window. A rerun that reproduces the same state makes nothing stale.
/// </summary>
public static class LineageScanner
{
    /// <summary>
    /// The committed windows from <paramref name="from"/> to <paramref name="to"/>; with
    /// <paramref name="checkInput"/>, each listed window's input folder is also compared with what it
    /// read (<see cref="WindowStatus.InputChanges"/>).
    /// </summary>
    public static LineageReport Scan(OutputLayout layout, Window? from = null, Window? to = null, bool checkInput = false) =>
        Scan(ReadAll(layout, since: null), from, to, checkInput);

    /// <summary>
    /// Like <see cref="Scan(OutputLayout, Window?, Window?, bool)"/> from <paramref name="since"/> on, reading only the manifests
    /// from the window before it: bounded work for a long-lived process. A window there is not
    /// marked stale upstream for a stale window before <paramref name="since"/>.
    /// </summary>
    public static LineageReport ScanSince(OutputLayout layout, Window since, bool checkInput) =>
        Scan(ReadAll(layout, since.Previous), since, null, checkInput);

    private static LineageReport Scan(SortedDictionary<Window, Committed> manifests, Window? from, Window? to, bool checkInput)
    {
        var statuses = new SortedDictionary<Window, WindowStatus>();
        foreach (var (window, committed) in manifests)
        {
            statuses[window] = Judge(window, committed, manifests, statuses);
        }

        var windows = statuses.Values.Where(s => (from is null || s.Window >= from) && (to is null || s.Window <= to))
            .Select(s => checkInput ? WithInputChecked(s) : s)
            .ToList();
        return new LineageReport(windows, Gaps(windows));
    }

    /// <summary>The status with its input folder compared with what its manifest read (<see cref="WindowStatus.InputChanges"/>).</summary>
    internal static WindowStatus WithInputChecked(WindowStatus status) =>
        status.Manifest is { } m ? status with { InputChanges = InputChanges.Check(status.Window, m) } : status;

    /// <summary>The latest window with a manifest (readable or not), from the manifests' names alone; null when none.</summary>
    public static Window? LastCommitted(OutputLayout layout)
    {
        if (!Directory.Exists(layout.ManifestsDirectory))
        {
            return null;
        }

        Window? last = null;
        foreach (var path in Directory.EnumerateFiles(layout.ManifestsDirectory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (IsWindowName(name, out var window) && (last is null || window > last))
            {
                last = window;
            }
        }

        return last;
    }

    private static SortedDictionary<Window, Committed> ReadAll(OutputLayout layout, Window? since)
    {
        var manifests = new SortedDictionary<Window, Committed>();
        if (!Directory.Exists(layout.ManifestsDirectory))
        {
            return manifests;
        }

        foreach (var path in Directory.EnumerateFiles(layout.ManifestsDirectory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!IsWindowName(name, out var window) || window < since)
            {
                continue;
            }

            byte[] bytes;
            try
            {
                // A FIFO, a device or a link to nothing named like a manifest is an unreadable manifest, never opened.
                bytes = RegularFile.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                manifests[window] = new Committed(null, "", e.Message);
                continue;
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            try
            {
                manifests[window] = new Committed(ManifestJson.Deserialize(bytes), sha, null);
            }
            catch (JsonException e)
            {
                manifests[window] = new Committed(null, sha, e.Message);
            }
        }

        return manifests;
    }

    /// <summary>
    /// Whether a manifest's file name (without .json) names a window the job can commit: not hidden,
    /// a window, and a runnable one (docs/reference.md §6.5). Any other file in manifests/ is not a
    /// manifest; one named 9999-12-31T23 would make the next window unrepresentable.
    /// </summary>
    private static bool IsWindowName(string name, out Window window) =>
        Window.TryParse(name, out window) && !InputDiscovery.IsHidden(name) && window.IsRunnable;

    /// <summary>Judges windows in time order, so the previous window's status is known.</summary>
    private static WindowStatus Judge(Window window, Committed committed, SortedDictionary<Window, Committed> manifests,
        SortedDictionary<Window, WindowStatus> judged)
    {
        if (committed.Manifest is not { } manifest)
        {
            return new WindowStatus(window, null, Freshness.Unreadable, $"its manifest cannot be read: {committed.Problem}");
        }

        if (manifest.Previous?.Window is not { } previousText || !Window.TryParse(previousText, out var previous))
        {
            return new WindowStatus(window, manifest, Freshness.Current, null);
        }

        if (!manifests.TryGetValue(previous, out var previousCommit) || previousCommit.Manifest is null)
        {
            return new WindowStatus(window, manifest, Freshness.Stale, $"window {previous}, whose state it consumed, is no longer committed");
        }

        if (!SameState(manifest.Previous, previousCommit))
        {
            return new WindowStatus(window, manifest, Freshness.Stale, $"window {previous} was rerun since and its active sessions changed");
        }

        return judged.TryGetValue(previous, out var upstream) && upstream.IsStale
            ? new WindowStatus(window, manifest, Freshness.StaleUpstream, $"it consumed window {previous}, which is stale")
            : new WindowStatus(window, manifest, Freshness.Current, null);
    }

    /// <summary>Whether the state files a window consumed are those its previous window has committed now.</summary>
    private static bool SameState(ManifestPrevious consumed, Committed previousNow)
    {
        if (consumed.Files is null)
        {
            // Without the list of files consumed, only the manifest's own hash can tell.
            return consumed.ManifestSha256 == previousNow.Sha256;
        }

        var prefix = OutputLayout.ActiveSessions + "/";
        var now = previousNow.Manifest!.Outputs.Where(o => o.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(o => (o.Path, o.Sha256));
        return consumed.Files.Select(f => (f.Path, f.Sha256)).Order().SequenceEqual(now.Order());
    }

    /// <summary>A manifest file as found: parsed (null when unreadable, <paramref name="Problem"/> saying why) and the SHA-256 of its bytes.</summary>
    private sealed record Committed(Manifest? Manifest, string Sha256, string? Problem);

    private static List<Gap> Gaps(List<WindowStatus> windows)
    {
        var gaps = new List<Gap>();
        for (var i = 1; i < windows.Count; i++)
        {
            if (windows[i - 1].Window.Next < windows[i].Window)
            {
                gaps.Add(new Gap(windows[i - 1].Window.Next, windows[i].Window.Previous));
            }
        }

        return gaps;
    }
}
