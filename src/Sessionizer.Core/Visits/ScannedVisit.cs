namespace Sessionizer.Core.Visits;

/// <summary>The fields of a valid visit line as <see cref="VisitScanner"/> reads them: numbers, the page's id and the metadata's text.</summary>
internal ref struct ScannedVisit
{
    public long UserId;
    public long EventTimeMs;
    public int Page;
    public MetadataText Metadata;
}
