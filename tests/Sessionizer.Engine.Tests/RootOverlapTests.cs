using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Tests;

public sealed class RootOverlapTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("in", "out")]
    [InlineData("in", "in")]
    [InlineData("in", "in/out")]
    [InlineData("in", "in/2026")]
    [InlineData("in", "in/2026/11/20")]
    [InlineData("in/2026", "in")]
    [InlineData("out/in", "out")]
    [InlineData("out/2026/11/20/10", "out")]
    public void Layouts_people_use_are_fine(string input, string output)
    {
        Assert.Null(RootOverlap.Explain(Path.Combine(_temp.Path, input), Path.Combine(_temp.Path, output)));
    }

    [Theory]
    [InlineData("in", "in/2026/11/20/10/out")]
    [InlineData("in", "in/2026/11/20/10")]
    [InlineData("out/closed-sessions", "out")]
    [InlineData("out/active-sessions/2026", "out")]
    [InlineData("out/rejected", "out")]
    [InlineData("out/manifests", "out")]
    [InlineData("out/_temporary", "out")]
    public void Roots_that_would_read_what_the_job_wrote_are_refused_naming_both(string input, string output)
    {
        var reason = RootOverlap.Explain(Path.Combine(_temp.Path, input), Path.Combine(_temp.Path, output));

        Assert.NotNull(reason);
        Assert.Contains(Path.Combine(_temp.Path, input), reason, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_temp.Path, output), reason, StringComparison.Ordinal);
    }

    /// <summary>The Spark app's roots: qualified Hadoop URIs, judged by the same rule without resolving links.</summary>
    [Theory]
    [InlineData("hdfs://nn:8020/data/visits", "hdfs://nn:8020/data/sessions", false)]
    [InlineData("hdfs://nn:8020/data", "hdfs://nn:8020/data", false)]
    [InlineData("hdfs://nn:8020/data", "hdfs://nn:8020/data/", false)]
    [InlineData("s3a://bucket/visits", "s3a://bucket/visits/out", false)]
    [InlineData("hdfs://nn:8020/data", "hdfs://nn:8020/data/2026/11/20/10/out", true)]
    [InlineData("s3a://bucket/out/closed-sessions", "s3a://bucket/out", true)]
    [InlineData("hdfs://nn:8020/data/visits", "hdfs://other:8020/data/visits/2026/11/20/10", false)]
    public void Uris_follow_the_same_rule(string input, string output, bool refused)
    {
        Assert.Equal(refused, RootOverlap.ExplainResolved(input, output) is not null);
    }

    [Fact]
    public void A_symbolic_link_does_not_hide_an_overlap()
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, "in/2026/11/20/10"));
        Directory.CreateSymbolicLink(Path.Combine(_temp.Path, "hour"), Path.Combine(_temp.Path, "in/2026/11/20/10"));

        Assert.NotNull(RootOverlap.Explain(Path.Combine(_temp.Path, "in"), Path.Combine(_temp.Path, "hour/out")));
    }

    [Fact]
    public void The_refusal_names_the_window_folder_path_below_the_input_root()
    {
        var reason = RootOverlap.Explain(Path.Combine(_temp.Path, "in"), Path.Combine(_temp.Path, "in/2026/11/20/10/out"));

        Assert.NotNull(reason);
        Assert.Contains("lies inside a window folder of --input " + Path.Combine(_temp.Path, "in") + " (2026/11/20/10/out):", reason, StringComparison.Ordinal);
    }
}
