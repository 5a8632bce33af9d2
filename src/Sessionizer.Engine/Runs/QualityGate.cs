using System.Globalization;
using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;

namespace Sessionizer.Engine.Runs;

/// <summary>
/// The data-quality gate (SPEC §5): when rejected lines exceed the allowed fraction of the input
/// lines, the window fails and commits nothing, with counts per reason and a few examples.
/// </summary>
internal static class QualityGate
{
    private const int Examples = 5;

    public static void Check(Window window, WindowInput input, double maxRejectedFraction)
    {
        var counts = input.Counts;
        if (counts.Lines == 0 || counts.Rejected <= maxRejectedFraction * counts.Lines)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture,
            $"Window {window}: {counts.Rejected} of {counts.Lines} input lines rejected ({(double)counts.Rejected / counts.Lines:P2}), ");
        message.Append(CultureInfo.InvariantCulture, $"over --max-rejected-fraction {maxRejectedFraction}; nothing was committed. By reason: ");
        message.AppendJoin(", ", RejectionReasons.All.Where(r => counts.RejectedFor(r) > 0).Select(r => $"{r.Code()} {counts.RejectedFor(r)}"));
        message.Append(". Examples: ");
        message.AppendJoin(", ", input.Rejected.Take(Examples).Select(Describe));
        message.Append('.');
        throw new RunFailedException(RunFailure.QualityGate, message.ToString());
    }

    private static string Describe(RejectedRecord r) => $"{r.File}:{r.Line.ToString(CultureInfo.InvariantCulture)} {r.Reason.Code()}";
}
