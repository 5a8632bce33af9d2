namespace Sessionizer.Core.Records;

/// <summary>
/// The previous state a window consumed: either the previous window's commit (its window, the
/// SHA-256 of its manifest file and the active-session files read), or a folder given with
/// <c>--previous-state</c> (its path and its files). Lineage compares these files with the
/// previous window's current commit to tell whether this window is stale.
/// </summary>
public sealed record ManifestPrevious
{
    public string? Window { get; init; }

    public string? ManifestSha256 { get; init; }

    public string? Path { get; init; }

    public IReadOnlyList<ManifestFile>? Files { get; init; }
}
