using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Input;

/// <summary>
/// An input file's lines, one by one, read exactly as the local engine reads them (a byte order mark
/// at the start skipped, the listed bytes only, gzip checked, <c>\n</c> or <c>\r\n</c> line ends), with
/// their 1-based numbers: how a SQL engine's runner that reads files itself loads a window's lines.
/// </summary>
public static class InputLines
{
    /// <param name="number">The line's number in the (decompressed) file, blank lines counted.</param>
    /// <param name="line">The line without its end; cut to 64 KiB when <paramref name="tooLong"/>.</param>
    /// <param name="tooLong">The line is longer than 1 MiB.</param>
    public delegate void Handler(long number, ReadOnlySpan<byte> line, bool tooLong);

    /// <summary>Calls <paramref name="handler"/> for each line; a file that cannot be read fails the run (exit 1).</summary>
    public static void Read(InputFile file, Handler handler)
    {
        try
        {
            using var stream = file.Open();
            var lines = new LineReader(stream);
            lines.SkipByteOrderMark();
            while (lines.TryReadLine(out var line, out var tooLong))
            {
                handler(lines.LineNumber, line, tooLong);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new RunFailedException(RunFailure.Failed, $"Cannot read input file {file.RelativePath}: {e.Message}", e);
        }
    }
}
