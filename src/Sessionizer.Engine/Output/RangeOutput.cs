using System.Buffers;
using Sessionizer.Core.Sessions;

namespace Sessionizer.Engine.Output;

/// <summary>
/// The formatted sessions of one user range, ready to be appended to the part files in range order.
/// The byte arrays are rented from the shared pool (only the first Length bytes count) and go back
/// to it once written, so the output of hundreds of ranges does not pile up as garbage.
/// </summary>
internal sealed record RangeOutput(
    byte[] Active, int ActiveLength, long ActiveSessions, byte[] ClosedGzip, int ClosedGzipLength, long ClosedSessions, long[] ClosedByReason, long Duplicates)
{
    public static long[] NewReasonCounts() => new long[EndReasons.All.Count];

    /// <summary>A pooled copy of <paramref name="bytes"/>.</summary>
    public static byte[] Rent(ReadOnlySpan<byte> bytes)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes.Length));
        bytes.CopyTo(rented);
        return rented;
    }

    public void Return()
    {
        ArrayPool<byte>.Shared.Return(Active);
        ArrayPool<byte>.Shared.Return(ClosedGzip);
    }
}
