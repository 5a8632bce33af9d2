namespace Sessionizer.Core.Records;

/// <summary>The parameters a window ran with; a rerun with other parameters may give other outputs.</summary>
public sealed record ManifestParameters
{
    public required string InactivityTimeout { get; init; }

    public required string MaxSessionDuration { get; init; }

    public required IReadOnlyList<string> ClosingPages { get; init; }

    public required double MaxRejectedFraction { get; init; }

    public required bool AllowMissingInput { get; init; }

    public required bool NoPreviousState { get; init; }

    /// <summary>Gzip level of the compressed outputs: it changes their bytes, not their records.</summary>
    public string CompressionLevel { get; init; } = CompressionLevelNames.Default;
}
