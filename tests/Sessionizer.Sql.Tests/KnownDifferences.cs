using System.Text;
using System.Text.Json;
using Sessionizer.Core.Visits;

namespace Sessionizer.Sql.Tests;

/// <summary>The predicates of the <see cref="KnownDifference"/> kinds, over a line's text.</summary>
internal static class KnownDifferences
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = VisitParser.MaxNesting };

    public static KnownDifference Of(string line)
    {
        using var document = TryParse(line);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return KnownDifference.None;
        }

        var properties = document.RootElement.EnumerateObject().ToList();
        if (properties.Count(p => NameIs(p, "source")) > 1 || properties.Count(p => NameIs(p, "technical")) > 1)
        {
            return KnownDifference.RepeatedMetadataObject;
        }

        return properties.Any(p => NameIs(p, "event_time") && IsLongEscapedString(p.Value))
            ? KnownDifference.LongEscapedEventTime
            : KnownDifference.None;
    }

    /// <summary>The line with its (last) event_time string written without escapes: what the SQL answers for the escaped one.</summary>
    public static string Unescaped(string line)
    {
        using var document = TryParse(line)!;
        var eventTime = document.RootElement.EnumerateObject().Last(p => NameIs(p, "event_time")).Value;
        return line.Replace(eventTime.GetRawText(), "\"" + eventTime.GetString() + "\"", StringComparison.Ordinal);
    }

    private static bool IsLongEscapedString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = value.GetRawText();
        return raw.Contains('\\', StringComparison.Ordinal) && Encoding.UTF8.GetByteCount(raw) - 2 > 64;
    }

    private static bool NameIs(JsonProperty property, string name)
    {
        try
        {
            return property.NameEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false; // an escaped lone surrogate in the name
        }
    }

    private static JsonDocument? TryParse(string line)
    {
        try
        {
            return JsonDocument.Parse(line, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
