namespace Sessionizer.Core.Visits;

/// <summary>
/// A line's four metadata values as their UTF-8 bytes, before interning: a value that is absent or
/// not a string is null (its bit in <see cref="Strings"/> clear), as the reader's path makes it.
/// </summary>
internal ref struct MetadataText
{
    public const int SiteBit = 1;
    public const int ApiVersionBit = 2;
    public const int BrowserBit = 4;
    public const int LanguageBit = 8;

    public ReadOnlySpan<byte> Site;
    public ReadOnlySpan<byte> ApiVersion;
    public ReadOnlySpan<byte> Browser;
    public ReadOnlySpan<byte> Language;

    /// <summary>Which of the four are strings: the bits above.</summary>
    public int Strings;
}
