using System.Globalization;

namespace Sessionizer.Engine.Commit;

/// <summary>
/// A test hook for the crash and signal tests: with <c>SESSIONIZER_COMMIT_STEP_DELAY_MS</c> set, the
/// start of a window's input read ("reading") and each step of the commit protocol are announced on
/// standard error and followed by that pause, so a test can kill or signal the process inside every
/// phase (reading, staging, swapping, manifest writing). Unset, it does nothing.
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
