using System.Buffers;
using System.Text.Unicode;

namespace Sessionizer.Core.Visits;

/// <summary>
/// Interns page names and metadata, so that a window of millions of events holds each distinct
/// string once and visits can refer to them by number. Every instance reads and writes the one
/// process-wide table (<see cref="Interned"/>): an instance is a handle, cheap to make, and a string
/// interned through one is the same object through any other. Thread-safe.
/// </summary>
public sealed class Vocabulary
{
    private const int StackChars = 256;

    /// <summary>Number of distinct strings interned in this process.</summary>
    public int StringCount => Interned.StringCount;

    public string Intern(ReadOnlySpan<char> value) => Interned.StringOf(Interned.IdOf(value));

    public string Intern(string value) => Interned.StringOf(Interned.IdOf(value));

    /// <summary>Interns a UTF-8 string; returns null when the bytes are not valid UTF-8 (e.g. a lone surrogate).</summary>
    public string? InternUtf8(ReadOnlySpan<byte> utf8)
    {
        var id = IdOfUtf8(utf8);
        return id == Interned.Null ? null : Interned.StringOf(id);
    }

    /// <summary>The interned metadata of these values.</summary>
    public VisitMetadata Metadata(string? site, string? apiVersion, string? browser, string? language) =>
        Interned.MetadataOf(Interned.MetadataIdOf(
            Interned.IdOrNull(site), Interned.IdOrNull(apiVersion), Interned.IdOrNull(browser), Interned.IdOrNull(language)));

    /// <summary>The id of a UTF-8 string, or <see cref="Interned.Null"/> when the bytes are not valid UTF-8.</summary>
    internal static int IdOfUtf8(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        var buffer = utf8.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            var status = Utf8.ToUtf16(utf8, buffer, out _, out var written, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? Interned.IdOf(buffer[..written]) : Interned.Null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
