namespace Sessionizer.Core.Records;

/// <summary>
/// The previous state a window consumed: either the previous window's committed outputs (its window
/// and the SHA-256 of its manifest file), or a folder given with <c>--previous-state</c> (its path
/// and its files).
/// </summary>
public sealed record ManifestPrevious
{
    public string? Window { get; init; }

    public string? ManifestSha256 { get; init; }

    public string? Path { get; init; }

    public IReadOnlyList<ManifestFile>? Files { get; init; }
}
