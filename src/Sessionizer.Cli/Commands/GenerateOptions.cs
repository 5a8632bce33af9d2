using System.CommandLine;
using System.Globalization;
using Sessionizer.Generation;

namespace Sessionizer.Cli.Commands;

/// <summary>The options of <c>sessionizer generate</c> that no other command has.</summary>
internal static class GenerateOptions
{
    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "Random seed: the same seed and options give byte-identical files.",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            {
                return seed;
            }

            result.AddError($"--seed: '{text}' is not a whole number >= 0.");
            return default;
        },
    };

    public static Option<long?> Events() => new("--events")
    {
        Description = "Stop after writing N lines, wherever that falls in the range (for benchmarks).",
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var events) && events > 0)
            {
                return events;
            }

            result.AddError($"--events: '{text}' is not a whole number > 0.");
            return null;
        },
    };

    public static Option<AnomalyRates> Anomalies() => new("--anomalies")
    {
        Description = "Damage rates, as name=rate pairs (names left out keep their default) or none. Per visit, accepted by " +
            "the job: incomplete (two of device, network, browser, source null), inconsistent (two of them in another shape). " +
            "Per line, rejected by the job: malformed (cut short: malformed_json), missing (no user_id, event_time or page: missing_*).",
        HelpName = "rates",
        DefaultValueFactory = _ => AnomalyRates.Default,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (AnomalyRates.TryParse(text, out var rates, out var error))
            {
                return rates;
            }

            result.AddError($"--anomalies: {error}.");
            return AnomalyRates.Default;
        },
    };
}
