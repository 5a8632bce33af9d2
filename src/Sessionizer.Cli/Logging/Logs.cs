using System.Globalization;
using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Sessionizer.Cli.Logging;

/// <summary>
/// Builds the Serilog logger: readable text, or compact log event format (CLEF: one JSON object per
/// line, <c>@t</c>, <c>@mt</c>, <c>@l</c>, <c>@x</c> and the properties at the top level), always to
/// standard error (standard output stays free). The fields an orchestrator relies on are listed in
/// docs/reference.md §6.8.
/// </summary>
internal static class Logs
{
    private const string TextTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3} {Message:lj}{NewLine}{Exception}";

    /// <param name="format">The --log-format value: "json", or "text".</param>
    /// <param name="progress">The live progress line, which each log line clears first (text logs on a terminal only).</param>
    public static ILogger Create(string? format, TextWriter error, bool verbose = false, ProgressLine? progress = null)
    {
        ITextFormatter formatter = format == "json"
            ? new CompactJsonFormatter()
            : new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture);
        return new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Information)
            .Enrich.WithProperty("App", "sessionizer")
            .WriteTo.Sink(new TextWriterSink(error, formatter, progress))
            .CreateLogger();
    }
}
