using Sessionizer.Core.Visits;

namespace Sessionizer.Engine.Input;

/// <summary>What reading a window's input counted. Lines are non-blank lines: valid + rejected.</summary>
public sealed class InputCounts
{
    private readonly long[] _rejectedByReason = new long[RejectionReasons.All.Count];

    public long Lines => ValidEvents + Rejected;

    public long BlankLines { get; private set; }

    public long ValidEvents { get; private set; }

    public long Rejected { get; private set; }

    public long EventsBeforeWindow { get; private set; }

    public long EventsAfterWindow { get; private set; }

    public long RejectedFor(RejectionReason reason) => _rejectedByReason[(int)reason];

    /// <summary>Counts worked out elsewhere (by a SQL engine); <paramref name="rejectedByReason"/> in the order of <see cref="RejectionReasons.All"/>.</summary>
    public static InputCounts Of(long blankLines, long validEvents, long eventsBeforeWindow, long eventsAfterWindow, IReadOnlyList<long> rejectedByReason)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(rejectedByReason.Count, RejectionReasons.All.Count);
        var counts = new InputCounts
        {
            BlankLines = blankLines,
            ValidEvents = validEvents,
            EventsBeforeWindow = eventsBeforeWindow,
            EventsAfterWindow = eventsAfterWindow,
            Rejected = rejectedByReason.Sum(),
        };
        for (var i = 0; i < rejectedByReason.Count; i++)
        {
            counts._rejectedByReason[i] = rejectedByReason[i];
        }

        return counts;
    }

    internal void CountBlank() => BlankLines++;

    internal void CountValid(bool beforeWindow, bool afterWindow)
    {
        ValidEvents++;
        EventsBeforeWindow += beforeWindow ? 1 : 0;
        EventsAfterWindow += afterWindow ? 1 : 0;
    }

    internal void CountRejected(RejectionReason reason)
    {
        Rejected++;
        _rejectedByReason[(int)reason]++;
    }

    internal void Add(InputCounts other)
    {
        BlankLines += other.BlankLines;
        ValidEvents += other.ValidEvents;
        Rejected += other.Rejected;
        EventsBeforeWindow += other.EventsBeforeWindow;
        EventsAfterWindow += other.EventsAfterWindow;
        for (var i = 0; i < _rejectedByReason.Length; i++)
        {
            _rejectedByReason[i] += other._rejectedByReason[i];
        }
    }
}
