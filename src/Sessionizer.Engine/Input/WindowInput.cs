using Sessionizer.Core.Records;
using Sessionizer.Engine.Partitioning;

namespace Sessionizer.Engine.Input;

/// <summary>
/// A window's new events, parsed: the valid visits (in blocks, one list per reading thread), the
/// sample of user ids the user ranges are drawn from, the rejected lines in file and line order,
/// and the counts.
/// </summary>
internal sealed record WindowInput(List<VisitBlocks> Visits, List<long> SampledUsers, List<RejectedRecord> Rejected, InputCounts Counts)
{
    /// <summary>A window without input files (its folder is missing, and that is allowed).</summary>
    public static WindowInput Empty() => new([], [], [], new InputCounts());
}
