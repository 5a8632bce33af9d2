using System.Security.Cryptography;
using Sessionizer.Core.Records;

namespace Sessionizer.Core.Tests;

public sealed class Sha256BlockTests
{
    [Fact]
    public void The_one_block_hash_equals_the_platform_sha256_for_every_length_up_to_55_bytes()
    {
        var random = new Random(5);
        Span<byte> ours = stackalloc byte[32];
        for (var length = 0; length <= Sha256Block.MaxMessageBytes; length++)
        {
            for (var trial = 0; trial < 50; trial++)
            {
                var message = new byte[length];
                random.NextBytes(message);
                Sha256Block.Hash(message, ours);
                Assert.Equal(SHA256.HashData(message), ours.ToArray());
            }
        }
    }

    [Fact]
    public void A_message_longer_than_one_block_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Sha256Block.Hash(new byte[56], new byte[32]));
    }
}
