namespace Sessionizer.Engine.Input;

/// <summary>One input file of a window.</summary>
/// <param name="FullPath">Where it is.</param>
/// <param name="RelativePath">Its path relative to the input root, with '/': how rejected records and manifests name it.</param>
/// <param name="Bytes">Its size on disk (compressed size for .gz).</param>
public sealed record InputFile(string FullPath, string RelativePath, long Bytes)
{
    public bool IsGzip => FullPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    public Stream Open()
    {
        var file = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return IsGzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress) : file;
    }
}
