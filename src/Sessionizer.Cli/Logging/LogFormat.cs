namespace Sessionizer.Cli.Logging;

/// <summary>How logs are written to standard error.</summary>
internal enum LogFormat
{
    /// <summary>One readable line per event, for people at a terminal.</summary>
    Text,

    /// <summary>One JSON object per line, for log collectors.</summary>
    Json,
}
