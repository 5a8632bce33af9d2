using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.State;

namespace Sessionizer.Engine.Runs;

/// <summary>One window's work for an engine.</summary>
/// <param name="Files">The window's input files, or null when its folder is missing (and that is allowed).</param>
/// <param name="State">The previous state, read and checked by the flow.</param>
/// <param name="Vocabulary">The strings of the window's visits; the state's are in it already.</param>
/// <param name="Staging">The staging folder of each kind of output (<see cref="Output.OutputLayout.DataKinds"/>).</param>
public sealed record WindowWork(
    Window Window, IReadOnlyList<InputFile>? Files, PreviousState State, RunSettings Settings, Vocabulary Vocabulary,
    IReadOnlyDictionary<string, string> Staging);
