using System.Globalization;

namespace Sessionizer.Generation;

/// <summary>
/// How often generated data is damaged. Per visit (fixed for all its events): <see cref="Incomplete"/>
/// (two optional fields null) and <see cref="Inconsistent"/> (two optional fields of another shape);
/// the job accepts both. Per line: <see cref="Malformed"/> (cut short: <c>malformed_json</c>) and
/// <see cref="Missing"/> (a required field left out: <c>missing_*</c>); the job rejects both.
/// </summary>
public sealed record AnomalyRates(double Incomplete, double Inconsistent, double Malformed, double Missing)
{
    /// <summary>2 % of visits of each kind, as the reference generator; 0.1 % of lines of each kind,
    /// so that a default window stays well under the job's default 1 % quality gate.</summary>
    public static AnomalyRates Default { get; } = new(0.02, 0.02, 0.001, 0.001);

    public static AnomalyRates None { get; } = new(0, 0, 0, 0);

    /// <summary>
    /// Parses <c>none</c>, or <c>name=rate</c> pairs separated by commas, e.g.
    /// <c>incomplete=0.05,malformed=0</c>; the names not given keep their default rate.
    /// </summary>
    public static bool TryParse(string? text, out AnomalyRates rates, out string error)
    {
        rates = Default;
        error = "";
        if (string.Equals(text?.Trim(), "none", StringComparison.Ordinal))
        {
            rates = None;
            return true;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            error = "give name=rate pairs, e.g. incomplete=0.02,inconsistent=0.02,malformed=0.001,missing=0.001, or none";
            return false;
        }

        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                || rate is not (>= 0 and <= 1))
            {
                error = $"'{pair}' is not name=rate with a rate between 0 and 1";
                return false;
            }

            switch (parts[0])
            {
                case "incomplete":
                    rates = rates with { Incomplete = rate };
                    break;
                case "inconsistent":
                    rates = rates with { Inconsistent = rate };
                    break;
                case "malformed":
                    rates = rates with { Malformed = rate };
                    break;
                case "missing":
                    rates = rates with { Missing = rate };
                    break;
                default:
                    error = $"'{parts[0]}' is not one of incomplete, inconsistent, malformed, missing";
                    return false;
            }
        }

        // A visit has at most one anomaly and a line at most one damage, so each pair shares one draw.
        if (rates.Incomplete + rates.Inconsistent > 1 || rates.Malformed + rates.Missing > 1)
        {
            error = "incomplete + inconsistent, and malformed + missing, must each be at most 1";
            return false;
        }

        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"incomplete={Incomplete},inconsistent={Inconsistent},malformed={Malformed},missing={Missing}");
}
