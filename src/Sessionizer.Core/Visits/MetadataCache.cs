namespace Sessionizer.Core.Visits;

/// <summary>
/// A single-threaded cache in front of the interning table's metadata: the key is the four string
/// ids, packed in two numbers, hashed with two multiplications and found in an open-addressing
/// table with no lock (a Dictionary of tuples cost as much as scanning a third of the line).
/// </summary>
internal sealed class MetadataCache
{
    private Entry[] _entries = new Entry[64];
    private int _count;

    public int IdOf(int site, int apiVersion, int browser, int language)
    {
        var first = ((ulong)(uint)site << 32) | (uint)apiVersion;
        var second = ((ulong)(uint)browser << 32) | (uint)language;
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var slot = Slot(first, second, mask); ; slot = (slot + 1) & mask)
        {
            ref var entry = ref entries[slot];
            if (entry.Id == 0)
            {
                return Add(first, second, Interned.MetadataIdOf(site, apiVersion, browser, language));
            }

            if (entry.First == first && entry.Second == second)
            {
                return entry.Id - 1;
            }
        }
    }

    private int Add(ulong first, ulong second, int id)
    {
        if (++_count * 2 > _entries.Length)
        {
            var larger = new Entry[_entries.Length * 2];
            foreach (var entry in _entries)
            {
                if (entry.Id != 0)
                {
                    Place(larger, entry);
                }
            }

            _entries = larger;
        }

        Place(_entries, new Entry(first, second, id + 1));
        return id;
    }

    private static void Place(Entry[] entries, Entry entry)
    {
        var mask = entries.Length - 1;
        var slot = Slot(entry.First, entry.Second, mask);
        while (entries[slot].Id != 0)
        {
            slot = (slot + 1) & mask;
        }

        entries[slot] = entry;
    }

    private static int Slot(ulong first, ulong second, int mask)
    {
        var h = (first * 0x9E3779B97F4A7C15UL) ^ (second * 0xC2B2AE3D27D4EB4FUL);
        return (int)(h >> 40) & mask;
    }

    /// <summary>A cached key; <see cref="Id"/> is the metadata id plus one, so that 0 marks an empty slot.</summary>
    private readonly record struct Entry(ulong First, ulong Second, int Id);
}
