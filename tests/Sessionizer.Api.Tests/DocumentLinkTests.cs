using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Sessionizer.Api.Tests;

/// <summary>The relative links of the README and docs/ (the map of the code above all) name files that exist.</summary>
public sealed partial class DocumentLinkTests
{
    public static TheoryData<string> Documents => new("README.md", "docs/architecture.md", "docs/reference.md", "docs/decisions.md");

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_names_an_existing_file_or_folder(string document)
    {
        var path = Path.Combine(RepositoryRoot(), document);
        var folder = Path.GetDirectoryName(path)!;
        var links = Link().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value)
            .Where(l => !l.Contains("://", StringComparison.Ordinal) && !l.StartsWith('#') && !l.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(l => l.Split('#')[0])
            .ToList();

        Assert.NotEmpty(links);
        var missing = links.Where(l => !File.Exists(Path.Combine(folder, l)) && !Directory.Exists(Path.Combine(folder, l))).ToList();
        Assert.True(missing.Count == 0, $"{document} links to missing paths: {string.Join(", ", missing)}");
    }

    /// <summary>
    /// The contract lives in docs/reference.md: no source, script or document of the repository cites
    /// a specification a clone does not have (a "SPEC §" section, a path into ../shared).
    /// </summary>
    [Fact]
    public void Nothing_cites_a_contract_outside_the_repository()
    {
        var root = RepositoryRoot();
        var self = ThisFile();
        string[] kinds = ["*.cs", "*.md", "*.sh", "*.ps1", "*.csproj", "*.props"];
        var citing = kinds.SelectMany(kind => Directory.EnumerateFiles(root, kind, SearchOption.AllDirectories))
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal)
                && !file.Contains("/node_modules/", StringComparison.Ordinal) && !file.Contains("/.git/", StringComparison.Ordinal))
            .Where(file => file != self && OutsideContract().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(root, file))
            .ToList();

        Assert.True(citing.Count == 0, $"these cite a contract a clone does not have: {string.Join(", ", citing)}");
    }

    [GeneratedRegex(@"SPEC(\.md)?\s*§|\.\./shared/SPEC", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideContract();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetFullPath(path);

    private static string RepositoryRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
