using System.Security.Cryptography;
using System.Text.Json;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.State;

/// <summary>
/// The state a window committed, as its manifest lists it: the active-sessions files to read, the
/// checks each must pass, and the lineage a window that consumes them records. Every flow reads it
/// alike, whatever its file system (<paramref name="ManifestBytes"/> are read by the caller).
/// </summary>
public sealed record CommittedState(Window Window, string ManifestPath, byte[] ManifestBytes, IReadOnlyList<ManifestFile> Files)
{
    /// <summary>
    /// Reads the manifest of <paramref name="window"/>; <paramref name="readIfExists"/> gives the file's
    /// bytes, or null when there is none: then the window is not committed ("input not ready").
    /// </summary>
    public static CommittedState Read(Window window, string manifestPath, Func<string, byte[]?> readIfExists)
    {
        var bytes = readIfExists(manifestPath) ?? throw new RunFailedException(RunFailure.InputNotReady,
            $"Window {window} is not committed (no manifest at {manifestPath}): run window {window} first, " +
            "or pass --no-previous-state if this is the first window.");
        Manifest manifest;
        try
        {
            manifest = ManifestJson.Deserialize(bytes);
        }
        catch (JsonException e)
        {
            throw new RunFailedException(RunFailure.Failed, $"The manifest of window {window} ({manifestPath}) is not readable: {e.Message}", e);
        }

        var prefix = OutputLayout.ActiveSessions + "/";
        return new CommittedState(window, manifestPath, bytes, manifest.Outputs.Where(o => o.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList());
    }

    /// <summary>What a window that consumed this state records of it.</summary>
    public ManifestPrevious Lineage => new()
    {
        Window = Window.ToString(),
        ManifestSha256 = Convert.ToHexStringLower(SHA256.HashData(ManifestBytes)),
        Files = Files,
    };

    /// <summary>Fails the run (exit 1) when a state file read at <paramref name="path"/> is not the one the manifest committed.</summary>
    public void Check(ManifestFile file, string path, string sha256, Func<long> records)
    {
        if (file.Sha256 is not null && sha256 != file.Sha256)
        {
            throw new RunFailedException(RunFailure.Failed,
                $"State file {path} does not match the manifest of window {Window}: SHA-256 {sha256}, manifest says {file.Sha256}.");
        }

        if (file.Records is { } expected && records() is var actual && actual != expected)
        {
            throw new RunFailedException(RunFailure.Failed,
                $"State file {path} holds {actual} records, the manifest of window {Window} says {expected}.");
        }
    }
}
