namespace Sessionizer.Core.Records;

/// <summary>A file a window read or wrote. Paths use '/' and are relative to their root.</summary>
public sealed record ManifestFile
{
    public required string Path { get; init; }

    public required long Bytes { get; init; }

    /// <summary>Number of records (lines) in the file, for outputs.</summary>
    public long? Records { get; init; }

    public string? Sha256 { get; init; }
}
