namespace Sessionizer.Core.Sessions;

/// <summary>Why a session closed.</summary>
public enum EndReason
{
    /// <summary>No event within the inactivity timeout: a later event started a new session, or none can come any more.</summary>
    Inactivity,

    /// <summary>Its last page is a closing page (e.g. <c>logout</c>).</summary>
    ClosingAction,

    /// <summary>It lasted the maximum session duration.</summary>
    MaxDuration,
}
