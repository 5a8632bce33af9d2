using System.Globalization;
using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Engine.Lineage;

namespace Sessionizer.Cli.Commands;

/// <summary>
/// The <c>sessionizer run</c> commands that reprocess stale windows, as they can be run: one per
/// stretch of consecutive stale windows (no gap) with the same recorded parameters and input root,
/// each with those parameters (the non-default ones) and shell-quoted paths.
/// </summary>
internal static class ReprocessCommands
{
    /// <summary>A stretch of stale windows and its command; <see cref="MissingPrevious"/>: the window whose state it needs and which is not committed.</summary>
    public sealed record Stretch(Window First, Window Last, string Command, Window? MissingPrevious)
    {
        public string Windows => First == Last ? First.ToString() : $"{First}..{Last}";
    }

    /// <summary>The stretches of stale windows from <paramref name="from"/> on; <paramref name="report"/> covers all committed windows.</summary>
    public static List<Stretch> Of(LineageReport report, Window from, string outputRoot)
    {
        var committed = report.Windows.Select(w => w.Window).ToHashSet();
        var stretches = new List<Stretch>();
        WindowStatus? first = null;
        WindowStatus? last = null;
        (string Root, string Options)? alike = null;
        foreach (var status in report.Windows.Where(w => w.Window >= from))
        {
            // Windows are run alike when they read the same input root with the same parameters.
            (string Root, string Options)? statusAlike = status.IsStale ? (status.Manifest!.Input.Root, Options(status.Manifest!)) : null;
            if (first is not null && (statusAlike != alike || status.Window != last!.Window.Next))
            {
                stretches.Add(Command(first, last!, alike!.Value.Options, outputRoot, committed));
                first = null;
            }

            if (statusAlike is not null)
            {
                first ??= status;
                last = status;
                alike = statusAlike;
            }
        }

        if (first is not null)
        {
            stretches.Add(Command(first, last!, alike!.Value.Options, outputRoot, committed));
        }

        return stretches;
    }

    private static Stretch Command(WindowStatus first, WindowStatus last, string options, string outputRoot, HashSet<Window> committed)
    {
        var range = first.Window == last.Window ? $"--window {first.Window}" : $"--from {first.Window} --to {last.Window}";
        var command = $"sessionizer run {range} --input {Quote(first.Manifest!.Input.Root)} --output {Quote(Path.GetFullPath(outputRoot))}{options}";

        // A stale window never started without state (that would not make it stale), so its previous window's state is needed.
        var previous = first.Window.Previous;
        return new Stretch(first.Window, last.Window, command, committed.Contains(previous) ? null : previous);
    }

    /// <summary>The recorded parameters that differ from the defaults, as options; equal strings mean equal parameters.</summary>
    private static string Options(Manifest manifest)
    {
        var p = manifest.Parameters;
        var options = new StringBuilder();
        if (p.InactivityTimeout != Duration.Format(SessionRules.DefaultInactivityTimeout))
        {
            options.Append(" --inactivity-timeout ").Append(Quote(p.InactivityTimeout));
        }

        if (p.MaxSessionDuration != Duration.Format(SessionRules.DefaultMaxSessionDuration))
        {
            options.Append(" --max-session-duration ").Append(Quote(p.MaxSessionDuration));
        }

        foreach (var page in p.ClosingPages)
        {
            options.Append(" --closing-page ").Append(Quote(page));
        }

        if (p.MaxRejectedFraction != JobOptions.DefaultMaxRejectedFraction)
        {
            options.Append(" --max-rejected-fraction ").Append(p.MaxRejectedFraction.ToString("R", CultureInfo.InvariantCulture));
        }

        if (p.AllowMissingInput)
        {
            options.Append(" --allow-missing-input");
        }

        if (p.CompressionLevel != CompressionLevelNames.Default)
        {
            options.Append(" --compression-level ").Append(Quote(p.CompressionLevel));
        }

        if (manifest.Engine != "local")
        {
            options.Append(" --engine ").Append(Quote(manifest.Engine));
        }

        return options.ToString();
    }

    /// <summary>A word for a POSIX shell: as is when it has only safe characters, else in single quotes.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./_-".Contains(c, StringComparison.Ordinal)))
        {
            return word;
        }

        return "'" + word.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }
}
