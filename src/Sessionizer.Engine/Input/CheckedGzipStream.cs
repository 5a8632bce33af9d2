using System.IO.Compression;

namespace Sessionizer.Engine.Input;

/// <summary>
/// Decompresses a gzip file and fails, with <see cref="InvalidDataException"/>, when the file is not
/// whole. .NET's <see cref="GZipStream"/> reads a file cut anywhere (in its data, in its trailer,
/// even after its header) as a clean, shorter end of data (dotnet/runtime#47563; the strict check
/// is a process-wide opt-in switch that a library cannot rely on), which would lose events silently.
/// <para>
/// The check: one more complete gzip member, whose content is a marker, is read after the file's
/// bytes. When the file is whole, GZipStream decodes it as the file's next member (files of several
/// concatenated members are read as gzip reads them) and the data ends with the marker, which is
/// not passed on. When the file is cut, the marker's member is read as the rest of the cut member:
/// that is invalid data, or data that does not end with the marker. Bytes after the file's last
/// member (which GZipStream ignores) also hide the marker, so they fail the read too.
/// </para>
/// </summary>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    private static readonly byte[] Marker = "\0\n sessionizer end-of-gzip check 7f3a9c1e \n\0"u8.ToArray();
    private static readonly byte[] MarkerMember = Compress(Marker);

    private readonly Stream _compressed;
    private readonly ConcatenatedStream _source;
    private readonly GZipStream _gzip;

    // Decompressed bytes not yet passed on; the last Marker.Length of them may be the marker.
    private readonly byte[] _pending = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _ended;

    public CheckedGzipStream(Stream compressed)
    {
        _compressed = compressed;

        // Checked first, so that these two common mistakes get a message that says what is wrong
        // (GZipStream says "unsupported compression method", or reads an empty file as empty data).
        var head = new byte[2];
        var read = compressed.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw new InvalidDataException(
                "it is empty (0 bytes), not a gzip file: even an empty gzip file has a 20-byte header and trailer");
        }

        if (head[0] != 0x1f || (read == 2 && head[1] != 0x8b))
        {
            throw new InvalidDataException("it is not a gzip file (it does not start with the gzip magic bytes 1f 8b)");
        }

        _source = new ConcatenatedStream(compressed, head.AsSpan(0, read).ToArray(), MarkerMember);
        _gzip = new GZipStream(_source, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var ready = _end - _start - Marker.Length;
            if (ready > 0)
            {
                var n = Math.Min(ready, buffer.Length);
                _pending.AsSpan(_start, n).CopyTo(buffer);
                _start += n;
                return n;
            }

            if (_ended)
            {
                return 0;
            }

            _pending.AsSpan(_start, _end - _start).CopyTo(_pending);
            _end -= _start;
            _start = 0;
            int read;
            try
            {
                read = _gzip.Read(_pending.AsSpan(_end));
            }
            catch (InvalidDataException e) when (!_source.Failed)
            {
                // zlib's own words for a cut file are misleading ("unsupported compression method"): the
                // marker's member was read as the rest of the cut one.
                throw new InvalidDataException("The gzip data is cut short or damaged: the file is not a whole gzip file.", e);
            }

            if (read == 0)
            {
                _ended = true;
                if (!_pending.AsSpan(_start, _end - _start).SequenceEqual(Marker))
                {
                    throw new InvalidDataException("The gzip data is cut short (or has bytes after its end): the file is not whole.");
                }

                _start = _end;
                return 0;
            }

            _end += read;
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _compressed.Dispose();
        }

        base.Dispose(disposing);
    }

    private static byte[] Compress(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.NoCompression, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return compressed.ToArray();
    }

    /// <summary>A stream's bytes (the first of them already read, <paramref name="head"/>), then some more.</summary>
    private sealed class ConcatenatedStream(Stream first, byte[] head, byte[] then) : ReadOnlyStream
    {
        private int _headPosition;
        private int _thenPosition;
        private bool _firstEnded;

        /// <summary>Whether reading the file itself threw.</summary>
        public bool Failed { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            if (_headPosition < head.Length)
            {
                var h = Math.Min(buffer.Length, head.Length - _headPosition);
                head.AsSpan(_headPosition, h).CopyTo(buffer);
                _headPosition += h;
                return h;
            }

            if (!_firstEnded)
            {
                int read;
                try
                {
                    read = first.Read(buffer);
                }
                catch
                {
                    // The file's own failure (e.g. it got shorter), passed on with its own message.
                    Failed = true;
                    throw;
                }

                if (read > 0 || buffer.IsEmpty)
                {
                    return read;
                }

                _firstEnded = true;
            }

            var n = Math.Min(buffer.Length, then.Length - _thenPosition);
            then.AsSpan(_thenPosition, n).CopyTo(buffer);
            _thenPosition += n;
            return n;
        }

    }
}
