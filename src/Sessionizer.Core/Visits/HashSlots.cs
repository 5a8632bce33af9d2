namespace Sessionizer.Core.Visits;

/// <summary>
/// The storage of the parsers' open-addressing caches: entries placed by hash with linear probing,
/// grown at half full. Each cache walks <see cref="Entries"/> from slot <c>hash &amp; (length - 1)</c>
/// on with its own key comparison (a Dictionary through an alternate comparer cost three times as much per
/// lookup); this holds what they share. Single-threaded.
/// </summary>
internal sealed class HashSlots<T>(int capacity)
    where T : struct, IHashSlot
{
    private int _count;

    /// <summary>The slots; a power of two long.</summary>
    public T[] Entries { get; private set; } = new T[capacity];

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
