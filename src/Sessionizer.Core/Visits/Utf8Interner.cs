using System.Runtime.InteropServices;

namespace Sessionizer.Core.Visits;

/// <summary>
/// A single-threaded cache in front of the interning table: finds the id of UTF-8 bytes by hashing
/// the bytes, without transcoding them and without a lock. Each parser has its own, so parsers on
/// several threads never contend; a miss goes to the shared table once.
/// </summary>
internal sealed class Utf8Interner
{
    private readonly Dictionary<byte[], int> _known = new(new Utf8KeyComparer());
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public Utf8Interner() => _lookup = _known.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The id of the string of these bytes, or <see cref="Interned.Null"/> when they are not valid UTF-8.</summary>
    public int IdOf(ReadOnlySpan<byte> utf8)
    {
        if (_lookup.TryGetValue(utf8, out var known))
        {
            return known;
        }

        var id = Vocabulary.IdOfUtf8(utf8);
        if (id != Interned.Null)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_known, utf8.ToArray(), out _) = id;
        }

        return id;
    }

    private sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}
