using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Sessionizer.Engine.Tests;

/// <summary>Writes test inputs (plain or gzip) and reads outputs back (gzip decompressed).</summary>
internal static class Files
{
    /// <summary>Each line followed by "\n".</summary>
    public static byte[] Lines(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    /// <summary>A gzip file of no data: header, an empty final deflate block, CRC-32 0 and size 0 (20 bytes).</summary>
    public static readonly byte[] EmptyGzip = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Gzip-compressed <paramref name="content"/>, a whole gzip member even when empty (GZipStream writes nothing then).</summary>
    public static byte[] Gzip(byte[] content)
    {
        if (content.Length == 0)
        {
            return EmptyGzip;
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return compressed.ToArray();
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, gzip-compressed when the name ends with ".gz".</summary>
    public static string Write(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, path.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(content) : content);
        return path;
    }

    public static string Write(string path, IEnumerable<string> lines) => Write(path, Lines(lines));

    /// <summary>A file's content, decompressed when its name ends with ".gz" (checked to be one whole, valid gzip member).</summary>
    public static byte[] Content(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return path.EndsWith(".gz", StringComparison.Ordinal) ? GzipMember.Decompress(bytes) : bytes;
    }

    /// <summary>A file's lines (decompressed for ".gz"); the content must be empty or end with "\n".</summary>
    public static IReadOnlyList<string> ReadLines(string path)
    {
        var text = Encoding.UTF8.GetString(Content(path));
        if (text.Length == 0)
        {
            return [];
        }

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n');
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256(string path) => Sha256(File.ReadAllBytes(path));

    /// <summary>Every file under <paramref name="directory"/>, by path relative to it (with '/'), with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string directory)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(directory, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }

        return files;
    }

    public static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs");
        }
    }
}
