using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;

namespace Sessionizer.Engine.Tests.Report;

/// <summary>An output root written by hand: manifests and closed-session parts, with exactly the records a test wants.</summary>
internal sealed class HandMadeOutputs : IDisposable
{
    private readonly TempDirectory _temp = new();

    public string Root => _temp.Path;

    public static string PartPath(Window window) => $"closed-sessions/{window.PartitionPath}/part-00000.json.gz";

    /// <summary>A manifest that consumed the (hand-made) committed state of the window before it: current by lineage.</summary>
    public static Manifest Chained(Manifest manifest)
    {
        var previous = Sessionizer.Core.Time.Window.Parse(manifest.Window).Previous;
        return manifest with
        {
            Parameters = manifest.Parameters with { NoPreviousState = false },
            Previous = new ManifestPrevious
            {
                Window = previous.ToString(),
                ManifestSha256 = new string('0', 64),
                Files = [new ManifestFile { Path = $"active-sessions/{previous.PartitionPath}/part-00000.json", Bytes = 0, Records = 3, Sha256 = new string('0', 64) }],
            },
        };
    }

    public string FullPath(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// Commits <paramref name="window"/> with these closed-session lines (gzip) and a manifest
    /// that records them; <paramref name="change"/> adjusts the manifest.
    /// </summary>
    public void Commit(Window window, IReadOnlyList<string> closedLines, Func<Manifest, Manifest>? change = null, byte[]? partBytes = null)
    {
        var bytes = partBytes ?? Files.Gzip(Files.Lines(closedLines));
        var part = FullPath(PartPath(window));
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        File.WriteAllBytes(part, bytes);
        var manifest = Manifest(window, closedLines.Count, bytes);
        manifest = change?.Invoke(manifest) ?? manifest;
        Directory.CreateDirectory(FullPath("manifests"));
        File.WriteAllBytes(FullPath($"manifests/{window}.json"), ManifestJson.Serialize(manifest));
    }

    public static Manifest Manifest(Window window, long closed, byte[] partBytes) => new()
    {
        Window = window.ToString(),
        Engine = "local",
        Version = "0.1.0",
        Parameters = new ManifestParameters
        {
            InactivityTimeout = "5m",
            MaxSessionDuration = "1d",
            ClosingPages = [],
            MaxRejectedFraction = 0.01,
            AllowMissingInput = false,
            NoPreviousState = true,
        },
        Started = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero),
        Finished = new DateTimeOffset(2026, 11, 29, 10, 0, 1, TimeSpan.Zero),
        Input = new ManifestInput { Root = "/nonexistent/sessionizer-report-test/in", Missing = false, Files = [] },
        Counts = new ManifestCounts
        {
            InputLines = 1000,
            ValidEvents = 990,
            Rejected = 10,
            RejectedByReason = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["malformed_json"] = 6, ["missing_page"] = 4 },
            ClosedSessions = closed,
            ActiveSessions = 3,
            ClosedByReason = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["closing_action"] = 0, ["inactivity"] = closed, ["max_duration"] = 0 },
        },
        Outputs =
        [
            new ManifestFile { Path = $"active-sessions/{window.PartitionPath}/part-00000.json", Bytes = 0, Records = 3, Sha256 = new string('0', 64) },
            new ManifestFile { Path = PartPath(window), Bytes = partBytes.Length, Records = closed, Sha256 = Convert.ToHexStringLower(SHA256.HashData(partBytes)) },
        ],
    };

    /// <summary>
    /// A closed-session line in the writer's form (docs/reference.md §4.2): strings written raw
    /// where JSON allows (so non-ASCII stays UTF-8), <paramref name="events"/> pages.
    /// </summary>
    public static string Closed(long user, long durationMs, int events, string entry, string exit, string? site, string? browser, Window? window = null)
    {
        var w = window ?? Window.Parse("2026-11-20T10");
        var start = w.StartMs;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{{\"session_id\":\"{new string('a', 32)}\",\"user_id\":{user},\"start\":{Time(start)},\"end\":{Time(start + durationMs)},");
        sb.Append(CultureInfo.InvariantCulture, $"\"duration_ms\":{durationMs},\"event_count\":{events},\"entry_page\":{Str(entry)},\"exit_page\":{Str(exit)},\"pages\":[");
        for (var i = 0; i < events; i++)
        {
            var page = i == 0 ? entry : i == events - 1 ? exit : "middle";
            sb.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"event_time\":{Time(start)},\"page\":{Str(page)},\"time_on_page_ms\":{(i == events - 1 ? "null" : "0")}}}");
        }

        sb.Append(CultureInfo.InvariantCulture, $"],\"site\":{Str(site)},\"api_version\":\"v3\",\"browser\":{Str(browser)},\"language\":null,\"end_reason\":\"inactivity\",\"window\":\"{w}\"}}");
        return sb.ToString();
    }

    private static string Time(long ms) => $"\"{DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"";

    /// <summary>A JSON string in the one text form: only <c>"</c>, <c>\</c> and controls escaped.</summary>
    public static string Str(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                < ' ' => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The same record with its fields in reverse order and spaces after the separators: not the writer's form.</summary>
    public static string Reordered(string line)
    {
        using var document = JsonDocument.Parse(line);
        var fields = document.RootElement.EnumerateObject().Reverse().Select(p => $"{JsonSerializer.Serialize(p.Name)}: {p.Value.GetRawText()}");
        return "{ " + string.Join(", ", fields) + " }";
    }

    public void Dispose() => _temp.Dispose();
}
