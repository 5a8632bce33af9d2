using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Sessions;

/// <summary>The order of <see cref="Visit.CompareTo"/> as a comparer, and the duplicate rule (SPEC §3.2).</summary>
public readonly struct VisitOrder : IComparer<Visit>
{
    public int Compare(Visit x, Visit y) => x.CompareTo(y);

    /// <summary>Whether two visits are duplicates: same user, millisecond and page.</summary>
    public static bool AreDuplicates(in Visit x, in Visit y) => x.IsDuplicateOf(y);
}
