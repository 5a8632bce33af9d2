using System.Runtime.CompilerServices;

namespace Sessionizer.Core.Visits;

/// <summary>
/// The parsers' open-addressing caches (<see cref="Utf8Interner"/>, <see cref="MetadataCache"/>): entries
/// placed by hash with linear probing, grown at half full, found by <see cref="Find"/> (a Dictionary
/// through an alternate comparer cost three times as much per lookup). Single-threaded.
/// </summary>
internal sealed class HashSlots<T, TKey>(int capacity)
    where T : struct, IHashSlot<TKey>
    where TKey : allows ref struct
{
    private int _count;

    /// <summary>The slots; a power of two long.</summary>
    public T[] Entries { get; private set; } = new T[capacity];

    /// <summary>
    /// The slot that holds <paramref name="key"/>, or else the empty slot where the probe from
    /// <c>hash &amp; (length - 1)</c> ended: the caller tests <see cref="IHashSlot{TKey}.IsEmpty"/>, and
    /// adds the key there with <see cref="Add"/> (which makes the reference stale).
    /// </summary>
    /// <remarks>
    /// The one probe loop of the three lookups (strings, metadata by text, metadata by ids), which were
    /// three loops written out by hand; it is on the per-line path. Generic over struct types, so the JIT
    /// compiles it for each table, and inlined with the entry's <c>Holds</c>: each lookup's machine code is
    /// the hand-written loop's, give or take block order (DOTNET_JitDisasm: 493 and 1403 bytes against 487
    /// and 1396, no call added, no more stack use), and VisitParserBenchmarks (in process, three alternating
    /// runs on the shared 2-core machine) gave 324-343 ns per line against 353-364 ns for the three loops.
    /// The key goes by reference: a key struct holding a copy of <see cref="MetadataText"/> (four spans)
    /// made the metadata lookup keep it on the stack and grow to 1725 bytes of code.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Find(ulong hash, scoped in TKey key)
    {
        var entries = Entries;
        var mask = entries.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            ref var entry = ref entries[slot];
            if (entry.IsEmpty || (entry.Hash == hash && entry.Holds(in key)))
            {
                return ref entry;
            }
        }
    }

    public void Add(in T entry)
    {
        if (++_count * 2 > Entries.Length)
        {
            var larger = new T[Entries.Length * 2];
            foreach (var old in Entries)
            {
                if (!old.IsEmpty)
                {
                    Place(larger, old);
                }
            }

            Entries = larger;
        }

        Place(Entries, entry);
    }

    private static void Place(T[] entries, in T entry)
    {
        var mask = entries.Length - 1;
        var slot = (int)entry.Hash & mask;
        while (!entries[slot].IsEmpty)
        {
            slot = (slot + 1) & mask;
        }

        entries[slot] = entry;
    }
}
