using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Runs;
using static Sessionizer.Engine.Tests.Visits;

namespace Sessionizer.Engine.Tests;

/// <summary>The bytes of an input file that are read: a byte order mark, files that change while read, empty and non-gzip .gz files.</summary>
public class InputBytesTests
{
    private const string P = "2019/01/28/10/";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static TheoryData<long> SplitSizes => new() { InputSplit.TargetBytes, 64 };

    private static byte[] Lines(int from, int count) =>
        Files.Lines(Enumerable.Range(from, count).Select(i => Visit(i, "10:10:00", "page " + i)));

    private static WindowInput FindAndRead(Sandbox sandbox, Action<IReadOnlyList<InputFile>> meanwhile, long splitBytes = InputSplit.TargetBytes)
    {
        var files = InputDiscovery.Find(sandbox.InputRoot, Sandbox.W, out _)!;
        meanwhile(files);
        return InputReader.Read(files, new Vocabulary(), Sandbox.W, parallelism: 2, splitBytes);
    }

    [Theory]
    [InlineData("a.json")]
    [InlineData("a.jsonl.gz")]
    public void A_byte_order_mark_at_the_start_of_a_file_is_ignored(string name)
    {
        using var sandbox = new Sandbox();
        Files.Write(Path.Combine(sandbox.InputDirectory(Sandbox.W), name), [.. Bom, .. Lines(1, 3)]);

        sandbox.Run();

        Assert.Equal(3, sandbox.Count("valid_events"));
        Assert.Equal(0, sandbox.Count("rejected"));
        Assert.Equal(3, sandbox.Count("input_lines"));
    }

    [Fact]
    public void A_file_of_only_a_byte_order_mark_is_empty()
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "a.json", Bom);

        sandbox.Run();

        Assert.Equal(0, sandbox.Count("input_lines"));
        Assert.Equal(0, sandbox.Count("blank_lines"));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    [InlineData(4L)]
    [InlineData(5L)]
    public void The_first_line_after_a_byte_order_mark_is_read_whatever_the_split_size(long splitBytes)
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "a.json", [.. Bom, .. Lines(1, 2)]);

        var input = FindAndRead(sandbox, _ => { }, splitBytes);

        Assert.Equal(2, input.Counts.ValidEvents);
        Assert.Equal(2, input.Counts.Lines);
        Assert.Equal(0, input.Counts.Rejected);
    }

    [Theory]
    [MemberData(nameof(SplitSizes))]
    public void A_byte_order_mark_elsewhere_is_data(long splitBytes)
    {
        using var sandbox = new Sandbox();
        var content = new List<byte>(Bom);
        for (var i = 1; i <= 20; i++)
        {
            content.AddRange(i % 4 == 0 ? [.. Bom, .. Lines(i, 1)] : Lines(i, 1));
        }

        sandbox.InputBytes(Sandbox.W, "a.json", [.. content]);

        sandbox.Run(sandbox.Settings with { SplitBytes = splitBytes, MaxRejectedFraction = 1 });

        Assert.Equal(15, sandbox.Count("valid_events"));
        Assert.Equal([4, 8, 12, 16, 20], sandbox.RejectedRecords(Sandbox.W).Select(r => r.GetProperty("line").GetInt64()));
    }

    [Theory]
    [MemberData(nameof(SplitSizes))]
    public void Lines_appended_to_a_plain_file_after_it_was_listed_are_not_read(long splitBytes)
    {
        using var sandbox = new Sandbox();
        var path = sandbox.InputBytes(Sandbox.W, "a.json", [.. Lines(1, 10), .. "{\"user_id\":11,"u8]);

        var input = FindAndRead(sandbox, _ => File.AppendAllText(path, "\"torn\":1}\n" + Visit(12, "10:10:00", "late") + "\n"), splitBytes);

        Assert.Equal(10, input.Counts.ValidEvents);
        // The last line is read as it was when the file was listed: cut.
        var torn = Assert.Single(input.Rejected);
        Assert.Equal(RejectionReason.MalformedJson, torn.Reason);
        Assert.Equal(11, torn.Line);
    }

    [Fact]
    public void A_gzip_member_appended_to_a_gz_file_after_it_was_listed_is_not_read()
    {
        using var sandbox = new Sandbox();
        var path = sandbox.Input("a.json.gz", Visit(1, "10:10:00", "a"));

        var input = FindAndRead(sandbox, _ =>
        {
            using var file = new FileStream(path, FileMode.Append);
            file.Write(Files.Gzip(Lines(2, 5)));
        });

        Assert.Equal(1, input.Counts.ValidEvents);
        Assert.Empty(input.Rejected);
    }

    [Theory]
    [InlineData("a.json", 64L)]
    [InlineData("a.json", InputSplit.TargetBytes)]
    [InlineData("a.json.gz", InputSplit.TargetBytes)]
    public void A_file_that_got_shorter_after_it_was_listed_fails_the_run(string name, long splitBytes)
    {
        using var sandbox = new Sandbox();
        var path = sandbox.Input(name, Enumerable.Range(1, 10).Select(i => Visit(i, "10:10:00", "page " + i)).ToArray());

        var failure = Assert.Throws<RunFailedException>(() =>
            FindAndRead(sandbox, _ => File.WriteAllBytes(path, File.ReadAllBytes(path)[..^20]), splitBytes));

        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains(P + name, failure.Message, StringComparison.Ordinal);
        Assert.Contains("changed while it was read", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void An_empty_gz_file_fails_the_run_as_any_cut_gzip_file()
    {
        using var sandbox = new Sandbox();
        sandbox.Input("a.json", Visit(1, "10:10:00", "a"));
        sandbox.InputBytes(Sandbox.W, "b.json.gz", []);

        var failure = sandbox.RunFails();

        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains(P + "b.json.gz", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is empty (0 bytes), not a gzip file: even an empty gzip file has a 20-byte header and trailer", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        sandbox.AssertNothingCommitted(Sandbox.W);
    }

    [Fact]
    public void An_empty_plain_file_is_a_valid_empty_file()
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "a.json", []);
        sandbox.InputBytes(Sandbox.W, "b.jsonl", []);

        sandbox.Run();

        Assert.Equal(0, sandbox.Count("input_lines"));
    }

    [Theory]
    [InlineData("{\"user_id\":1}\n")]
    [InlineData("x")]
    [InlineData("PK\u0003\u0004 a zip file")]
    public void A_gz_file_without_the_gzip_magic_bytes_fails_the_run_saying_so(string content)
    {
        using var sandbox = new Sandbox();
        sandbox.InputBytes(Sandbox.W, "a.json.gz", System.Text.Encoding.UTF8.GetBytes(content));

        var failure = sandbox.RunFails();

        Assert.Equal(RunFailure.Failed, failure.Failure);
        Assert.Contains(P + "a.json.gz", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is not a gzip file (it does not start with the gzip magic bytes 1f 8b)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }
}
