using System.IO.Compression;

namespace Sessionizer.Core.Records;

/// <summary>
/// The names of the gzip levels, as <c>--compression-level</c> takes them and the manifest records them
/// (<see cref="ManifestParameters.CompressionLevel"/>): one table for both directions.
/// </summary>
public static class CompressionLevelNames
{
    /// <summary>The default level's name: chosen by measurement (README, Performance).</summary>
    public const string Default = "fastest";

    private static readonly (string Name, CompressionLevel Level)[] Levels =
    [
        (Default, CompressionLevel.Fastest),
        ("optimal", CompressionLevel.Optimal),
        ("smallest", CompressionLevel.SmallestSize),
        ("none", CompressionLevel.NoCompression),
    ];

    /// <summary>Every name, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Levels.Select(l => l.Name)];

    public static string NameOf(CompressionLevel level)
    {
        foreach (var (name, known) in Levels)
        {
            if (known == level)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(level), level, "not a gzip level");
    }

    public static CompressionLevel LevelOf(string name)
    {
        foreach (var (known, level) in Levels)
        {
            if (known == name)
            {
                return level;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "not one of " + string.Join(", ", All));
    }
}
