using System.Security.Cryptography;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.State;

/// <summary>
/// Reads the previous window's active sessions. State is never skipped: a missing commit is
/// "input not ready", and a file that cannot be read, or disagrees with the manifest that
/// committed it, fails the run with the file and line.
/// </summary>
internal static class StateReader
{
    /// <summary>Reads the active sessions committed by <paramref name="previous"/>'s manifest.</summary>
    public static PreviousState FromCommittedWindow(OutputLayout layout, Window previous, Vocabulary vocabulary)
    {
        var committed = CommittedState.Read(previous, layout.ManifestPath(previous), path =>
        {
            try
            {
                return RegularFile.ReadAllBytesIfExists(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Corrupt state is fatal (§5.8): a FIFO, a device or a link loop in its place is not skipped, nor opened.
                throw new RunFailedException(RunFailure.Failed, $"The manifest of window {previous} is not readable: {e.Message}", e);
            }
        });
        var visits = new List<Visit>();
        long sessions = 0, inactive = 0;
        foreach (var output in committed.Files)
        {
            var path = Path.Combine(layout.Root, output.Path);
            var bytes = ReadStateFile(path);
            // Parsed before the checksum is compared, so a damaged record is reported with its line.
            var (read, ignored, records) = ParseStateFile(bytes, path, vocabulary, visits);
            committed.Check(output, path, Convert.ToHexStringLower(SHA256.HashData(bytes)), () => records);
            sessions += read;
            inactive += ignored;
        }

        return new PreviousState(visits, sessions, inactive, committed.Lineage);
    }

    /// <summary>
    /// Reads active sessions from any folder of JSON Lines files (<c>--previous-state</c>), such as
    /// the reference Spark job's <c>open-sessions/yyyy/MM/dd/HH</c>: every .json/.jsonl(.gz) file,
    /// names starting with '_' or '.' (e.g. <c>_SUCCESS</c>) skipped. The entries not read (other
    /// extensions, special files, links leading outside the folder, loops, second paths to a file) are
    /// in <paramref name="ignoredEntries"/>, each with its reason.
    /// </summary>
    public static PreviousState FromDirectory(string directory, Vocabulary vocabulary, out IReadOnlyList<IgnoredEntry> ignoredEntries)
    {
        var full = Path.GetFullPath(directory);
        var ignored = new List<IgnoredEntry>();
        ignoredEntries = ignored;
        if (!Directory.Exists(full))
        {
            throw new RunFailedException(RunFailure.InputNotReady, $"The previous-state folder {full} does not exist.");
        }

        // The same walk as a window's input: no link loops, regular files only, nothing outside the folder, each file once.
        var files = FileTree.Walk(full, full, "", "the previous-state folder", InputDiscovery.HasInputExtension, InputDiscovery.NotAnInputName, ignored);

        var visits = new List<Visit>();
        var recorded = new List<ManifestFile>();
        long sessions = 0, inactive = 0;
        foreach (var file in files)
        {
            var bytes = ReadStateFile(file.RealPath);
            var (read, ignoredRecords, records) = ParseStateFile(bytes, Path.Combine(full, file.RelativePath), vocabulary, visits);
            sessions += read;
            inactive += ignoredRecords;
            recorded.Add(new ManifestFile
            {
                Path = file.RelativePath,
                Bytes = bytes.Length,
                Records = records,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            });
        }

        return new PreviousState(visits, sessions, inactive, new ManifestPrevious { Path = full, Files = recorded });
    }

    private static byte[] ReadStateFile(string path)
    {
        try
        {
            return RegularFile.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException(RunFailure.Failed, $"State file {path} cannot be read: {e.Message}", e);
        }
    }

    private static (long Sessions, long Inactive, long Records) ParseStateFile(byte[] bytes, string path, Vocabulary vocabulary, List<Visit> visits)
    {
        long sessions = 0, inactive = 0;
        var lineNumber = 0L;
        try
        {
            using Stream raw = new MemoryStream(bytes, writable: false);
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new CheckedGzipStream(raw) : raw;
            var lines = new LineReader(stream);
            lines.SkipByteOrderMark();
            while (lines.TryReadLine(out var line, out var tooLong))
            {
                lineNumber = lines.LineNumber;
                if (tooLong)
                {
                    throw new StateFormatException("the line is longer than 1 MiB");
                }

                if (line.Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }

                if (ActiveSessionRecord.Read(line, vocabulary, visits))
                {
                    sessions++;
                }
                else
                {
                    inactive++;
                }
            }
        }
        catch (StateFormatException e)
        {
            throw new RunFailedException(RunFailure.Failed, $"State file {path}, line {lineNumber}: {e.Message}. State is never skipped; repair or rerun the window that wrote it.", e);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new RunFailedException(RunFailure.Failed, $"State file {path} cannot be read (after line {lineNumber}): {e.Message}", e);
        }

        return (sessions, inactive, sessions + inactive);
    }
}
