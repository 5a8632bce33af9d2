using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;

namespace Sessionizer.Engine.Runs;

/// <summary>
/// Refuses input and output roots that would make a run read what a run wrote: outputs inside a
/// window folder of the input (<c>IN/yyyy/MM/dd/HH/...</c>), or the input inside an output folder
/// (<c>OUT/closed-sessions/...</c>). Output beside the input, inside it elsewhere, or equal to it is
/// fine: the job only reads <c>IN/yyyy/MM/dd/HH</c>, and writes only its own named folders. Paths
/// are compared after resolving symbolic links, so a link cannot hide an overlap.
/// </summary>
public static class RootOverlap
{
    private static readonly string[] OutputFolders =
        [OutputLayout.ActiveSessions, OutputLayout.ClosedSessions, OutputLayout.Rejected, OutputLayout.Manifests, OutputLayout.Temporary];

    /// <summary>Why the two roots cannot be used together, or null when they can.</summary>
    public static string? Explain(string inputRoot, string outputRoot) =>
        Explain(inputRoot, outputRoot, RealPath(inputRoot), RealPath(outputRoot));

    /// <summary>
    /// The same rule for roots whose paths are already resolved and absolute, on a file system this
    /// process cannot resolve links of (the Spark app's qualified Hadoop URIs, <c>hdfs://nn/data</c>).
    /// </summary>
    public static string? ExplainResolved(string inputRoot, string outputRoot) =>
        Explain(inputRoot, outputRoot, inputRoot.TrimEnd('/'), outputRoot.TrimEnd('/'));

    private static string? Explain(string inputRoot, string outputRoot, string input, string output)
    {
        if (RealPaths.Below(output, input) is { } fromInput && IsWindowFolder(fromInput))
        {
            return $"--output {outputRoot} lies inside a window folder of --input {inputRoot} ({string.Join('/', fromInput)}): a later run of that window would read the outputs as visit logs. Put the output beside the input.";
        }

        if (RealPaths.Below(input, output) is [var fromOutput, ..] && OutputFolders.Contains(fromOutput, StringComparer.Ordinal))
        {
            return $"--input {inputRoot} lies inside the {fromOutput} folder of --output {outputRoot}: the run would read its own outputs as visit logs.";
        }

        return null;
    }

    /// <summary>Whether the segments start with a window's <c>yyyy/MM/dd/HH</c>, the folders a run reads.</summary>
    private static bool IsWindowFolder(string[] segments) =>
        segments.Length >= 4 && segments.Zip(new[] { 4, 2, 2, 2 }).All(p => p.First.Length == p.Second && p.First.All(char.IsAsciiDigit));

    /// <summary>The absolute path with every symbolic link resolved; a part that does not exist yet is kept as written.</summary>
    private static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

        // A real path needs an existing path: resolve the deepest existing ancestor, append the rest.
        var missing = new Stack<string>();
        var existing = full;
        while (!Path.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            missing.Push(Path.GetFileName(existing));
            existing = parent;
        }

        var resolved = RealPaths.Of(existing) ?? existing;
        return missing.Aggregate(resolved, Path.Combine);
    }
}
