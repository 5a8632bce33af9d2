using System.Text.Json;
using Serilog;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Tests;

/// <summary>One test's input and output roots in their own temp folder, and the engine run over them.</summary>
internal sealed class Sandbox : IDisposable
{
    public const string Active = "active-sessions";
    public const string Closed = "closed-sessions";
    public const string Rejected = "rejected";

    /// <summary>2019-01-28T10, the window most tests run.</summary>
    public static readonly Window W = Window.Parse("2019-01-28T10");

    /// <summary>Logs nothing.</summary>
    public static readonly ILogger SilentLog = new LoggerConfiguration().CreateLogger();

    private readonly TempDirectory _temp = new();

    public string Root => _temp.Path;

    public string InputRoot => Path.Combine(_temp.Path, "input");

    public string OutputRoot => Path.Combine(_temp.Path, "output");

    /// <summary>Defaults for a test: a first window (no previous state), all rules at the defaults of docs/reference.md §3.</summary>
    public RunSettings Settings => new() { InputRoot = InputRoot, OutputRoot = OutputRoot, NoPreviousState = true, Parallelism = 4 };

    public WindowOutcome Run(Window window, RunSettings? settings = null) => new WindowRunner(settings ?? Settings, SilentLog).Run(window);

    public WindowOutcome Run(RunSettings? settings = null) => Run(W, settings);

    public RunFailedException RunFails(Window window, RunSettings? settings = null) =>
        Assert.Throws<RunFailedException>(() => Run(window, settings));

    public RunFailedException RunFails(RunSettings? settings = null) => RunFails(W, settings);

    public string InputDirectory(Window window) => Path.Combine(InputRoot, window.PartitionPath);

    /// <summary>Writes an input file of <paramref name="window"/> (gzip when the name ends with ".gz"); returns its full path.</summary>
    public string Input(Window window, string name, params string[] lines) => Files.Write(Path.Combine(InputDirectory(window), name), lines);

    public string Input(string name, params string[] lines) => Input(W, name, lines);

    /// <summary>Writes an input file of <paramref name="window"/> with exactly these bytes (not compressed here, whatever its name).</summary>
    public string InputBytes(Window window, string name, byte[] content)
    {
        var path = Path.Combine(InputDirectory(window), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string OutputDirectory(string kind, Window window) => Path.Combine(OutputRoot, kind, window.PartitionPath);

    public string ActivePart(Window window) => Path.Combine(OutputDirectory(Active, window), "part-00000.json");

    public string ClosedPart(Window window) => Path.Combine(OutputDirectory(Closed, window), "part-00000.json.gz");

    public string RejectedPart(Window window) => Path.Combine(OutputDirectory(Rejected, window), "part-00000.json.gz");

    public string ManifestPath(Window window) => Path.Combine(OutputRoot, "manifests", $"{window}.json");

    /// <summary>The committed manifest of a window, as JSON (the names docs/reference.md §4.6 gives).</summary>
    public JsonElement Manifest(Window window)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(ManifestPath(window)));
        return document.RootElement.Clone();
    }

    public JsonElement Manifest() => Manifest(W);

    public long Count(Window window, string name) => Manifest(window).GetProperty("counts").GetProperty(name).GetInt64();

    public long Count(string name) => Count(W, name);

    public static IReadOnlyList<JsonElement> Records(string path) =>
        Files.ReadLines(path).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }).ToList();

    public IReadOnlyList<JsonElement> ActiveRecords(Window window) => Records(ActivePart(window));

    public IReadOnlyList<JsonElement> ClosedRecords(Window window) => Records(ClosedPart(window));

    public IReadOnlyList<JsonElement> RejectedRecords(Window window) => Records(RejectedPart(window));

    /// <summary>The files of a window's three output folders, by path relative to the output root.</summary>
    public SortedDictionary<string, byte[]> Outputs(Window window)
    {
        var all = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var kind in new[] { Active, Closed, Rejected })
        {
            foreach (var (name, bytes) in Files.Snapshot(OutputDirectory(kind, window)))
            {
                all[$"{kind}/{window.PartitionPath}/{name}"] = bytes;
            }
        }

        return all;
    }

    /// <summary>Asserts that nothing of <paramref name="window"/> is committed: no manifest and no output folder.</summary>
    public void AssertNothingCommitted(Window window)
    {
        Assert.False(File.Exists(ManifestPath(window)), "no manifest");
        foreach (var kind in new[] { Active, Closed, Rejected })
        {
            Assert.False(Directory.Exists(OutputDirectory(kind, window)), $"no {kind} folder");
        }
    }

    public void Dispose() => _temp.Dispose();
}
