using System.IO.Compression;
using Sessionizer.Core.Records;

namespace Sessionizer.Core.Tests;

/// <summary>The gzip level names of <c>--compression-level</c> and the manifest, both ways from one table.</summary>
public class CompressionLevelNamesTests
{
    [Theory]
    [InlineData("fastest", CompressionLevel.Fastest)]
    [InlineData("optimal", CompressionLevel.Optimal)]
    [InlineData("smallest", CompressionLevel.SmallestSize)]
    [InlineData("none", CompressionLevel.NoCompression)]
    public void A_name_and_its_level_map_both_ways(string name, CompressionLevel level)
    {
        Assert.Equal(level, CompressionLevelNames.LevelOf(name));
        Assert.Equal(name, CompressionLevelNames.NameOf(level));
    }

    [Fact]
    public void The_default_is_listed_first_and_is_the_manifests_default()
    {
        Assert.Equal(["fastest", "optimal", "smallest", "none"], CompressionLevelNames.All);
        Assert.Equal(CompressionLevelNames.Default, CompressionLevelNames.All[0]);
        Assert.Equal(CompressionLevelNames.Default, new ManifestParameters
        {
            InactivityTimeout = "5m",
            MaxSessionDuration = "1d",
            ClosingPages = [],
            MaxRejectedFraction = 0.01,
            AllowMissingInput = false,
            NoPreviousState = false,
        }.CompressionLevel);
    }

    [Fact]
    public void An_unknown_name_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CompressionLevelNames.LevelOf("Fastest"));
}
