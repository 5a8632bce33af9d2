using System.CommandLine;
using System.Globalization;
using Sessionizer.Core.Time;

namespace Sessionizer.Cli.Commands;

/// <summary>Options shared by the commands, with parsers that turn bad values into usage errors (exit 2).</summary>
internal static class CliOptions
{
    /// <summary>What <see cref="Core.Time.Window.IsRunnable"/> means, for messages.</summary>
    public static readonly string WindowRange =
        $"windows go from {Core.Time.Window.First} to {Core.Time.Window.Last} (a window's previous and next hours must be dates too)";

    public static Option<Window?> Window(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-ddTHH",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (!Core.Time.Window.TryParse(text, out var window))
            {
                result.AddError($"{name}: '{text}' is not a window; write yyyy-MM-ddTHH (or yyyy-MM-dd HH), e.g. 2026-11-20T10.");
                return null;
            }

            if (!window.IsRunnable)
            {
                result.AddError($"{name}: {window} is out of range: {WindowRange}.");
                return null;
            }

            return window;
        },
    };

    /// <summary>Adds the usage error "--to T is before --from F" (with the options' names) when both are given, are windows, and are in that order.</summary>
    public static void RequireOrder(System.CommandLine.Parsing.CommandResult result, Option<Window?> from, Option<Window?> to)
    {
        if (Core.Time.Window.TryParse(result.GetResult(from)?.Tokens.FirstOrDefault()?.Value, out var f)
            && Core.Time.Window.TryParse(result.GetResult(to)?.Tokens.FirstOrDefault()?.Value, out var t) && t < f)
        {
            result.AddError($"{to.Name} {t} is before {from.Name} {f}.");
        }
    }

    /// <summary>A positive duration; null when not given (the default is shown in help as it is written: 5m, not 00:05:00).</summary>
    public static Option<TimeSpan?> Duration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = $"{description} [default: {Core.Time.Duration.Format(defaultValue)}]",
        HelpName = "duration",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (Core.Time.Duration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
            {
                return duration;
            }

            result.AddError($"{name}: '{text}' is not a positive duration; write a whole number and a unit: 300ms, 90s, 5m, 2h or 1d.");
            return null;
        },
    };

    public static Option<double> Fraction(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        HelpName = "fraction",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1)
            {
                return value;
            }

            result.AddError($"{name}: '{text}' is not a fraction between 0 and 1, e.g. 0.01.");
            return default;
        },
    };

    public static Option<int> Positive(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            result.AddError($"{name}: '{text}' is not a whole number > 0.");
            return default;
        },
    };

    public static Option<string> LogFormat() =>
        OneOf("--log-format", "Logs on standard error: text (for people; on a terminal, with a live progress line) or json (compact log event format, CLEF: one object per line).", "text", "json");

    /// <summary>A word from a fixed list; the first is the default. Tab completion offers the list.</summary>
    public static Option<string> OneOf(string name, string description, params string[] allowed)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', allowed),
            DefaultValueFactory = _ => allowed[0],
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
                if (text is not null && allowed.Contains(text, StringComparer.Ordinal))
                {
                    return text;
                }

                result.AddError($"{name}: '{text}' is not one of {string.Join(", ", allowed)}.");
                return allowed[0];
            },
        };
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>A folder; naming a file is a usage error, and so is a folder that does not exist when <paramref name="mustExist"/>.</summary>
    public static Option<string> Directory(string name, string description, bool required, bool mustExist = false)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "dir", Required = required };
        option.Validators.Add(result =>
        {
            var path = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (path is null)
            {
                return;
            }

            if (File.Exists(path))
            {
                result.AddError($"{name} {path} is a file; give a folder.");
            }
            else if (FileAbove(path) is { } file)
            {
                result.AddError($"{name} {path} lies under {file}, which is a file; give a folder.");
            }
            else if (mustExist && !System.IO.Directory.Exists(path))
            {
                result.AddError($"{name} {path} does not exist.");
            }
        });
        return option;
    }

    /// <summary>The nearest existing entry above <paramref name="path"/> when it is a file (the folder could never be made), else null.</summary>
    private static string? FileAbove(string path)
    {
        for (var above = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))); above is not null; above = Path.GetDirectoryName(above))
        {
            if (File.Exists(above))
            {
                return above;
            }

            if (System.IO.Directory.Exists(above))
            {
                return null;
            }
        }

        return null;
    }
}
