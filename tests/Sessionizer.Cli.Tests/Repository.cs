namespace Sessionizer.Cli.Tests;

/// <summary>Finds files of this repository (the README, the samples) from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sessionizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sessionizer.sln not found above " + AppContext.BaseDirectory);
    }
}
