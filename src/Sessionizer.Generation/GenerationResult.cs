namespace Sessionizer.Generation;

/// <summary>What a generation wrote.</summary>
public sealed record GenerationResult(GenerationCounts Counts, int Hours, int Files, long Bytes, TimeSpan Elapsed)
{
    public double LinesPerSecond => Elapsed > TimeSpan.Zero ? Counts.Lines / Elapsed.TotalSeconds : 0;
}
