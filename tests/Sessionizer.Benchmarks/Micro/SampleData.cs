using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Generation;

namespace Sessionizer.Benchmarks.Micro;

/// <summary>
/// Realistic input for the benchmarks, made by the generator of <c>sessionizer generate</c> (same
/// seed, same lines): its pages, metadata, anomalies and a few malformed lines.
/// </summary>
internal static class SampleData
{
    public static readonly Window Window = Window.Parse("2026-11-20T10");

    /// <summary>
    /// <paramref name="count"/> JSON lines (without their line feeds) of <paramref name="visits"/>
    /// concurrent visits, delivered in one hour: about 650 lines per visit per hour, so 7,700 visits
    /// make the 5 M lines an hour of the end-to-end benchmark, and 160 spread 100 k lines over an hour.
    /// </summary>
    public static byte[][] Lines(int count, int visits)
    {
        var settings = new GenerationSettings
        {
            Start = Window,
            Visits = visits,
            Seed = 1,
            FilesPerHour = 1,
            MaxEvents = count,
            LateFraction = 0,
        };
        var simulator = new VisitSimulator(settings);
        var lines = new List<byte[]>(count);
        simulator.Run(chunk =>
        {
            chunk.Format();
            var text = chunk.Lines(0).Span;
            int feed;
            while ((feed = text.IndexOf((byte)'\n')) >= 0)
            {
                lines.Add(text[..feed].ToArray());
                text = text[(feed + 1)..];
            }

            simulator.Recycle(chunk);
        });
        return [.. lines];
    }

    /// <summary>The valid visits of <paramref name="lines"/>, in input order.</summary>
    public static Visit[] Visits(byte[][] lines, VisitParser parser)
    {
        var visits = new List<Visit>(lines.Length);
        foreach (var line in lines)
        {
            if (parser.Parse(line, out var visit, out _) == LineKind.Visit)
            {
                visits.Add(visit);
            }
        }

        return [.. visits];
    }

    /// <summary>The sessions of <paramref name="visits"/> (sorted and deduplicated in place) under the default rules.</summary>
    public static List<Session> Sessions(Visit[] visits, Vocabulary vocabulary)
    {
        var kept = Sessionization.SortAndDeduplicate(visits, vocabulary);
        var sessions = new List<Session>();
        Sessionization.Split(visits.AsMemory(0, kept), vocabulary, SessionRules.Default, Window, sessions.Add);
        return sessions;
    }
}
