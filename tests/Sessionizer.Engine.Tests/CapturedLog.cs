using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Sessionizer.Engine.Tests;

/// <summary>A logger that keeps its warnings, rendered as the CLI's text log renders messages ("{Message:lj}").</summary>
internal sealed class CapturedLog : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Formatter = new("{Message:lj}");
    private readonly List<string> _warnings = [];

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

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level != LogEventLevel.Warning)
        {
            return;
        }

        using var text = new StringWriter();
        Formatter.Format(logEvent, text);
        lock (_warnings)
        {
            _warnings.Add(text.ToString());
        }
    }
}
