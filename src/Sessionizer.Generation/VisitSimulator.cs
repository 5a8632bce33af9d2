using System.Collections.Concurrent;
using Sessionizer.Core.Time;

namespace Sessionizer.Generation;

/// <summary>
/// Simulates <see cref="GenerationSettings.Visits"/> concurrent visits, in event-time order, with one
/// random stream seeded from <see cref="GenerationSettings.Seed"/>: the same settings give the same
/// events. A visit lasts 120–600 s; its events come 1–10 s apart, each on a page linked from the
/// previous one; when it ends, its slot starts a new visit of a new random user, so sessions end
/// by inactivity (or by <c>logout</c>, when closing pages are asked for).
/// </summary>
internal sealed class VisitSimulator
{
    private const long HourMs = 3_600_000;
    private const int MinGapMs = 1_000;
    private const int MaxGapMs = 10_000;
    private const int MinVisitMs = 120_000;
    private const int MaxVisitMs = 600_000;

    // A timing wheel of one bucket per millisecond, larger than the longest gap, so that every
    // scheduled event has its own turn of the wheel: O(1) per event, where a heap of 50 000 visits
    // would cost about 16 comparisons per event.
    private const int WheelSize = 1 << 14;
    private const int WheelMask = WheelSize - 1;

    private readonly GenerationSettings _settings;
    private readonly ConcurrentQueue<EventChunk> _free = new();
    private readonly Xoshiro256 _random;
    private readonly VisitProfile[] _visit;
    private readonly long[] _visitEndMs;
    private readonly short[] _page;
    private readonly int[] _wheel = new int[WheelSize];
    private readonly int[] _nextInBucket;
    private readonly List<GeneratedEvent> _late = [];
    private EventChunk? _chunk;
    private bool _stopped;

    public VisitSimulator(GenerationSettings settings)
    {
        settings.Validate();
        _settings = settings;
        _random = new Xoshiro256(settings.Seed);
        _visit = new VisitProfile[settings.Visits];
        _visitEndMs = new long[settings.Visits];
        _page = new short[settings.Visits];
        _nextInBucket = new int[settings.Visits];
    }

    public GenerationCounts Counts { get; } = new();

    /// <summary>
    /// Runs the simulation to the end of the range (or <see cref="GenerationSettings.MaxEvents"/>),
    /// handing out each chunk of events, in order, to <paramref name="emit"/>. Late events are held
    /// back and handed out at the start of the next hour, in that hour's chunks. Runs once.
    /// </summary>
    public void Run(Action<EventChunk> emit, CancellationToken cancel = default)
    {
        if (Counts.Lines > 0 || _chunk is not null)
        {
            throw new InvalidOperationException("A simulator runs once; create another for another run.");
        }

        var startMs = _settings.Start.StartMs;
        var endMs = _settings.EndMs;
        var lastHourMs = endMs - HourMs;
        Array.Fill(_wheel, -1);
        for (var slot = 0; slot < _visit.Length; slot++)
        {
            // Visits start spread over the first gap, not all in the same millisecond.
            var first = startMs + _random.NextInt(MaxGapMs);
            StartVisit(slot, first);
            Schedule(slot, first);
        }

        _chunk = Rent(_settings.Start);
        var now = startMs;
        while (!_stopped)
        {
            while (_wheel[(int)(now & WheelMask)] < 0)
            {
                now++;
            }

            if (now >= endMs)
            {
                break;
            }

            var slot = _wheel[(int)(now & WheelMask)];
            _wheel[(int)(now & WheelMask)] = _nextInBucket[slot];

            if (now >= _chunk.Hour.EndMs)
            {
                cancel.ThrowIfCancellationRequested();
                NextHour(Window.Containing(now), emit);
                if (_stopped)
                {
                    break;
                }
            }

            var e = NextEvent(slot, now);
            if (now < lastHourMs && _random.Chance(_settings.LateFraction))
            {
                _late.Add(e);
            }
            else
            {
                Add(e, emit);
            }

            var next = now + _random.NextInt(MinGapMs, MaxGapMs);
            if (e.Page == SiteMap.Logout || next > _visitEndMs[slot])
            {
                StartVisit(slot, next);
            }

            Schedule(slot, next);
        }

        if (_chunk.Count > 0)
        {
            emit(_chunk);
        }

        _chunk = null;
    }

    /// <summary>Gives a written chunk back for reuse. Thread-safe.</summary>
    public void Recycle(EventChunk chunk) => _free.Enqueue(chunk);

    private GeneratedEvent NextEvent(int slot, long now)
    {
        var previous = _page[slot];
        short page;
        if (previous < 0)
        {
            page = (short)_random.NextInt(SiteMap.PageCount);
            CountVisit(_visit[slot]);
        }
        else if (_settings.ClosingPageRate > 0 && _random.Chance(_settings.ClosingPageRate))
        {
            page = SiteMap.Logout;
        }
        else
        {
            var links = SiteMap.Links[previous];
            page = links[_random.NextInt(links.Length)];
        }

        _page[slot] = page;
        var damage = LineDamage.None;
        byte cut = 0;
        var rates = _settings.Anomalies;
        var draw = _random.NextDouble();
        if (draw < rates.Malformed)
        {
            damage = LineDamage.Truncated;
            cut = (byte)_random.NextInt(256);
        }
        else if (draw < rates.Malformed + rates.Missing)
        {
            damage = (LineDamage)((int)LineDamage.MissingUserId + _random.NextInt(3));
        }

        return new GeneratedEvent(_visit[slot], now, previous, page, damage, cut);
    }

    private void StartVisit(int slot, long firstMs)
    {
        _visit[slot] = VisitProfiles.Create(_random, _settings.Anomalies);
        _visitEndMs[slot] = firstMs + _random.NextInt(MinVisitMs, MaxVisitMs);
        _page[slot] = -1;
    }

    /// <summary>Counts a visit at its first event: a visit drawn at the end of the range has none.</summary>
    private void CountVisit(VisitProfile visit)
    {
        Counts.VisitsStarted++;
        if (visit.Anomaly == VisitAnomaly.Incomplete)
        {
            Counts.IncompleteVisits++;
        }
        else if (visit.Anomaly == VisitAnomaly.Inconsistent)
        {
            Counts.InconsistentVisits++;
        }
    }

    private void Schedule(int slot, long atMs)
    {
        var bucket = (int)(atMs & WheelMask);
        _nextInBucket[slot] = _wheel[bucket];
        _wheel[bucket] = slot;
    }

    /// <summary>Hands out the last chunk of the hour before, then starts the hour with the events held back as late.</summary>
    private void NextHour(Window hour, Action<EventChunk> emit)
    {
        if (_chunk!.Count > 0)
        {
            emit(_chunk);
            _chunk = Rent(hour);
        }
        else
        {
            _chunk.Reset(hour);
        }

        foreach (var e in _late)
        {
            Counts.LateLines++;
            Add(e, emit);
            if (_stopped)
            {
                break;
            }
        }

        _late.Clear();
    }

    private void Add(in GeneratedEvent e, Action<EventChunk> emit)
    {
        if (_chunk!.IsFull)
        {
            emit(_chunk);
            _chunk = Rent(_chunk.Hour);
        }

        _chunk.Add(e);
        var counts = Counts;
        counts.Lines++;
        switch (e.Damage)
        {
            case LineDamage.Truncated:
                counts.MalformedLines++;
                break;
            case LineDamage.None:
                break;
            default:
                counts.MissingFieldLines++;
                break;
        }

        if (e.Page == SiteMap.Logout)
        {
            counts.ClosingPages++;
        }

        _stopped = counts.Lines == _settings.MaxEvents;
    }

    private EventChunk Rent(Window hour)
    {
        if (!_free.TryDequeue(out var chunk))
        {
            chunk = new EventChunk(_settings.FilesPerHour);
        }

        chunk.Reset(hour);
        return chunk;
    }
}
