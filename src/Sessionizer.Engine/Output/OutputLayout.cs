using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Output;

/// <summary>Where a window's outputs live under the output root (docs/reference.md §4.1).</summary>
public sealed class OutputLayout(string root)
{
    public const string ActiveSessions = "active-sessions";
    public const string ClosedSessions = "closed-sessions";
    public const string Rejected = "rejected";
    public const string Manifests = "manifests";

    /// <summary>Staging and other working files; ignored by readers, as Spark ignores <c>_temporary</c>.</summary>
    public const string Temporary = "_temporary";

    public static IReadOnlyList<string> DataKinds { get; } = [ActiveSessions, ClosedSessions, Rejected];

    public string Root { get; } = Path.GetFullPath(root);

    public string ManifestsDirectory => Path.Combine(Root, Manifests);

    public string TemporaryDirectory => Path.Combine(Root, Temporary);

    /// <summary>The committed directory of one kind of output for a window, e.g. <c>ROOT/closed-sessions/2026/11/20/10</c>.</summary>
    public string DataDirectory(string kind, Window window) => Path.Combine(Root, kind, window.PartitionPath);

    /// <summary>The path relative to the root, with '/', as manifests record it.</summary>
    public static string RelativeDataPath(string kind, Window window, string fileName) => $"{kind}/{window.PartitionPath}/{fileName}";

    public string ManifestPath(Window window) => Path.Combine(ManifestsDirectory, $"{window}.json");

    /// <summary>Working folder of one run of a window; removed when the run ends, or by the next run after a crash.</summary>
    public string WindowTemporaryDirectory(Window window) => Path.Combine(TemporaryDirectory, window.ToString());
}
