using System.IO.Compression;
using Sessionizer.Core.Time;

namespace Sessionizer.Generation.Tests;

/// <summary>Generates logs into a folder through the engine, and reads them back line by line.</summary>
internal static class Generated
{
    public static readonly Window Start = Window.Parse("2026-11-20T10");

    public static GenerationSettings Settings(int visits = 50, int hours = 1, ulong seed = 7) =>
        new() { Start = Start, Hours = hours, Visits = visits, Seed = seed, FilesPerHour = 3 };

    public static GenerationResult Write(string root, GenerationSettings settings, bool gzip = false, int parallelism = 2) =>
        LogGenerator.Generate(settings, new GenerationOutput { Root = root, Gzip = gzip, Parallelism = parallelism });

    /// <summary>Every part file under the root, as (path relative to the root with '/', bytes on disk), sorted by path.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)];

    public static IReadOnlyList<GeneratedLine> Lines(string root)
    {
        var lines = new List<GeneratedLine>();
        foreach (var (path, bytes) in Files(root))
        {
            var folder = Window.Parse(string.Join('-', path.Split('/')[..3]) + "T" + path.Split('/')[3]);
            var text = path.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(bytes) : bytes;
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    lines.Add(new GeneratedLine(folder, path, text[start..i]));
                    start = i + 1;
                }
            }

            Assert.Equal(text.Length, start);
        }

        return lines;
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var text = new MemoryStream();
        gzip.CopyTo(text);
        return text.ToArray();
    }
}
