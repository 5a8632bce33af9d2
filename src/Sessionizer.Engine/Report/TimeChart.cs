using System.Globalization;
using System.Text;

namespace Sessionizer.Engine.Report;

/// <summary>A place on the time axis: a window (committed or not readable), or a run of windows without a manifest.</summary>
/// <param name="Label">Under the bar: the hour (<c>10</c>), or <c>gap</c>.</param>
/// <param name="Day">Under the label, where the day changes: <c>11-20</c>.</param>
/// <param name="Window">The window; null for a run of missing windows.</param>
/// <param name="Title">The window, or the run of missing windows, in full.</param>
internal sealed record Slot(string Label, string? Day, WindowReport? Window, string Title);

/// <summary>A series of a time chart (stacked in order) and its colour.</summary>
internal sealed record Series(string Name, string Color, Func<WindowReport, long> Value)
{
    /// <summary>Whether the legend shows the sum over the windows (a flow), or the last value (a state).</summary>
    public bool Summed { get; init; } = true;
}

/// <summary>Bar charts over the windows of the range, as inline SVG, with the value of each bar written above it where it fits.</summary>
internal static class TimeChart
{
    private const double Width = 1100, Height = 210, Left = 64, Right = 12, Top = 22, Bottom = 40;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The slots of the range: one per window with a manifest (or an unreadable one), one per run of missing windows.</summary>
    public static List<Slot> Slots(IReadOnlyList<WindowReport> windows)
    {
        var slots = new List<Slot>();
        string? day = null;
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (w.State is WindowState.Gap or WindowState.NotCommitted)
            {
                var j = i;
                while (j + 1 < windows.Count && windows[j + 1].State is WindowState.Gap or WindowState.NotCommitted)
                {
                    j++;
                }

                var title = i == j ? $"{w.Window}: {w.State.Label()}" : $"{w.Window} to {windows[j].Window}: {j - i + 1} windows {w.State.Label()}";
                slots.Add(new Slot(i == j ? w.Window.Start.ToString("HH", Invariant) : "gap", null, null, title));
                day = null;
                i = j;
                continue;
            }

            var thisDay = w.Window.Start.ToString("MM-dd", Invariant);
            slots.Add(new Slot(w.Window.Start.ToString("HH", Invariant), thisDay != day ? thisDay : null, w, w.Window.ToString()));
            day = thisDay;
        }

        return slots;
    }

    /// <summary>Writes the chart: stacked bars of <paramref name="series"/> per slot; slots that <paramref name="flag"/> names are marked.</summary>
    public static void Write(StringBuilder sb, string id, string ariaLabel, IReadOnlyList<Slot> slots, IReadOnlyList<Series> series, ISet<Slot>? flag = null)
    {
        var totals = slots.Select(s => s.Window is { Manifest: not null } w ? series.Total(x => x.Value(w)) : 0).ToList();
        var max = totals.Count == 0 ? 0 : totals.Max();
        var (top, step) = Scale(max);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slotWidth = plotWidth / Math.Max(1, slots.Count);
        var barWidth = Math.Min(56, Math.Max(1, slotWidth * 0.72));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(26 / slotWidth));
        var values = slotWidth >= 34;

        sb.Append(Invariant, $"<svg class=\"chart time\" data-chart=\"{id}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html.Text(ariaLabel)}\" preserveAspectRatio=\"xMinYMin meet\">");
        for (var v = 0L; ; v += step)
        {
            var y = Top + plotHeight - (plotHeight * v / (double)top);
            sb.Append(Invariant, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            sb.Append(Invariant, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Html.Compact(v, trim: true)}</text>");
            if (v > top - step)
            {
                break; // the next tick would pass the top (or the largest long)
            }
        }

        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var cx = Left + (slotWidth * (i + 0.5));
            var x = cx - (barWidth / 2);
            if (flag?.Contains(slot) == true)
            {
                sb.Append(Invariant, $"<rect class=\"flag\" x=\"{cx - (slotWidth / 2):0.##}\" y=\"{Top - 18}\" width=\"{slotWidth:0.##}\" height=\"{plotHeight + 18}\"/>");
            }

            if (slot.Window is not { Manifest: not null } w)
            {
                var kind = slot.Window is null ? "missing" : "unreadable";
                sb.Append(Invariant, $"<rect class=\"{kind}\" x=\"{x:0.##}\" y=\"{Top}\" width=\"{barWidth:0.##}\" height=\"{plotHeight}\"><title>{Html.Text(slot.Title)}</title></rect>");
            }
            else
            {
                var y = Top + plotHeight;
                foreach (var s in series)
                {
                    var value = s.Value(w);
                    if (value <= 0)
                    {
                        continue;
                    }

                    // A stack whose sum saturated at the largest long (the top) would rise above the plot: it stops at its top.
                    var h = Math.Min(Math.Max(1, plotHeight * value / (double)top), y - Top);
                    if (h <= 0)
                    {
                        continue;
                    }

                    y -= h;
                    sb.Append(Invariant, $"<rect class=\"mark\" x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{barWidth:0.##}\" height=\"{h:0.##}\" fill=\"{s.Color}\"><title>{Html.Text(slot.Title)} {Html.Text(s.Name)}: {Html.Number(value)}</title></rect>");
                }

                if (values)
                {
                    var cls = flag?.Contains(slot) == true ? "value flagged" : "value";
                    sb.Append(Invariant, $"<text class=\"{cls}\" x=\"{cx:0.##}\" y=\"{y - 4:0.##}\" text-anchor=\"middle\">{Html.Compact(totals[i])}</text>");
                }
            }

            if (i % labelEvery == 0 || slot.Window is null)
            {
                sb.Append(Invariant, $"<text class=\"axis\" x=\"{cx:0.##}\" y=\"{Height - Bottom + 15}\" text-anchor=\"middle\">{Html.Text(slot.Label)}</text>");
            }

            if (slot.Day is not null)
            {
                sb.Append(Invariant, $"<text class=\"axis day\" x=\"{cx - (slotWidth / 2) + 2:0.##}\" y=\"{Height - Bottom + 31}\">{slot.Day}</text>");
            }
        }

        sb.Append(Invariant, $"<line class=\"base\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotHeight}\" y2=\"{Top + plotHeight}\"/>");
        sb.Append("</svg>");
    }

    /// <summary>A round top for the axis (1, 2 or 5 times a power of ten, at least <paramref name="max"/>) and its tick step.</summary>
    internal static (long Top, long Step) Scale(long max)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var raw = max / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (long)Math.Max(1, new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw));

        // Rounded up to a multiple of the step without overflow (max + step - 1 wraps near long.MaxValue): beyond the largest long, the largest long.
        var top = max / step * step;
        if (top < max)
        {
            top = top > long.MaxValue - step ? long.MaxValue : top + step;
        }

        return (top, step);
    }
}
