namespace Sessionizer.Engine.Input;

/// <summary>A regular file found by <see cref="FileTree.Walk"/>.</summary>
/// <param name="RealPath">Where it really is (links resolved): what is opened.</param>
/// <param name="RelativePath">The first path (in ordinal order) that leads to it, relative to the walk's root, with '/'.</param>
/// <param name="Bytes">Its size when it was found.</param>
internal readonly record struct FoundFile(string RealPath, string RelativePath, long Bytes);
