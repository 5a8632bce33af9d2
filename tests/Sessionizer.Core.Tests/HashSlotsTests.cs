using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

/// <summary>The one probe of the parsers' caches: linear from the hash's slot, wrapping, across growth.</summary>
public class HashSlotsTests
{
    [Fact]
    public void Keys_of_the_same_hash_are_each_found_past_the_end_of_the_table_and_after_it_grows()
    {
        var slots = new HashSlots<Entry, int>(8);
        const ulong lastSlot = 7; // the probe wraps from slot 7 to slot 0
        for (var key = 1; key <= 40; key++)
        {
            ref var free = ref slots.Find(lastSlot, key);
            Assert.True(free.IsEmpty);
            slots.Add(new Entry(lastSlot, key, key * 10));

            for (var known = 1; known <= key; known++)
            {
                ref var found = ref slots.Find(lastSlot, known);
                Assert.False(found.IsEmpty);
                Assert.Equal(known * 10, found.Value);
            }
        }

        Assert.Equal(128, slots.Entries.Length);
        Assert.True(slots.Find(lastSlot, 41).IsEmpty);
        Assert.True(slots.Find(lastSlot + 1, 1).IsEmpty); // another hash: its own (empty) slot, not key 1's
    }

    private readonly record struct Entry(ulong Hash, int Key, int Value) : IHashSlot<int>
    {
        public bool IsEmpty => Value == 0;

        public bool Holds(scoped in int key) => Key == key;
    }
}
