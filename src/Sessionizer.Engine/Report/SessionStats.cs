namespace Sessionizer.Engine.Report;

/// <summary>
/// What the report counts over closed sessions (docs/reference.md §4.2): the distributions of
/// duration and of events per session in fixed buckets, and the sessions per site, browser, entry
/// page and exit page. Not thread-safe: one per window being read, merged into the range's.
/// </summary>
internal sealed class SessionStats
{
    public Histogram Durations { get; } = new(BucketScale.Durations);

    public Histogram EventCounts { get; } = new(BucketScale.EventCounts);

    public ValueCounter Sites { get; } = new();

    public ValueCounter Browsers { get; } = new();

    public ValueCounter EntryPages { get; } = new();

    public ValueCounter ExitPages { get; } = new();

    public long Sessions => Durations.Total;

    public void Merge(SessionStats other)
    {
        Durations.Merge(other.Durations);
        EventCounts.Merge(other.EventCounts);
        Sites.Merge(other.Sites);
        Browsers.Merge(other.Browsers);
        EntryPages.Merge(other.EntryPages);
        ExitPages.Merge(other.ExitPages);
    }

    /// <summary>What the page shows: the distributions, and the top <paramref name="top"/> values of each field.</summary>
    public SessionSummary Summarize(int top) =>
        new(Durations, EventCounts, Sites.Top(top), Browsers.Top(top), EntryPages.Top(top), ExitPages.Top(top));
}

/// <summary>The closed sessions of a window or of the range, as the page shows them; small, whatever the data.</summary>
internal sealed record SessionSummary(Histogram Durations, Histogram EventCounts, TopValues Sites, TopValues Browsers,
    TopValues EntryPages, TopValues ExitPages)
{
    public long Sessions => Durations.Total;
}
