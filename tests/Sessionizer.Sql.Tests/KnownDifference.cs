namespace Sessionizer.Sql.Tests;

/// <summary>
/// The kinds of line on which the SQL plan and VisitParser answer differently, each documented in
/// docs/decisions.md ("SQL plan: validation"). On both the parser departs from docs/reference.md and
/// the SQL follows it.
/// </summary>
internal enum KnownDifference
{
    None,

    /// <summary>
    /// A top-level <c>source</c> or <c>technical</c> key appears more than once: the parser merges the
    /// members of every object value and ignores a later non-object; the spec (and the SQL) takes the last.
    /// </summary>
    RepeatedMetadataObject,

    /// <summary>
    /// A top-level <c>event_time</c> string with an escape and over 64 bytes between its quotes: the
    /// parser unescapes it into a 64-byte buffer and calls it invalid; the spec (and the SQL) reads it.
    /// </summary>
    LongEscapedEventTime,
}
