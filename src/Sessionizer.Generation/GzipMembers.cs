using System.Collections.Concurrent;
using System.IO.Compression;

namespace Sessionizer.Generation;

/// <summary>
/// Compresses each chunk's lines of a file into a gzip member of its own, on the formatting
/// threads, so compression runs in parallel while the file is written in order. A file is then a
/// series of gzip members, which gzip readers (GZipStream, zcat, Spark) read as one stream.
/// </summary>
internal sealed class GzipMembers
{
    private readonly ConcurrentBag<MemoryStream> _free = [];

    public MemoryStream Compress(ReadOnlyMemory<byte> lines)
    {
        if (!_free.TryTake(out var buffer))
        {
            buffer = new MemoryStream();
        }

        buffer.SetLength(0);
        if (!lines.IsEmpty)
        {
            // Fastest: generated logs are scratch data, and compression is most of the cost of --gzip.
            using var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true);
            gzip.Write(lines.Span);
        }

        return buffer;
    }

    public void Return(MemoryStream buffer) => _free.Add(buffer);
}
