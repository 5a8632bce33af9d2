using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sessionizer.Core.Records;

namespace Sessionizer.Core.Tests;

public partial class SessionIdTests
{
    /// <summary>The definition of docs/reference.md §4.2, computed independently of the code under test.</summary>
    private static string Expected(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex LowercaseHex32();

    [Fact]
    public void The_id_is_the_first_32_hex_digits_of_the_SHA256_of_user_colon_start()
    {
        var id = SessionId.Of(1, 1_548_671_205_000);

        Assert.Equal(Expected("1:1548671205000"), id);
        Assert.Matches(LowercaseHex32(), id);
    }

    [Theory]
    [InlineData(1L, 0L, "1:0")]
    [InlineData(42L, -1L, "42:-1")]
    [InlineData(9_223_372_036_854_775_807L, 9_223_372_036_854_775_807L, "9223372036854775807:9223372036854775807")]
    [InlineData(123_456L, 253_402_300_799_999L, "123456:253402300799999")]
    public void Any_user_and_start_give_the_hash_of_their_decimal_text(long userId, long startMs, string text)
    {
        var id = SessionId.Of(userId, startMs);

        Assert.Equal(Expected(text), id);
        Assert.Matches(LowercaseHex32(), id);
    }

    [Fact]
    public void Write_puts_the_same_32_ASCII_digits_into_a_span()
    {
        Span<byte> bytes = stackalloc byte[32];

        SessionId.Write(1, 1_548_671_205_000, bytes);

        Assert.Equal(Expected("1:1548671205000"), Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void The_id_is_stable_and_differs_by_user_and_by_start()
    {
        Assert.Equal(SessionId.Of(1, 1_548_671_205_000), SessionId.Of(1, 1_548_671_205_000));
        Assert.NotEqual(SessionId.Of(1, 1_548_671_205_000), SessionId.Of(2, 1_548_671_205_000));
        Assert.NotEqual(SessionId.Of(1, 1_548_671_205_000), SessionId.Of(1, 1_548_671_205_001));
        // "1:11" and "11:1" must not collide: the separator is part of the text.
        Assert.NotEqual(SessionId.Of(1, 11), SessionId.Of(11, 1));
    }
}
