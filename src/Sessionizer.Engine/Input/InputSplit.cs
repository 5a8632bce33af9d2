namespace Sessionizer.Engine.Input;

/// <summary>
/// A piece of an input file that one thread reads: the lines that start in [Start, End). A large
/// plain file is read as several splits at once; a gzip file is one split (it cannot be entered midway).
/// The last split ends at the file's size when it was listed (<see cref="InputFile.Bytes"/>): what is
/// appended later is not read.
/// </summary>
internal sealed record InputSplit(InputFile File, int Part, long Start, long End)
{
    /// <summary>Plain files are split in pieces of about this size, enough to keep every core busy to the end.</summary>
    public const long TargetBytes = 32L << 20;

    public long Length => End - Start;

    /// <summary>The splits of all files, in file then offset order.</summary>
    public static List<InputSplit> Of(IReadOnlyList<InputFile> files, long targetBytes = TargetBytes)
    {
        var splits = new List<InputSplit>();
        foreach (var file in files)
        {
            var pieces = file.IsGzip || file.Bytes <= targetBytes ? 1 : (int)((file.Bytes + targetBytes - 1) / targetBytes);
            for (var i = 0; i < pieces; i++)
            {
                var start = file.Bytes * i / pieces;
                // A gzip split's lines are at offsets in the decompressed data, which has no known
                // end: its compressed bytes are limited to Bytes by the stream (InputFile.Open).
                var end = file.IsGzip ? long.MaxValue : file.Bytes * (i + 1) / pieces;
                splits.Add(new InputSplit(file, i, start, end));
            }
        }

        return splits;
    }
}
