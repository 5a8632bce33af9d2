using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sessionizer.Core.Records;

namespace Sessionizer.Core.Tests;

public sealed class SessionIdTests
{
    [Fact]
    public void The_id_of_the_contracts_example_is_the_one_it_shows()
    {
        // docs/reference.md §4.2: user 1, start 2019-01-28T10:26:45Z.
        Assert.Equal("f1a12c1826900bf208f3a609eeaa8340", SessionId.Of(1, 1_548_671_205_000));
    }

    [Theory]
    [InlineData(1L, 0L)]
    [InlineData(long.MaxValue, long.MaxValue)]
    [InlineData(987_654_321L, 1_763_632_800_123L)]
    public void The_id_is_the_first_32_hex_digits_of_sha256_over_user_colon_start(long user, long start)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{user}:{start}");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

        Assert.Equal(expected, SessionId.Of(user, start));
    }
}
