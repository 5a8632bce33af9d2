namespace Sessionizer.Core.Visits;

/// <summary>An entry of a <see cref="HashSlots{T}"/> table: its hash, and whether the slot is free.</summary>
internal interface IHashSlot
{
    ulong Hash { get; }

    bool IsEmpty { get; }
}
