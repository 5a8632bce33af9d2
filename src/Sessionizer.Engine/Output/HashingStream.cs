using System.Security.Cryptography;

namespace Sessionizer.Engine.Output;

/// <summary>
/// A pass-through that hashes (SHA-256) and counts every byte written to, or read from, the stream
/// below it: the part files hash what they write, the report what it reads back. Disposing it
/// disposes the stream below only when <paramref name="ownsInner"/> says so.
/// </summary>
internal sealed class HashingStream(Stream inner, bool ownsInner = false) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _disposed;

    /// <summary>Bytes written or read so far.</summary>
    public long Bytes { get; private set; }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => Bytes;

    public override long Position
    {
        get => Bytes;
        set => throw new NotSupportedException();
    }

    public string HashHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>Reads (and hashes) what is left, e.g. after a decompressor stopped at the end of its data.</summary>
    public void ReadToEnd()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        Bytes += buffer.Length;
        inner.Write(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _hash.AppendData(buffer[..n]);
        Bytes += n;
        return n;
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _hash.Dispose();
            if (ownsInner)
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
