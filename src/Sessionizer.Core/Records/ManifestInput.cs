namespace Sessionizer.Core.Records;

/// <summary>The input a window read: its folder and every file, with sizes.</summary>
public sealed record ManifestInput
{
    public required string Root { get; init; }

    /// <summary>True when the window's input folder did not exist and the run went on without new events.</summary>
    public required bool Missing { get; init; }

    public required IReadOnlyList<ManifestFile> Files { get; init; }
}
