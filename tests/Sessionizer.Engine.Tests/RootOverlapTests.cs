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
