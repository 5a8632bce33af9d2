using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

public class CountsTests
{
    [Fact]
    public void Duplicates_and_events_outside_the_window_are_counted_in_the_manifest()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json",
            Visit(1, "10:10:00", "a"),
            Visit(1, "10:10:00", "a"),
            Visit(1, "10:10:00", "b"),
            Visit(2, "09:59:59.999", "early"),
            Visit(2, "09:30:00", "earlier"),
            Visit(3, "11:00:00", "late"),
            Visit(4, "10:00:00", "first ms"),
            Visit(4, "10:59:59.999", "last ms"));
        sandbox.Input("b.json.gz",
            Visit(1, "10:10:00", "a", site: "other.com"),
            Visit(3, "11:00:00", "late too"),
            Visit(5, "10:20:00", "x"));

        sandbox.Run();

        var counts = sandbox.Manifest().GetProperty("counts");
        Assert.Equal(11, counts.GetProperty("valid_events").GetInt64());
        Assert.Equal(2, counts.GetProperty("duplicates").GetInt64());
        Assert.Equal(2, counts.GetProperty("events_before_window").GetInt64());
        Assert.Equal(2, counts.GetProperty("events_after_window").GetInt64());
        Assert.Equal(0, counts.GetProperty("rejected").GetInt64());
        Assert.Equal(0, counts.GetProperty("previous_active_sessions").GetInt64());
    }

    [Fact]
    public void Of_duplicate_events_the_first_in_canonical_order_is_kept()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a", site: "b.com"), Visit(1, "10:11:00", "b"));
        sandbox.Input("b.json", Visit(1, "10:10:00", "a", site: "a.com"), Visit(1, "10:10:00", "a", site: "c.com"));

        sandbox.Run();

        var closed = Assert.Single(sandbox.ClosedRecords(Sandbox.W));
        Assert.Equal("a.com", closed.GetProperty("site").GetString());
        Assert.Equal(2, closed.GetProperty("event_count").GetInt64());
        Assert.Equal(2, sandbox.Count("duplicates"));
    }

    [Fact]
    public void The_manifest_counts_sessions_by_how_they_ended()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json",
            Visit(1, "10:10:00", "a"),
            Visit(1, "10:30:00", "b"),
            Visit(2, "10:20:00", "logout"),
            Visit(3, "10:58:00", "a"));

        sandbox.Run(sandbox.Settings with { Rules = new Core.Sessions.SessionRules(TimeSpan.FromMinutes(5), TimeSpan.FromHours(24), ["logout"]) });

        var counts = sandbox.Manifest().GetProperty("counts");
        Assert.Equal(3, counts.GetProperty("closed_sessions").GetInt64());
        Assert.Equal(1, counts.GetProperty("active_sessions").GetInt64());
        var byReason = counts.GetProperty("closed_by_reason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["closing_action"] = 1, ["inactivity"] = 2, ["max_duration"] = 0 }, byReason);
    }
}
