namespace Sessionizer.Core.Visits;

/// <summary>The fields of a valid visit line as <see cref="VisitScanner"/> reads them: numbers and interned ids.</summary>
internal struct ScannedVisit
{
    public long UserId;
    public long EventTimeMs;
    public int Page;
    public int Site;
    public int ApiVersion;
    public int Browser;
    public int Language;
}
