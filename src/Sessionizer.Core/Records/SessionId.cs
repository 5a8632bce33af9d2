using System.Globalization;
using System.Security.Cryptography;

namespace Sessionizer.Core.Records;

/// <summary>
/// A closed session's id: the first 32 lowercase hex digits of SHA-256 over <c>"{user_id}:{start ms}"</c>,
/// stable across reruns and engines.
/// </summary>
internal static class SessionId
{
    public static string Of(long userId, long startMs)
    {
        Span<byte> id = stackalloc byte[32];
        Write(userId, startMs, id);
        return System.Text.Encoding.ASCII.GetString(id);
    }

    /// <summary>Writes the 32 hex digits into <paramref name="destination"/> as ASCII bytes.</summary>
    public static void Write(long userId, long startMs, Span<byte> destination)
    {
        Span<byte> text = stackalloc byte[48];
        userId.TryFormat(text, out var n, provider: CultureInfo.InvariantCulture);
        text[n++] = (byte)':';
        startMs.TryFormat(text[n..], out var m, provider: CultureInfo.InvariantCulture);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(text[..(n + m)], hash);
        for (var i = 0; i < 16; i++)
        {
            destination[2 * i] = Hex(hash[i] >> 4);
            destination[(2 * i) + 1] = Hex(hash[i] & 0xF);
        }
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
