using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Sessions;

/// <summary>
/// One session of one user: its pages in canonical order (a slice of the window's visit array,
/// so no copy), why it ended, or null while it is still active, and the vocabulary its visits belong to.
/// </summary>
public readonly record struct Session(ReadOnlyMemory<Visit> Pages, EndReason? EndReason, Vocabulary Vocabulary)
{
    public long UserId => Pages.Span[0].UserId;

    public long StartMs => Pages.Span[0].EventTimeMs;

    public long EndMs => Pages.Span[^1].EventTimeMs;

    /// <summary>The metadata of the session's first event (docs/reference.md §3.6).</summary>
    public VisitMetadata Metadata => Vocabulary.MetadataOf(Pages.Span[0]);

    public bool IsActive => EndReason is null;
}
