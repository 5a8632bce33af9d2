namespace Sessionizer.Engine.Runs;

/// <summary>
/// What an engine does for one window inside the flow of <see cref="WindowRunner"/>, which holds the
/// lock, finds the input files, reads the previous state, and writes the manifest and commits: read
/// and validate the input, pass the data-quality gate (<see cref="QualityGate"/>), sessionize, and
/// write the three parts into the staging folders. The local engine does it in this process; the SQL
/// engines run the SQL plan.
/// </summary>
public abstract class WindowEngine
{
    /// <summary>The engine's name, as <c>--engine</c> and the manifest give it.</summary>
    public abstract string Name { get; }

    public abstract WindowProduct Produce(WindowWork work, CancellationToken cancel);
}
