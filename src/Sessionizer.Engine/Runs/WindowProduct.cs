using Sessionizer.Core.Records;
using Sessionizer.Engine.Input;

namespace Sessionizer.Engine.Runs;

/// <summary>What an engine produced for a window: the three part files and the counts the manifest records.</summary>
public sealed record WindowProduct(
    InputCounts Input,
    long Duplicates,
    long ActiveSessions,
    long ClosedSessions,
    long[] ClosedByReason,
    ManifestFile Active,
    ManifestFile Closed,
    ManifestFile Rejected);
