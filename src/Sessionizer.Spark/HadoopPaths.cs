using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;

namespace Sessionizer.Spark;

/// <summary>
/// The output layout (<see cref="OutputLayout"/>, docs/reference.md §4.1) under a Hadoop root
/// (<c>hdfs://</c>, <c>s3a://</c>, <c>abfss://</c>, or a local path): the same names, joined with <c>/</c>
/// (<see cref="OutputLayout"/> itself resolves its root as a local path).
/// </summary>
internal sealed class HadoopPaths(string root)
{
    public string Root { get; } = root.TrimEnd('/');

    public static string Join(string directory, string relative) => directory.TrimEnd('/') + "/" + relative.TrimStart('/');

    public string ManifestsDirectory => Join(Root, OutputLayout.Manifests);

    public string ManifestPath(Window window) => Join(ManifestsDirectory, $"{window}.json");

    public string DataDirectory(string kind, Window window) => Join(Root, $"{kind}/{window.PartitionPath}");

    public string WindowTemporaryDirectory(Window window) => Join(Root, $"{OutputLayout.Temporary}/{window}");

    /// <summary>A path the manifest records (relative to the root, with <c>/</c>) as a full path.</summary>
    public string Resolve(string relative) => Join(Root, relative);

    /// <summary>
    /// Whether Spark would read <paramref name="path"/> as a glob pattern (its <c>SparkHadoopUtil.isGlobPath</c>:
    /// any of <c>{}[]*?\</c>): then it reads the files the pattern matches, not the file (<c>a[1].json</c>
    /// would be read as <c>a1.json</c>, or fail the run when there is none).
    /// </summary>
    public static bool IsGlobForSpark(string path) => path.AsSpan().IndexOfAny("{}[]*?\\") >= 0;

    /// <summary>
    /// Whether a file's name ends in <c>.gz</c> in another case (<c>.GZ</c>, <c>.Gz</c>): the local engine
    /// decompresses it (<c>InputFile.IsGzip</c> ignores case), but Hadoop picks a codec by the exact
    /// suffix (<c>CompressionCodecFactory.getCodec</c>), so Spark would read its compressed bytes as text.
    /// </summary>
    public static bool HasGzipSuffixHadoopMisses(string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".gz", StringComparison.Ordinal);

    /// <summary>The name of the one part of a kind of output, as the local engine names it (Engine's internal PartFiles.PartName).</summary>
    public static string PartName(string kind) =>
        "part-00000" + (kind == OutputLayout.ActiveSessions ? ".json" : ".json.gz");
}
