namespace Sessionizer.Generation;

/// <summary>
/// One simulated event, not yet formatted: everything its line needs, random choices included, so
/// that formatting is a pure function of it and can run on any thread.
/// </summary>
/// <param name="Visit">The visit's fixed fields.</param>
/// <param name="TimeMs">Event time, epoch milliseconds.</param>
/// <param name="Previous">The previous page's number, or -1 for the first page of a visit.</param>
/// <param name="Page">The current page's number (<see cref="SiteMap"/>).</param>
/// <param name="Damage">How the line is broken, if it is.</param>
/// <param name="Cut">For a truncated line: where it is cut, as a fraction of its length in 256ths.</param>
internal readonly record struct GeneratedEvent(VisitProfile Visit, long TimeMs, short Previous, short Page, LineDamage Damage, byte Cut);
