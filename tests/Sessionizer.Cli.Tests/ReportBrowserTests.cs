using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Sessionizer.Cli.Tests;

/// <summary>
/// The report as a person sees it: the page of the sample windows (and of one window of hostile
/// strings) rendered by headless Chromium (Debian's <c>chromium</c>; CI installs it). The DOM after
/// the page's script has run must show every window with its manifest's counts, every chart with a
/// non-empty size, and no sign that a string from data ran as markup; a screenshot is taken. Not
/// skipped when Chromium is missing: it fails, saying how to install it.
/// </summary>
public sealed partial class ReportBrowserTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Lines of window 2026-11-20T13 whose page, site and browser would run script if they were not escaped.</summary>
    private static readonly string[] Hostile =
    [
        """{"user_id":900001,"event_time":"2026-11-20T13:10:00Z","page":{"current":"<script>document.documentElement.setAttribute('data-pwned','1')</script>"},"source":{"site":"<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">"},"technical":{"browser":"\"><svg onload=document.documentElement.setAttribute('data-pwned','3')>"}}""",
        """{"user_id":900001,"event_time":"2026-11-20T13:11:00Z","page":{"current":"</td></tr></table><b>bold</b>"}}""",
        """{"user_id":900002,"event_time":"2026-11-20T13:12:00Z","page":{"current":"&amp; &lt; \u0001 😀"}}""",
    ];

    [Fact]
    public void The_report_of_the_sample_windows_reads_right_in_a_browser()
    {
        var chromium = FindChromium();
        var input = _temp.Combine("in");
        CopyFolder(Repository.PathOf("samples", "logs"), input);
        InputLogs.Write(input, "2026-11-20T13", "hostile.json", Hostile);
        var output = _temp.Combine("out");
        var run = Cli.Run("run", "--from", "2026-11-20T10", "--to", "2026-11-20T13", "--input", input, "--output", output, "--no-previous-state");
        Assert.True(run.ExitCode == 0, run.Error);
        var page = _temp.Combine("report.html");
        var report = Cli.Run("report", "--output", output, "--out", page);
        Assert.True(report.ExitCode == 0, report.Error);

        var dom = Chromium(chromium, "--dump-dom", new Uri(page).AbsoluteUri + "?selftest");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-samples.png");
        File.Delete(screenshot);
        Chromium(chromium, $"--screenshot={screenshot}", "--window-size=1280,4000", "--hide-scrollbars", new Uri(page).AbsoluteUri);
        log.WriteLine($"screenshot: {screenshot}");

        // The page's script ran (it filled #selftest), and nothing from data did.
        Assert.Equal("<html lang=\"en\">", Regex.Match(dom, "<html[^>]*>").Value); // a script from data would have marked it
        Assert.DoesNotContain("<b>bold</b>", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;document.documentElement.setAttribute('data-pwned','1')&lt;/script&gt;", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;b&gt;bold&lt;/b&gt;", dom, StringComparison.Ordinal);

        // Text a person reads.
        var text = Regex.Replace(WebUtility.HtmlDecode(TagPattern().Replace(dom, " ")), @"\s+", " ");
        foreach (var expected in new[]
                 {
                     "Sessionizer report", "2026-11-20T10 to 2026-11-20T13 (4 windows)", "All 4 windows committed and current", "Valid events per window",
                     "Rejected lines per window, by reason", "Sessions closed per window, by end reason", "Session duration", "Events per session",
                     "End reasons", "Sessions per site", "Sessions per browser", "Top entry pages", "Top exit pages", "Run parameters", "Each window",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // Every window's numbers are its manifest's.
        long valid = 0, rejected = 0, closed = 0;
        foreach (var window in new[] { "2026-11-20T10", "2026-11-20T11", "2026-11-20T12", "2026-11-20T13" })
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "manifests", window + ".json")));
            var counts = manifest.RootElement.GetProperty("counts");
            var row = Regex.Match(dom, $"<tr data-window=\"{window}\" data-status=\"committed\">(.*?)</tr>");
            Assert.True(row.Success, $"no row for {window}");
            var cells = CellPattern().Matches(row.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
            Assert.Equal(6, cells.Count);
            foreach (var (field, value) in cells)
            {
                Assert.True(counts.GetProperty(field).GetInt64() == value, $"{window} {field}: page {value}, manifest {counts.GetProperty(field)}");
            }

            valid += counts.GetProperty("valid_events").GetInt64();
            rejected += counts.GetProperty("rejected").GetInt64();
            closed += counts.GetProperty("closed_sessions").GetInt64();
        }

        Assert.Equal(valid, Card(dom, "valid_events"));
        Assert.Equal(rejected, Card(dom, "rejected"));
        Assert.Equal(closed, Card(dom, "closed_sessions"));

        // Every chart is laid out with a non-empty size, and draws its bars.
        var selftest = Regex.Match(dom, "<pre id=\"selftest\" hidden=\"\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(selftest.Success, "the page's script did not fill #selftest");
        var charts = JsonDocument.Parse(WebUtility.HtmlDecode(selftest.Groups[1].Value)).RootElement.EnumerateArray().ToList();
        Assert.Equal(4 + 7 + (4 * 8), charts.Count); // over time; the range; each window: rejected and the range's seven
        foreach (var chart in charts)
        {
            var name = chart.GetProperty("chart").GetString();
            Assert.True(chart.GetProperty("width").GetInt32() > 100 && chart.GetProperty("height").GetInt32() > 20, $"{name}: {chart}");
            Assert.True(chart.GetProperty("drawn").GetInt32() == chart.GetProperty("marks").GetInt32(), $"{name}: bars of no size: {chart}");
        }

        // One bar (or more, stacked) per window with a value: window 13 rejected nothing and ended with no active session.
        var drawn = charts.ToDictionary(c => c.GetProperty("chart").GetString()!, c => c.GetProperty("drawn").GetInt32());
        Assert.True(drawn["valid-events"] == 4 && drawn["closed"] >= 4 && drawn["active"] == 3 && drawn["rejected"] >= 3, string.Join(", ", drawn));

        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 20_000 && png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"screenshot of {png.Length} bytes");
    }

    private static long Card(string dom, string field)
    {
        var card = Regex.Match(dom, $"<div class=\"card\" data-total=\"{field}\">.*?<div class=\"value\">([0-9,]+)</div>");
        Assert.True(card.Success, $"no card {field}");
        return long.Parse(card.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>Chromium's executable: $SESSIONIZER_CHROMIUM, or chromium (Debian), chromium-browser or google-chrome on PATH.</summary>
    private static string FindChromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("SESSIONIZER_CHROMIUM") }
            .Concat(new[] { "chromium", "chromium-browser", "google-chrome" }.SelectMany(name =>
                (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name))));
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new InvalidOperationException(
                   "Chromium is needed for this test and was not found (chromium, chromium-browser or google-chrome on PATH, or $SESSIONIZER_CHROMIUM). " +
                   "On Debian or Ubuntu: sudo apt-get install -y chromium. CI (.ci/run) installs it.");
    }

    /// <summary>Runs headless Chromium with its own profile folder; returns standard output (the DOM for --dump-dom).</summary>
    private string Chromium(string chromium, params string[] args)
    {
        var profile = _temp.Combine("chromium-profile-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium {string.Join(' ', args)} did not finish in 2 minutes");
        }

        Assert.True(process.ExitCode == 0, $"chromium {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("data-field=\"([a-z_]+)\">([0-9,]+)<")]
    private static partial Regex CellPattern();
}
