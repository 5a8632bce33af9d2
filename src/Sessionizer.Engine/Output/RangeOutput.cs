using Sessionizer.Core.Sessions;

namespace Sessionizer.Engine.Output;

/// <summary>The formatted sessions of one user range, ready to be appended to the part files in range order.</summary>
internal sealed record RangeOutput(byte[] Active, long ActiveSessions, byte[] ClosedGzip, long ClosedSessions, long[] ClosedByReason, long Duplicates)
{
    public static long[] NewReasonCounts() => new long[EndReasons.All.Count];
}
