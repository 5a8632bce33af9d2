using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sessionizer.Core.Records;

/// <summary>Reads and writes manifests with source-generated System.Text.Json code (no run-time reflection).</summary>
public static class ManifestJson
{
    public static byte[] Serialize(Manifest manifest)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.Manifest);
        return [.. bytes, (byte)'\n'];
    }

    /// <summary>
    /// Reads a manifest. A manifest is read from a folder other systems can write to, so what the job
    /// would never write is refused here, once for every reader (docs/reference.md §4.6): a null where
    /// the job writes a value (System.Text.Json lets a null into any member), a file path that could
    /// lead outside its root (absolute, or with an empty, "." or ".." segment), a negative size or count.
    /// </summary>
    /// <exception cref="JsonException">The bytes are not a manifest.</exception>
    public static Manifest Deserialize(ReadOnlySpan<byte> utf8)
    {
        var manifest = JsonSerializer.Deserialize(utf8, ManifestJsonContext.Default.Manifest)
            ?? throw new JsonException("The manifest is empty (null).");
        Check(manifest);
        return manifest;
    }

    private static void Check(Manifest m)
    {
        Require(m.Window, "window");
        Require(m.Engine, "engine");
        Require(m.Version, "version");
        var parameters = Require(m.Parameters, "parameters");
        Require(parameters.InactivityTimeout, "parameters.inactivity_timeout");
        Require(parameters.MaxSessionDuration, "parameters.max_session_duration");
        foreach (var page in Require(parameters.ClosingPages, "parameters.closing_pages"))
        {
            Require(page, "parameters.closing_pages[]");
        }

        Require(parameters.CompressionLevel, "parameters.compression_level");
        var input = Require(m.Input, "input");
        Require(input.Root, "input.root");
        Files(input.Files, "input.files", opened: false);
        if (m.Previous is { Files: { } previous })
        {
            Files(previous, "previous.files", opened: false);
        }

        var counts = Require(m.Counts, "counts");
        long[] values =
        [
            counts.InputLines, counts.BlankLines, counts.ValidEvents, counts.Rejected, counts.Duplicates, counts.EventsBeforeWindow,
            counts.EventsAfterWindow, counts.PreviousActiveSessions, counts.PreviousInactiveRecordsIgnored, counts.ActiveSessions, counts.ClosedSessions,
            .. Require(counts.RejectedByReason, "counts.rejected_by_reason").Values, .. Require(counts.ClosedByReason, "counts.closed_by_reason").Values,
        ];
        if (values.Any(v => v < 0))
        {
            throw new JsonException("The manifest has a negative count.");
        }

        Files(m.Outputs, "outputs", opened: true);
    }

    /// <summary>
    /// Checks a list of files. Only the outputs are opened (joined to the output root), so only their
    /// paths must be plain relative paths; the input and previous-state paths are names compared as
    /// text, and builds before the input hardening wrote some as <c>a//b.json</c> or <c>../x.json</c> (a file named
    /// with backslashes), which must still read. No list names a file twice.
    /// </summary>
    private static void Files(IReadOnlyList<ManifestFile>? files, string name, bool opened)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Require(files, name))
        {
            var path = Require(Require(file, name + "[]").Path, name + "[].path");
            if (opened && (path.Length == 0 || path[0] == '/' || path.Split('/').Any(segment => segment is "" or "." or "..")))
            {
                throw new JsonException($"The manifest's {name} names a path that is not a plain relative path: '{path}'.");
            }

            if (!seen.Add(path))
            {
                throw new JsonException($"The manifest's {name} names {path} twice.");
            }

            if (file.Bytes < 0 || file.Records < 0)
            {
                throw new JsonException($"The manifest's {name} gives {path} a negative size or record count.");
            }
        }
    }

    private static T Require<T>(T? value, string name) where T : class =>
        value ?? throw new JsonException($"The manifest has no value for {name}.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
