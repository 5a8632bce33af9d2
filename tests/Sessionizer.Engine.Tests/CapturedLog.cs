using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Sessionizer.Engine.Tests;

/// <summary>A logger that keeps its warnings (and information lines), rendered as the CLI's text log renders messages ("{Message:lj}").</summary>
internal sealed class CapturedLog : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Formatter = new("{Message:lj}");
    private readonly List<string> _warnings = [];
    private readonly List<string> _informations = [];

    public CapturedLog() => Logger = new LoggerConfiguration().WriteTo.Sink(this).CreateLogger();

    public ILogger Logger { get; }

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }
    }

    public IReadOnlyList<string> Informations
    {
        get
        {
            lock (_warnings)
            {
                return [.. _informations];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var kept = logEvent.Level switch
        {
            LogEventLevel.Warning => _warnings,
            LogEventLevel.Information => _informations,
            _ => null,
        };
        if (kept is null)
        {
            return;
        }

        using var text = new StringWriter();
        Formatter.Format(logEvent, text);
        lock (_warnings)
        {
            kept.Add(text.ToString());
        }
    }
}
