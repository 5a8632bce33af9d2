namespace Sessionizer.Generation;

/// <summary>What a generation produced; lines are counted when they are handed out to be written.</summary>
public sealed class GenerationCounts
{
    public long Lines { get; internal set; }

    /// <summary>Lines cut short on purpose (the job rejects them as <c>malformed_json</c>).</summary>
    public long MalformedLines { get; internal set; }

    /// <summary>Lines without a required field (the job rejects them as <c>missing_*</c>).</summary>
    public long MissingFieldLines { get; internal set; }

    /// <summary>Lines written into the folder of the hour after their event time.</summary>
    public long LateLines { get; internal set; }

    /// <summary>Visits ended by the page <c>logout</c>.</summary>
    public long ClosingPages { get; internal set; }

    /// <summary>Visits with at least one event simulated (with their anomalies, below).</summary>
    public long VisitsStarted { get; internal set; }

    public long IncompleteVisits { get; internal set; }

    public long InconsistentVisits { get; internal set; }

    /// <summary>The lines the job will reject.</summary>
    public long RejectableLines => MalformedLines + MissingFieldLines;
}
