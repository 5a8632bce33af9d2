using System.Globalization;
using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace Sessionizer.Cli.Logging;

/// <summary>Builds the Serilog logger: readable text or JSON Lines, always to standard error (standard output stays free).</summary>
internal static class Logs
{
    private const string TextTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3} {Message:lj}{NewLine}{Exception}";

    /// <param name="format">The --log-format value: "json", or "text".</param>
    public static ILogger Create(string? format, TextWriter error, bool verbose = false)
    {
        ITextFormatter formatter = format == "json"
            ? new JsonFormatter(renderMessage: true, formatProvider: CultureInfo.InvariantCulture)
            : new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture);
        return new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Information)
            .Enrich.WithProperty("App", "sessionizer")
            .WriteTo.Sink(new TextWriterSink(error, formatter))
            .CreateLogger();
    }
}
