using Sessionizer.Core.Records;

namespace Sessionizer.Engine.Output;

/// <summary>What <see cref="ParallelSessionizer"/> produced: the two session part files and the counts for the manifest.</summary>
internal sealed record SessionOutputs(ManifestFile Active, ManifestFile Closed, long ActiveSessions, long ClosedSessions, long[] ClosedByReason, long Duplicates);
