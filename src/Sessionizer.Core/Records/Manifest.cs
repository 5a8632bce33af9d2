namespace Sessionizer.Core.Records;

/// <summary>
/// A window's run manifest and commit marker (docs/reference.md §4.6): what the run read, with which parameters,
/// what it counted and what it wrote. A window without a manifest is not committed.
/// </summary>
public sealed record Manifest
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string Window { get; init; }

    public required string Engine { get; init; }

    public required string Version { get; init; }

    public required ManifestParameters Parameters { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required DateTimeOffset Finished { get; init; }

    public required ManifestInput Input { get; init; }

    /// <summary>The state this window consumed; null when it started without previous state.</summary>
    public ManifestPrevious? Previous { get; init; }

    public required ManifestCounts Counts { get; init; }

    public required IReadOnlyList<ManifestFile> Outputs { get; init; }
}
