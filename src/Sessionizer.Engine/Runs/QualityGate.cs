using System.Globalization;
using System.Text;
using Sessionizer.Core.Records;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;

namespace Sessionizer.Engine.Runs;

/// <summary>
/// The data-quality gate (docs/reference.md §5.7): when rejected lines exceed the allowed fraction of the input
/// lines, the window fails and commits nothing, with counts per reason and a few examples.
/// </summary>
public static class QualityGate
{
    private const int Examples = 5;

    /// <param name="rejected">The rejected lines in file and line order (the first few are quoted).</param>
    public static void Check(Window window, InputCounts counts, IEnumerable<RejectedRecord> rejected, double maxRejectedFraction)
    {
        // The ratio, not fraction * lines: 0.29 * 100 is 28.999999999999996 in binary floating point, which
        // would fail 29 rejected lines of 100 although they are exactly at the fraction. A correctly rounded
        // division of the counts gives the same double as the fraction whenever the two are equal.
        if (counts.Lines == 0 || (double)counts.Rejected / counts.Lines <= maxRejectedFraction)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture,
            $"Window {window}: {counts.Rejected} of {counts.Lines} input lines rejected ({(double)counts.Rejected / counts.Lines:P2}), ");
        message.Append(CultureInfo.InvariantCulture, $"over --max-rejected-fraction {maxRejectedFraction}; nothing was committed. By reason: ");
        message.AppendJoin(", ", RejectionReasons.All.Where(r => counts.RejectedFor(r) > 0).Select(r => $"{r.Code()} {counts.RejectedFor(r)}"));
        message.Append(". Examples: ");
        message.AppendJoin(", ", rejected.Take(Examples).Select(Describe));
        message.Append('.');
        throw new RunFailedException(RunFailure.QualityGate, message.ToString());
    }

    private static string Describe(RejectedRecord r) => $"{r.File}:{r.Line.ToString(CultureInfo.InvariantCulture)} {r.Reason.Code()}";
}
