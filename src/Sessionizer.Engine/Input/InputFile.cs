namespace Sessionizer.Engine.Input;

/// <summary>One input file of a window.</summary>
/// <param name="FullPath">Where it is (its real path: links resolved).</param>
/// <param name="RelativePath">Its path relative to the input root, with '/': how rejected records and manifests name it.</param>
/// <param name="Bytes">Its size on disk (compressed size for .gz).</param>
public sealed record InputFile(string FullPath, string RelativePath, long Bytes)
{
    // By the name it is listed under: a link "a.json.gz" may lead to a file named otherwise.
    public bool IsGzip => RelativePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the file for reading, decompressed for .gz; reading a .gz file that is not whole throws <see cref="InvalidDataException"/>.</summary>
    public Stream Open()
    {
        var file = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return IsGzip ? new CheckedGzipStream(file) : file;
    }
}
