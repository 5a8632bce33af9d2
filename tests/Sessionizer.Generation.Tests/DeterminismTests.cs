namespace Sessionizer.Generation.Tests;

public sealed class DeterminismTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_same_seed_gives_byte_identical_files(bool gzip)
    {
        var settings = Generated.Settings(visits: 60, hours: 2) with { ClosingPageRate = 0.01 };
        Generated.Write(_temp.Combine("a"), settings, gzip);
        Generated.Write(_temp.Combine("b"), settings, gzip);

        var a = Generated.Files(_temp.Combine("a"));
        var b = Generated.Files(_temp.Combine("b"));

        Assert.Equal(2 * settings.FilesPerHour, a.Count);
        Assert.Equal(a.Select(f => f.Path), b.Select(f => f.Path));
        for (var i = 0; i < a.Count; i++)
        {
            Assert.True(a[i].Bytes.AsSpan().SequenceEqual(b[i].Bytes), $"{a[i].Path} differs");
        }
    }

    [Fact]
    public void The_files_do_not_depend_on_the_number_of_threads()
    {
        var settings = Generated.Settings(visits: 200);
        Generated.Write(_temp.Combine("one"), settings, gzip: true, parallelism: 1);
        Generated.Write(_temp.Combine("many"), settings, gzip: true, parallelism: 8);

        Assert.Equal(
            Generated.Files(_temp.Combine("one")).Select(f => Convert.ToHexString(f.Bytes)),
            Generated.Files(_temp.Combine("many")).Select(f => Convert.ToHexString(f.Bytes)));
    }

    [Fact]
    public void A_different_seed_gives_different_files()
    {
        Generated.Write(_temp.Combine("a"), Generated.Settings(seed: 1));
        Generated.Write(_temp.Combine("b"), Generated.Settings(seed: 2));

        var a = Generated.Files(_temp.Combine("a"));
        var b = Generated.Files(_temp.Combine("b"));

        Assert.All(a.Zip(b), pair => Assert.False(pair.First.Bytes.AsSpan().SequenceEqual(pair.Second.Bytes)));
    }
}
