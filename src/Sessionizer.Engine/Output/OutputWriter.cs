using System.IO.Compression;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Output;

/// <summary>Writes a window's three outputs into staging folders (SPEC §4 formats and names).</summary>
internal static class OutputWriter
{
    public const string PartName = "part-00000";

    public static ManifestFile WriteActive(string directory, Window window, IReadOnlyList<Session> sessions, SessionRules rules)
    {
        using var part = Open(directory, OutputLayout.ActiveSessions, window, ".json", gzipLevel: null);
        foreach (var session in sessions)
        {
            ActiveSessionRecord.Write(part.Lines.BeginRecord(), session, rules);
            part.Lines.EndRecord();
            part.RecordWritten();
        }

        return part.Close();
    }

    public static ManifestFile WriteClosed(string directory, Window window, IReadOnlyList<Session> sessions, CompressionLevel level)
    {
        using var part = Open(directory, OutputLayout.ClosedSessions, window, ".json.gz", level);
        foreach (var session in sessions)
        {
            ClosedSessionRecord.Write(part.Lines.BeginRecord(), session, window);
            part.Lines.EndRecord();
            part.RecordWritten();
        }

        return part.Close();
    }

    public static ManifestFile WriteRejected(string directory, Window window, IReadOnlyList<RejectedRecord> rejected, CompressionLevel level)
    {
        using var part = Open(directory, OutputLayout.Rejected, window, ".json.gz", level);
        foreach (var record in rejected)
        {
            record.Write(part.Lines.BeginRecord());
            part.Lines.EndRecord();
            part.RecordWritten();
        }

        return part.Close();
    }

    private static PartFile Open(string directory, string kind, Window window, string extension, CompressionLevel? gzipLevel)
    {
        var name = PartName + extension;
        return new PartFile(Path.Combine(directory, name), OutputLayout.RelativeDataPath(kind, window, name), gzipLevel);
    }
}
