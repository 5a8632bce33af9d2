namespace Sessionizer.Engine.Lineage;

/// <summary>Whether a committed window still agrees with the state it was built from.</summary>
public enum Freshness
{
    /// <summary>The state it consumed is still the previous window's committed state (or it started without state).</summary>
    Current,

    /// <summary>The previous window was rerun, or removed, since: the state it consumed is gone.</summary>
    Stale,

    /// <summary>It consumed a window that is itself stale.</summary>
    StaleUpstream,

    /// <summary>Its manifest cannot be read.</summary>
    Unreadable,
}
