using System.Text;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>An input file that cannot be read whole fails the run: skipping it, or part of it, would lose events silently.</summary>
public class UnreadableInputTests
{
    private static byte[] ManyVisits(int count) =>
        Files.Lines(Enumerable.Range(1, count).Select(i => Visit(i, "10:10:00", "page " + i)));

    public static TheoryData<int> Cuts => new() { 0, 8, 5, 1, -1 };

    /// <param name="keep">Bytes of the gzip file kept: 0 = half of it, n > 0 = all but the last n (its trailer is 8 bytes), -1 = its 10-byte header only.</param>
    [Theory]
    [MemberData(nameof(Cuts))]
    public void A_truncated_gzip_input_file_fails_the_run_naming_the_file(int keep)
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        var gzip = Files.Gzip(ManyVisits(5000));
        var cut = keep switch
        {
            0 => gzip.Length / 2,
            -1 => 10,
            _ => gzip.Length - keep,
        };
        sandbox.InputBytes(Sandbox.W, "sub/b.json.gz", [.. gzip.AsSpan(0, cut)]);
        sandbox.Input("c.json", Visit(2, "10:10:00", "a"));

        var failure = sandbox.RunFails();

        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains("2019/01/28/10/sub/b.json.gz", failure.Message, StringComparison.Ordinal);
        sandbox.AssertNothingCommitted(Sandbox.W);
    }

    [Fact]
    public void A_gz_input_file_that_is_not_gzip_fails_the_run_naming_the_file()
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "a.json.gz", ManyVisits(10));

        var failure = sandbox.RunFails();

        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains("2019/01/28/10/a.json.gz", failure.Message, StringComparison.Ordinal);
        sandbox.AssertNothingCommitted(Sandbox.W);
    }

    [Fact]
    public void A_gzip_file_with_bytes_after_its_end_fails_the_run()
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "a.json.gz", [.. Files.Gzip(ManyVisits(10)), .. "{\"user_id\":99}\n"u8]);

        Assert.Equal(RunFailure.Failed, sandbox.RunFails().Failure);
    }

    [Fact]
    public void A_gzip_file_of_several_concatenated_members_is_read_whole()
    {
        using var sandbox = new Sandbox();
        var first = Files.Gzip(ManyVisits(3000));
        var second = Files.Gzip(Files.Lines([Visit(5000, "10:10:00", "second member")]));
        var empty = Files.Gzip([]);
        sandbox.InputBytes(Sandbox.W, "a.json.gz", [.. first, .. empty, .. second]);

        sandbox.Run();

        Assert.Equal(3001, sandbox.Count("valid_events"));
        Assert.Equal("second member", sandbox.ClosedRecords(Sandbox.W)[^1].GetProperty("entry_page").GetString());
    }

    [Fact]
    public void Whole_gzip_files_of_every_size_are_read()
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "empty.json.gz", Files.Gzip([]));
        sandbox.InputBytes(Sandbox.W, "blank.json.gz", Files.Gzip(Encoding.UTF8.GetBytes("\n\n")));
        sandbox.InputBytes(Sandbox.W, "one.json.gz", Files.Gzip(Encoding.UTF8.GetBytes(Visit(1, "10:10:00", "a"))));
        sandbox.InputBytes(Sandbox.W, "many.json.gz", Files.Gzip(ManyVisits(20_000)));

        sandbox.Run();

        Assert.Equal(20_001, sandbox.Count("valid_events"));
        Assert.Equal(2, sandbox.Count("blank_lines"));
    }
}
