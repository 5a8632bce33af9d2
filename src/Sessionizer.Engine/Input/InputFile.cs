namespace Sessionizer.Engine.Input;

/// <summary>One input file of a window.</summary>
/// <param name="FullPath">Where it is (its real path: links resolved).</param>
/// <param name="RelativePath">Its path relative to the input root, with '/': how rejected records and manifests name it.</param>
/// <param name="Bytes">Its size on disk (compressed size for .gz) when the window's files were listed: the bytes that are read.</param>
public sealed record InputFile(string FullPath, string RelativePath, long Bytes)
{
    // By the name it is listed under: a link "a.json.gz" may lead to a file named otherwise.
    public bool IsGzip => RelativePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens the file for reading its first <see cref="Bytes"/>, decompressed for .gz; reading a .gz
    /// file that is not whole, or a file now shorter than <see cref="Bytes"/>, throws <see cref="InvalidDataException"/>.
    /// <paramref name="onRead"/>, if given, is told the bytes of each read from disk (compressed bytes for .gz).
    /// </summary>
    public Stream Open(Action<int>? onRead = null)
    {
        var file = OpenAt(0, onRead);
        try
        {
            return IsGzip ? new CheckedGzipStream(file) : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the file's bytes from <paramref name="offset"/> to <see cref="Bytes"/>, as they are on disk;
    /// <paramref name="onRead"/>, if given, is told the bytes of each read (a read is a buffer's fill, not a line).
    /// </summary>
    internal Stream OpenAt(long offset, Action<int>? onRead = null)
    {
        var file = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            file.Seek(offset, SeekOrigin.Begin);
            return new ListedBytesStream(file, Bytes - offset, onRead);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The bytes of a file up to its size when it was listed (the manifest's size): bytes appended
    /// since, by a writer still at work, are not read, and a file now shorter was replaced or cut
    /// while the run read it, which fails the read rather than reading something else than listed.
    /// </summary>
    private sealed class ListedBytesStream(FileStream file, long remaining, Action<int>? onRead) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            if (remaining <= 0 || buffer.IsEmpty)
            {
                return 0;
            }

            var read = file.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
            if (read == 0)
            {
                throw new InvalidDataException(
                    $"the file changed while it was read: it ended {remaining} bytes before the size it had when the window's files were listed");
            }

            remaining -= read;
            onRead?.Invoke(read);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
