using Sessionizer.Core.Time;

namespace Sessionizer.Generation;

/// <summary>What to generate. The same settings give the same events, line for line.</summary>
public sealed record GenerationSettings
{
    /// <summary>The first hour generated.</summary>
    public required Window Start { get; init; }

    public int Hours { get; init; } = 1;

    /// <summary>Visits in progress at any time: each ends after 120–600 s and is replaced by a new one.</summary>
    public int Visits { get; init; } = 10_000;

    public ulong Seed { get; init; } = 1;

    /// <summary>Part files per hour folder; lines are dealt to them in turn.</summary>
    public int FilesPerHour { get; init; } = 4;

    /// <summary>Stop after this many lines (null: generate the whole range).</summary>
    public long? MaxEvents { get; init; }

    public AnomalyRates Anomalies { get; init; } = AnomalyRates.Default;

    /// <summary>The fraction of events delivered late: written into the next hour's folder (never past the last hour).</summary>
    public double LateFraction { get; init; } = 0.01;

    /// <summary>The chance that an event (not a visit's first) is the page <c>logout</c>, which ends the visit.</summary>
    public double ClosingPageRate { get; init; }

    /// <summary>The end of the range, exclusive.</summary>
    public long EndMs => Start.StartMs + (Hours * 3_600_000L);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Hours, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Visits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(FilesPerHour, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEvents ?? 1, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(LateFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LateFraction, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(ClosingPageRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ClosingPageRate, 1);
    }
}
