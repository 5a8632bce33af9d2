using System.Buffers.Binary;
using System.IO.Compression;

namespace Sessionizer.Engine.Tests;

/// <summary>
/// A strict check of the gzip files the engine writes, independent of it: one gzip member (RFC 1952),
/// nothing after it, and a trailer whose CRC-32 and size match the decompressed bytes. .NET's
/// GZipStream alone is not enough: it reads a cut or empty file as a clean end of data.
/// </summary>
internal static class GzipMember
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Decompress(byte[] file)
    {
        Assert.True(file.Length >= 18, $"a gzip member is at least 18 bytes, this file has {file.Length}");
        Assert.True(file[0] == 0x1F && file[1] == 0x8B && file[2] == 8, "not a gzip (deflate) header");
        Assert.True((file[3] & 0xE0) == 0, "reserved gzip flags set");
        var offset = 10;
        if ((file[3] & 0x04) != 0)
        {
            offset += 2 + BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(offset));
        }

        foreach (var flag in new[] { 0x08, 0x10 })
        {
            if ((file[3] & flag) != 0)
            {
                offset = Array.IndexOf(file, (byte)0, offset) + 1;
            }
        }

        if ((file[3] & 0x02) != 0)
        {
            offset += 2;
        }

        using var deflate = new DeflateStream(new MemoryStream(file, offset, file.Length - offset - 8), CompressionMode.Decompress);
        using var content = new MemoryStream();
        deflate.CopyTo(content);
        var bytes = content.ToArray();

        var trailer = file.AsSpan(file.Length - 8);
        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(trailer), Crc32(bytes));
        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]), (uint)bytes.Length);
        return bytes;
    }

    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
