namespace Sessionizer.Core.Visits;

/// <summary>
/// An entry of a <see cref="HashSlots{T, TKey}"/> table: its hash, whether the slot is free, and whether
/// it holds a key (compared in place: the key is passed by reference, so a ref struct of spans such as
/// <see cref="MetadataText"/> is neither copied nor boxed).
/// </summary>
internal interface IHashSlot<TKey>
    where TKey : allows ref struct
{
    ulong Hash { get; }

    bool IsEmpty { get; }

    /// <summary>Whether this occupied entry, whose hash is the key's, holds <paramref name="key"/>.</summary>
    bool Holds(scoped in TKey key);
}
