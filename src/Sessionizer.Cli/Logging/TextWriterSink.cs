using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Sessionizer.Cli.Logging;

/// <summary>Writes log events to a TextWriter (standard error, or a test's StringWriter).</summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
