using System.Globalization;

namespace Sessionizer.Engine.Commit;

/// <summary>
/// A test hook for the crash test: with <c>SESSIONIZER_COMMIT_STEP_DELAY_MS</c> set, each step of
/// the commit protocol is announced on standard error and followed by that pause, so a test can
/// kill the process inside every phase (staging, swapping, manifest writing). Unset, it does nothing.
/// </summary>
internal static class CommitSteps
{
    private static readonly int DelayMs =
        int.TryParse(Environment.GetEnvironmentVariable("SESSIONIZER_COMMIT_STEP_DELAY_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 0;

    public static void Reached(string step)
    {
        if (DelayMs <= 0)
        {
            return;
        }

        Console.Error.WriteLine($"commit-step {step}");
        Console.Error.Flush();
        Thread.Sleep(DelayMs);
    }
}
