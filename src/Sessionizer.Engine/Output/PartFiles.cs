using System.IO.Compression;
using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Output;

/// <summary>
/// Makes the part writers (<see cref="PartFile"/>) of a window's three outputs in their staging folders:
/// their names, extensions and compression (docs/reference.md §4).
/// </summary>
internal static class PartFiles
{
    public const string PartName = "part-00000";

    /// <summary>The active-sessions part: plain JSON Lines.</summary>
    public static PartFile OpenActive(string directory, Window window) =>
        Open(directory, OutputLayout.ActiveSessions, window, ".json", gzipLevel: null);

    /// <summary>The closed-sessions part: gzip JSON Lines, written as members compressed elsewhere.</summary>
    public static PartFile OpenClosed(string directory, Window window, CompressionLevel level) =>
        Open(directory, OutputLayout.ClosedSessions, window, ".json.gz", level);

    /// <summary>The rejected-lines part: gzip JSON Lines.</summary>
    public static PartFile OpenRejected(string directory, Window window, CompressionLevel level) =>
        Open(directory, OutputLayout.Rejected, window, ".json.gz", level);

    private static PartFile Open(string directory, string kind, Window window, string extension, CompressionLevel? gzipLevel)
    {
        var name = PartName + extension;
        return new PartFile(Path.Combine(directory, name), OutputLayout.RelativeDataPath(kind, window, name), gzipLevel);
    }
}
