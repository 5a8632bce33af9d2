using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// The README's two commands are run by this test, so the docs cannot drift from the product: the
/// sample command, exactly as written (only its output folder moved to a temp folder), must commit
/// the outputs stored in samples/expected; and CI runs both as written.
/// </summary>
public sealed partial class ReadmeTests : IDisposable
{
    private const string RunPrefix = "dotnet run -c Release --project src/Sessionizer.Cli -- ";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_readme_gives_the_sample_command_and_the_test_command_first()
    {
        var commands = FirstCodeBlock();

        Assert.Equal(2, commands.Count);
        Assert.StartsWith(RunPrefix + "run ", commands[0], StringComparison.Ordinal);
        Assert.Equal("dotnet test -c Release", commands[1]);
    }

    [Fact]
    public void Ci_runs_the_readme_commands_as_written()
    {
        var ci = File.ReadAllLines(Repository.PathOf(".ci", "run")).Select(l => l.Trim()).ToList();

        foreach (var command in FirstCodeBlock())
        {
            Assert.Contains(ci, line => line == command || line.StartsWith(command + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_readme_sample_command_commits_the_expected_sample_outputs()
    {
        var args = FirstCodeBlock()[0][RunPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var outputIndex = Array.IndexOf(args, "--output") + 1;
        var inputIndex = Array.IndexOf(args, "--input") + 1;
        Assert.True(outputIndex > 0 && inputIndex > 0);
        args[outputIndex] = _temp.Path;
        args[inputIndex] = Repository.PathOf(args[inputIndex]);

        var result = Cli.Run(args);

        Assert.True(result.ExitCode == 0, result.Error);
        var expectedRoot = Repository.PathOf("samples", "expected");
        var expectedFiles = Directory.EnumerateFiles(expectedRoot, "part-*", SearchOption.AllDirectories).ToList();
        Assert.Equal(9, expectedFiles.Count);
        foreach (var expected in expectedFiles)
        {
            var relative = Path.GetRelativePath(expectedRoot, expected);
            Assert.Equal(File.ReadAllText(expected), ReadOutput(Path.Combine(_temp.Path, relative)));
        }

        var counts = JsonNode.Parse(File.ReadAllText(Path.Combine(expectedRoot, "counts.json")))!.AsObject();
        Assert.Equal(3, counts.Count);
        foreach (var (window, expectedCounts) in counts)
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp.Path, "manifests", window + ".json")))!;
            Assert.True(JsonNode.DeepEquals(expectedCounts, manifest["counts"]), $"counts of {window} differ: {manifest["counts"]}");
        }
    }

    /// <summary>Reads an output part, plain or gzip.</summary>
    private static string ReadOutput(string pathWithoutGz)
    {
        if (File.Exists(pathWithoutGz))
        {
            return File.ReadAllText(pathWithoutGz);
        }

        using var gzip = new GZipStream(File.OpenRead(pathWithoutGz + ".gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    private static List<string> FirstCodeBlock()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var block = CodeBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```bash block");
        return block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
