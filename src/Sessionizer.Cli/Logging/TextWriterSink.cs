using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Sessionizer.Cli.Logging;

/// <summary>
/// Writes log events to a TextWriter (standard error, or a test's StringWriter), one flushed line each;
/// on a terminal, above the live progress line, which it clears first (<see cref="ProgressLine.WriteAbove"/>).
/// </summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter, ProgressLine? progress = null) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        if (progress is not null)
        {
            progress.WriteAbove(() => Write(logEvent));
            return;
        }

        lock (_gate)
        {
            Write(logEvent);
        }
    }

    private void Write(LogEvent logEvent)
    {
        formatter.Format(logEvent, writer);
        writer.Flush();
    }
}
