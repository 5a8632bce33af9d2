namespace Sessionizer.Core.Visits;

/// <summary>The top-level fields of a visit line the parsers read; flags, so a set can tell repeated ones.</summary>
[Flags]
internal enum TopField : byte
{
    None = 0,
    UserId = 1,
    EventTime = 2,
    Page = 4,
    Source = 8,
    Technical = 16,

    // Unknown keys may repeat: never recorded in the scanner's seen set.
    Other = 32,
}
