namespace Sessionizer.Engine.Input;

/// <summary>An entry a walk did not take, and why (one line, for the log).</summary>
/// <param name="RelativePath">The entry's path relative to the walk's root, with '/'.</param>
/// <param name="Reason">E.g. "not a regular file (FIFO)".</param>
public sealed record IgnoredEntry(string RelativePath, string Reason);
