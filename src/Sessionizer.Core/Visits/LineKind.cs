namespace Sessionizer.Core.Visits;

/// <summary>What an input line turned out to be.</summary>
public enum LineKind
{
    /// <summary>A valid visit.</summary>
    Visit,

    /// <summary>Empty or whitespace only: skipped, not rejected.</summary>
    Blank,

    /// <summary>Broke a rule; the reason says which.</summary>
    Rejected,
}
