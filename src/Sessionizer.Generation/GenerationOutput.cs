namespace Sessionizer.Generation;

/// <summary>Where and how generated logs are written.</summary>
public sealed record GenerationOutput
{
    /// <summary>The input root of the job: files go to <c>ROOT/yyyy/MM/dd/HH/part-NNNNN.json[.gz]</c>.</summary>
    public required string Root { get; init; }

    public bool Gzip { get; init; }

    /// <summary>Replace the part files of hour folders that already hold some; without it, such a folder fails the generation.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Chunks of lines formatted (and compressed) at once, on as many threads, while one is written.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
