using System.IO.Compression;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Output;

/// <summary>The local engine's rejected-lines part, written in one go from the records the reader kept.</summary>
internal static class RejectedPart
{
    public static ManifestFile Write(string directory, Window window, IReadOnlyList<RejectedRecord> rejected, CompressionLevel level)
    {
        using var part = PartFiles.OpenRejected(directory, window, level);
        foreach (var record in rejected)
        {
            record.Write(part.Lines.BeginRecord());
            part.Lines.EndRecord();
            part.RecordWritten();
        }

        return part.Close();
    }
}
