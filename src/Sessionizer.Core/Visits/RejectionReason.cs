namespace Sessionizer.Core.Visits;

/// <summary>Why an input line was rejected, in the order the rules are checked (docs/reference.md §2.4).</summary>
public enum RejectionReason
{
    LineTooLong,
    MalformedJson,
    NotAnObject,
    MissingUserId,
    InvalidUserId,
    MissingEventTime,
    InvalidEventTime,
    MissingPage,
    InvalidPage,
}
