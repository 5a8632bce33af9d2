using System.IO.Compression;

namespace Sessionizer.Engine.Output;

/// <summary>
/// Compresses blocks of output into complete gzip members, so blocks can be compressed on several
/// threads and concatenated. One per thread: its buffer is reused from block to block.
/// </summary>
internal sealed class GzipMember(CompressionLevel level)
{
    private readonly MemoryStream _memory = new(1 << 20);

    /// <summary>The member of <paramref name="data"/>, valid until the next call; empty data gives no member at all.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> data)
    {
        _memory.SetLength(0);
        if (data.IsEmpty)
        {
            return [];
        }

        using (var gzip = new GZipStream(_memory, level, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return _memory.GetBuffer().AsSpan(0, (int)_memory.Length);
    }
}
