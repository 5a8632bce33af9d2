using System.IO.Compression;
using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Output;

/// <summary>
/// One output part written from lines of text made elsewhere (the records a SQL engine builds): the
/// file name, compression, empty-part form and manifest entry of the local engine's parts.
/// </summary>
public sealed class LinePart : IDisposable
{
    private readonly PartFile _part;

    private LinePart(PartFile part) => _part = part;

    /// <summary>The part of <paramref name="kind"/> (one of <see cref="OutputLayout.DataKinds"/>) in its staging folder: active sessions plain, the others gzip.</summary>
    public static LinePart Open(string stagingDirectory, string kind, Window window, CompressionLevel level) => new(kind switch
    {
        OutputLayout.ActiveSessions => PartFiles.OpenActive(stagingDirectory, window),
        OutputLayout.ClosedSessions => PartFiles.OpenClosed(stagingDirectory, window, level),
        OutputLayout.Rejected => PartFiles.OpenRejected(stagingDirectory, window, level),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of output"),
    });

    /// <summary>Appends one record: <paramref name="line"/> and a line feed.</summary>
    public void Add(string line)
    {
        var bytes = Encoding.UTF8.GetByteCount(line);
        var span = _part.Lines.Reserve(bytes + 1);
        Encoding.UTF8.GetBytes(line, span);
        span[bytes] = (byte)'\n';
        _part.Lines.Advance(bytes + 1);
        _part.RecordWritten();
    }

    public ManifestFile Close() => _part.Close();

    public void Dispose() => _part.Dispose();
}
