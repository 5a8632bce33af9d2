using Sessionizer.Core.Records;
using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Runs;

/// <summary>A committed window: its manifest and how long the run took.</summary>
public sealed record WindowOutcome(Window Window, Manifest Manifest, TimeSpan Elapsed);
