namespace Sessionizer.Generation;

/// <summary>How one line is broken on purpose, so that the job's rejection path and quality gate get exercised.</summary>
internal enum LineDamage : byte
{
    None,

    /// <summary>Cut short, as by a partial write: <c>malformed_json</c>.</summary>
    Truncated,

    /// <summary>Without <c>user_id</c>: <c>missing_user_id</c>.</summary>
    MissingUserId,

    /// <summary>Without <c>event_time</c>: <c>missing_event_time</c>.</summary>
    MissingEventTime,

    /// <summary>Without <c>page</c>: <c>missing_page</c>.</summary>
    MissingPage,
}
