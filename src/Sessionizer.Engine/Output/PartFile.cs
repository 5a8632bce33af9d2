using System.IO.Compression;
using Sessionizer.Core.Records;

namespace Sessionizer.Engine.Output;

/// <summary>
/// Writes one output part file of JSON Lines, plain or gzip, and reports what the manifest needs:
/// size, record count and SHA-256 of the bytes on disk. The file is flushed to disk before it is
/// reported, so a commit never publishes a file the OS still holds in memory only.
/// </summary>
internal sealed class PartFile : IDisposable
{
    private const int FlushThreshold = 1 << 20;

    // GZipStream writes nothing at all when given no data, and a 0-byte .gz breaks zcat and friends;
    // an empty part is this valid gzip member of no bytes instead (header, empty final block, CRC 0, size 0).
    private static readonly byte[] EmptyGzip = Convert.FromHexString("1F8B080000000000000303000000000000000000");

    private readonly FileStream _file;
    private readonly HashingStream _hashing;
    private readonly GZipStream? _gzip;
    private readonly string _relativePath;
    private bool _closed;

    public PartFile(string fullPath, string relativePath, CompressionLevel? gzipLevel)
    {
        _relativePath = relativePath;
        _file = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        _hashing = new HashingStream(_file);
        _gzip = gzipLevel is { } level ? new GZipStream(_hashing, level, leaveOpen: true) : null;
    }

    public JsonLineBuffer Lines { get; } = new();

    public long Records { get; private set; }

    /// <summary>Call after each record written to <see cref="Lines"/>.</summary>
    public void RecordWritten()
    {
        Records++;
        if (Lines.WrittenCount >= FlushThreshold)
        {
            Drain();
        }
    }

    /// <summary>
    /// Appends bytes written elsewhere, e.g. a gzip member compressed on another thread (a .json.gz part
    /// is a series of gzip members, which gzip readers read as one stream), holding <paramref name="records"/> records.
    /// </summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes, long records)
    {
        Drain();
        _hashing.Write(bytes);
        Records += records;
    }

    public ManifestFile Close()
    {
        Drain();
        _gzip?.Dispose();
        if (_gzip is not null && Records == 0)
        {
            _hashing.Write(EmptyGzip);
        }

        _hashing.Flush();
        _file.Flush(flushToDisk: true);
        _closed = true;
        return new ManifestFile { Path = _relativePath, Bytes = _hashing.Bytes, Records = Records, Sha256 = _hashing.HashHex() };
    }

    public void Dispose()
    {
        if (!_closed)
        {
            _gzip?.Dispose();
        }

        _hashing.Dispose();
        _file.Dispose();
        Lines.Dispose();
    }

    private void Drain()
    {
        (_gzip ?? (Stream)_hashing).Write(Lines.WrittenSpan);
        Lines.Clear();
    }
}
