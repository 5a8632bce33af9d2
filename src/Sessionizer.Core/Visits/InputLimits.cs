namespace Sessionizer.Core.Visits;

/// <summary>Size limits of input lines (docs/reference.md §2.5).</summary>
public static class InputLimits
{
    /// <summary>A line longer than this (in bytes, without its line end) is rejected as <c>line_too_long</c>.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>A rejected record keeps at most this many bytes of the raw line.</summary>
    public const int MaxRawBytes = 64 * 1024;
}
