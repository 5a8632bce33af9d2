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

    /// <exception cref="JsonException">The bytes are not a manifest.</exception>
    public static Manifest Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ManifestJsonContext.Default.Manifest)
        ?? throw new JsonException("The manifest is empty (null).");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
