using System.Buffers.Binary;
using System.IO.Compression;

namespace Sessionizer.Engine.Tests;

/// <summary>
/// A strict check of the gzip files the engine writes, independent of it: whole gzip members (RFC 1952)
/// one after another, nothing else, each with a trailer whose CRC-32 and size match its decompressed
/// bytes. .NET's GZipStream alone is not enough: it reads a cut or empty file as a clean end of data.
/// </summary>
internal static class GzipMember
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Decompresses a file of one or more gzip members (parts compressed in parallel are several), checking each.</summary>
    public static byte[] Decompress(byte[] file)
    {
        Assert.True(file.Length >= 18, $"a gzip member is at least 18 bytes, this file has {file.Length}");
        using var all = new MemoryStream();
        var offset = 0;
        while (offset < file.Length)
        {
            offset = DecompressMember(file, offset, all);
        }

        return all.ToArray();
    }

    /// <summary>Checks and decompresses the member at <paramref name="start"/>; returns where the next one starts.</summary>
    private static int DecompressMember(byte[] file, int start, MemoryStream output)
    {
        Assert.True(file.Length - start >= 18, $"a gzip member is at least 18 bytes, {file.Length - start} are left");
        Assert.True(file[start] == 0x1F && file[start + 1] == 0x8B && file[start + 2] == 8, "not a gzip (deflate) header");
        var flags = file[start + 3];
        Assert.True((flags & 0xE0) == 0, "reserved gzip flags set");
        var offset = start + 10;
        if ((flags & 0x04) != 0)
        {
            offset += 2 + BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(offset));
        }

        foreach (var flag in new[] { 0x08, 0x10 })
        {
            if ((flags & flag) != 0)
            {
                offset = Array.IndexOf(file, (byte)0, offset) + 1;
            }
        }

        if ((flags & 0x02) != 0)
        {
            offset += 2;
        }

        // The member ends where the file ends or where the next member's header starts, at the first
        // such place whose preceding 8 bytes are the trailer of what lies between.
        for (var next = offset + 8; next <= file.Length; next++)
        {
            if (next < file.Length && !(file.Length - next >= 3 && file[next] == 0x1F && file[next + 1] == 0x8B && file[next + 2] == 8))
            {
                continue;
            }

            if (TryInflate(file.AsSpan(offset, next - 8 - offset), out var bytes)
                && BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(next - 8)) == Crc32(bytes)
                && BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(next - 4)) == (uint)bytes.Length)
            {
                output.Write(bytes);
                return next;
            }
        }

        Assert.Fail($"the gzip member at byte {start} has no trailer that matches its data");
        return file.Length;
    }

    private static bool TryInflate(ReadOnlySpan<byte> compressed, out byte[] bytes)
    {
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
            using var content = new MemoryStream();
            deflate.CopyTo(content);
            bytes = content.ToArray();
            return true;
        }
        catch (InvalidDataException)
        {
            bytes = [];
            return false;
        }
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
