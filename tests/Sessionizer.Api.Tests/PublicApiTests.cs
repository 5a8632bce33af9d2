using System.Reflection;
using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace Sessionizer.Api.Tests;

/// <summary>
/// Each library's public API, as PublicApiGenerator prints it, must equal its approved file in
/// <c>tests/Sessionizer.Api.Tests/approved/</c>. A change to the public surface fails here until the
/// file is updated (run with <c>SESSIONIZER_UPDATE_API=1</c> and review the diff): types are internal
/// unless another assembly of src needs them.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Libraries => new(
        "Sessionizer.Core", "Sessionizer.Engine", "Sessionizer.Sql", "Sessionizer.DuckDb", "Sessionizer.Generation", "sessionizer");

    [Theory]
    [MemberData(nameof(Libraries))]
    public void The_public_api_is_the_approved_one(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // Attributes that say nothing about the API, and differ between builds.
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");
        var approved = Path.Combine(SourceDirectory(), "approved", assemblyName + ".txt");

        if (Environment.GetEnvironmentVariable("SESSIONIZER_UPDATE_API") == "1")
        {
            File.WriteAllText(approved, api);
        }

        Assert.True(File.Exists(approved), $"No approved API for {assemblyName}: run the tests with SESSIONIZER_UPDATE_API=1 and review {approved}.");
        Assert.Equal(File.ReadAllText(approved).ReplaceLineEndings("\n"), api);
    }

    [Fact]
    public void The_command_line_program_has_no_public_type()
    {
        Assert.Empty(Assembly.Load("sessionizer").GetExportedTypes());
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
