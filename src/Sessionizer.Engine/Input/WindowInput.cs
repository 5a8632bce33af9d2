using Sessionizer.Core.Records;
using Sessionizer.Core.Visits;

namespace Sessionizer.Engine.Input;

/// <summary>A window's new events, parsed: the valid visits, the rejected lines and the counts.</summary>
public sealed record WindowInput(IReadOnlyList<InputFile> Files, bool Missing, List<Visit> Visits, List<RejectedRecord> Rejected, InputCounts Counts)
{
    public static WindowInput Empty(bool missing) => new([], missing, [], [], new InputCounts());
}
