using System.IO.Compression;
using System.Text.Json;
using Serilog;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.DuckDb;
using Sessionizer.Engine.Runs;
using Sessionizer.Generation;

namespace Sessionizer.Sql.Tests;

/// <summary>
/// The proof of the SQL plan: chained windows run by <c>--engine duckdb</c> and <c>--engine local</c>
/// give the same records, byte for byte once decompressed, and the same manifest counts.
/// </summary>
public sealed class EngineEqualityTests : IDisposable
{
    private static readonly ILogger Silent = new LoggerConfiguration().CreateLogger();
    private static readonly Window First = Window.Parse("2026-11-20T10");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sessionizer-sql-tests", Guid.NewGuid().ToString("N"));

    public static TheoryData<string> ParameterSets => ["defaults", "closing pages, short sessions", "tight timeout, several closing pages"];

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void The_sample_windows_give_the_same_records_and_counts_on_both_engines(string parameters)
    {
        AssertSameOnBothEngines(Path.Combine(RepositoryRoot(), "samples", "logs"), RulesOf(parameters));
    }

    [Theory]
    [InlineData("defaults", 11UL)]
    [InlineData("closing pages, short sessions", 12UL)]
    [InlineData("tight timeout, several closing pages", 13UL)]
    public void Generated_windows_with_bad_lines_late_events_and_duplicates_give_the_same_records_and_counts(string parameters, ulong seed)
    {
        var input = Path.Combine(_root, "in");
        var settings = new GenerationSettings
        {
            Start = First,
            Hours = 3,
            Visits = 60,
            Seed = seed,
            Anomalies = new AnomalyRates(Incomplete: 0.05, Inconsistent: 0.05, Malformed: 0.004, Missing: 0.004),
            LateFraction = 0.03,
            ClosingPageRate = 0.03,
        };
        LogGenerator.Generate(settings, new GenerationOutput { Root = input, Parallelism = 2 });

        // A file delivered twice: every event of it a duplicate, across files.
        var hour = Path.Combine(input, First.Next.PartitionPath);
        File.Copy(Directory.GetFiles(hour).Order(StringComparer.Ordinal).First(), Path.Combine(hour, "redelivered.json"));

        AssertSameOnBothEngines(input, RulesOf(parameters));
    }

    /// <summary>Lines that test the loading of text: NUL bytes, invalid UTF-8, cuts at 64 KiB and 1 MiB, control characters.</summary>
    [Fact]
    public void Lines_with_nul_bytes_invalid_utf8_and_long_text_give_the_same_records_and_counts()
    {
        var input = Path.Combine(_root, "in");
        static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
        static string Visit(long user, string time, string pageJson) =>
            $"{{\"user_id\":{user},\"event_time\":\"{time}\",\"page\":{{\"current\":{pageJson}}}}}";
        byte[][] first =
        [
            [.. Utf8(Visit(1, "2026-11-20T10:10:00Z", "\"a\"")), 0x00, (byte)'x'],
            [.. Utf8("[\"a"), 0x00, .. Utf8("b\"]")],
            Utf8(Visit(2, "2026-11-20T10:59:00Z", "\"nul\\u0000x\"")),
            Utf8(Visit(3, "2026-11-20T10:59:00Z", "\"ctl\\u0001\\u001f\\t\\\"\\\\\u007f\u2028\U0001F600\"")),
            [.. Utf8(new string('a', 65535)), 0xFF],
            [.. Enumerable.Repeat((byte)0xE9, 30_000)],
            [.. Utf8("{\"x\":\""), .. Enumerable.Repeat((byte)0xE9, (1 << 20) + 10)],
            Utf8("{\"x\":\"" + new string('é', 40_000) + "\"}"),
            Utf8("{\"x\":\"" + new string('a', 65_534) + "€\"" ),
            Utf8("{\"x\":\"" + new string('€', 400_000) + "\"}"),
            [0xEF, 0xBB, 0xBF, .. Utf8(Visit(4, "2026-11-20T10:20:00Z", "\"bom\""))],
        ];
        WriteLines(Path.Combine(input, First.PartitionPath, "edge.json"), first);
        WriteLines(Path.Combine(input, First.Next.PartitionPath, "edge.json"),
            [Utf8(Visit(2, "2026-11-20T11:01:00Z", "\"nul\\u0000x\"")), Utf8(Visit(2, "2026-11-20T11:02:00Z", "\"nul\""))]);
        Directory.CreateDirectory(Path.Combine(input, First.Next.Next.PartitionPath));

        AssertSameOnBothEngines(input, SessionRules.Default, maxRejectedFraction: 1);
    }

    private static void WriteLines(string path, byte[][] lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. lines.SelectMany(l => l.Append((byte)'\n'))]);
    }

    private void AssertSameOnBothEngines(string input, SessionRules rules, double maxRejectedFraction = 0.05)
    {
        RunSettings Settings(string engine) => new()
        {
            InputRoot = input,
            OutputRoot = Path.Combine(_root, engine),
            NoPreviousState = true,
            Rules = rules,
            MaxRejectedFraction = maxRejectedFraction,
            Parallelism = 2,
        };
        var local = new WindowRunner(Settings("local"), Silent).RunRange(First, First.Next.Next);
        var duckdb = new WindowRunner(Settings("duckdb"), Silent, new DuckDbEngine(Silent)).RunRange(First, First.Next.Next);

        Assert.Equal(3, duckdb.Count);
        for (var i = 0; i < local.Count; i++)
        {
            var (expected, actual) = (local[i].Manifest, duckdb[i].Manifest);
            Assert.Equal("duckdb", actual.Engine);
            Assert.Equal(JsonSerializer.Serialize(expected.Counts), JsonSerializer.Serialize(actual.Counts));
            Assert.Equal(expected.Outputs.Select(o => (o.Path, o.Records)), actual.Outputs.Select(o => (o.Path, o.Records)));
            foreach (var output in expected.Outputs)
            {
                var want = Content(Path.Combine(_root, "local", output.Path));
                var got = Content(Path.Combine(_root, "duckdb", output.Path));
                Assert.True(want.AsSpan().SequenceEqual(got), $"{output.Path} differs: {FirstDifference(want, got)}");
            }
        }

        Assert.True(local.Sum(o => o.Manifest.Counts.ClosedSessions) > 0);
    }

    private static SessionRules RulesOf(string parameters) => parameters switch
    {
        "defaults" => SessionRules.Default,
        "closing pages, short sessions" => new SessionRules(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), ["logout"]),
        _ => new SessionRules(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), ["logout", "home", "category 1"]),
    };

    private static byte[] Content(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        return content.ToArray();
    }

    private static string FirstDifference(byte[] want, byte[] got)
    {
        var at = want.AsSpan().CommonPrefixLength(got);
        string Around(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes.AsSpan(Math.Max(0, at - 80), Math.Min(bytes.Length - Math.Max(0, at - 80), 240)));
        return $"at byte {at} of {want.Length} (local) and {got.Length} (duckdb)\nlocal:  {Around(want)}\nduckdb: {Around(got)}";
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sessionizer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sessionizer.sln not found above " + AppContext.BaseDirectory);
    }
}
