using Sessionizer.Core.Time;

namespace Sessionizer.Generation;

/// <summary>
/// Writes the part files of one hour folder at a time. A file is written under a name starting
/// with '_' (which the job skips) and renamed when its hour is complete, so a run never reads a
/// half-written file. Every part file of a started hour exists, possibly empty.
/// </summary>
internal sealed class HourWriter(string root, int files, bool gzip) : IDisposable
{
    public const string TempPrefix = "_part-";

    // GZipStream writes nothing for no data, and a 0-byte .gz breaks zcat and friends; an empty part
    // is this gzip member of no bytes instead (header, empty final block, CRC 0, size 0).
    private static readonly byte[] EmptyGzip = Convert.FromHexString("1F8B080000000000000303000000000000000000");

    private readonly FileStream?[] _streams = new FileStream?[files];
    private readonly string[] _names = new string[files];
    private Window? _hour;

    public int Hours { get; private set; }

    public int Files { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Appends a chunk to the part files of its hour; hours come in order.</summary>
    public void Write(FormattedChunk chunk)
    {
        var hour = chunk.Chunk.Hour;
        if (_hour != hour)
        {
            Finish();
            Open(hour);
        }

        // The files are independent, so they are written at once: copying into the page cache is
        // most of the cost of writing plain text.
        var bytes = new long[files];
        Parallel.For(0, files, file =>
        {
            var data = chunk.Bytes(file);
            _streams[file]!.Write(data);
            bytes[file] = data.Length;
        });
        Bytes += bytes.Sum();
    }

    /// <summary>Completes the current hour: closes its files and gives them their final names.</summary>
    public void Finish()
    {
        if (_hour is null)
        {
            return;
        }

        for (var i = 0; i < files; i++)
        {
            var stream = _streams[i]!;
            if (gzip && stream.Length == 0)
            {
                stream.Write(EmptyGzip);
                Bytes += EmptyGzip.Length;
            }

            stream.Dispose();
            _streams[i] = null;
            var folder = Path.GetDirectoryName(_names[i])!;
            File.Move(_names[i], Path.Combine(folder, Path.GetFileName(_names[i])[1..]), overwrite: true);
        }

        _hour = null;
    }

    /// <summary>Closes and deletes the files of an unfinished hour (after a failure).</summary>
    public void Dispose()
    {
        if (_hour is null)
        {
            return;
        }

        for (var i = 0; i < files; i++)
        {
            if (_streams[i] is { } stream)
            {
                stream.Dispose();
                File.Delete(_names[i]);
            }
        }

        _hour = null;
    }

    private void Open(Window hour)
    {
        var folder = Path.Combine(root, hour.PartitionPath);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < files; i++)
        {
            _names[i] = Path.Combine(folder, FormattableString.Invariant($"{TempPrefix}{i:D5}.json{(gzip ? ".gz" : "")}"));
            _streams[i] = new FileStream(_names[i], FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        }

        _hour = hour;
        Hours++;
        Files += files;
    }
}
