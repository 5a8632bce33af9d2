using System.IO.Compression;

namespace Sessionizer.Engine.Output;

/// <summary>Compresses a block of output into one complete gzip member, so blocks can be compressed on several threads and concatenated.</summary>
internal static class GzipMember
{
    public static byte[] Compress(ReadOnlySpan<byte> data, CompressionLevel level)
    {
        if (data.IsEmpty)
        {
            return [];
        }

        using var memory = new MemoryStream(capacity: Math.Max(256, data.Length / 4));
        using (var gzip = new GZipStream(memory, level, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return memory.ToArray();
    }
}
