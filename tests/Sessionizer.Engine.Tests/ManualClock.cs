namespace Sessionizer.Engine.Tests;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when something waits on it: a timer created
/// with a due time moves the clock forward by that much at once and fires, so a follow that waits
/// an hour does so in no time. <see cref="OnWait"/> lets a test act at each wait (write a marker,
/// release a lock, cancel); <see cref="Waits"/> records each wait's length.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = start;

    /// <summary>Called at each wait, after the clock moved and before the wait ends, with the wait's index (0, 1, ...).</summary>
    public Action<int>? OnWait { get; set; }

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer();
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return timer;
        }

        int index;
        lock (_gate)
        {
            _now += dueTime;
            _waits.Add(dueTime);
            index = _waits.Count - 1;
        }

        OnWait?.Invoke(index);

        // Fired apart: the caller (Task.Delay) has not stored its timer yet.
        ThreadPool.QueueUserWorkItem(_ =>
        {
            if (!timer.Disposed)
            {
                callback(state);
            }
        });
        return timer;
    }

    private sealed class Timer : ITimer
    {
        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
