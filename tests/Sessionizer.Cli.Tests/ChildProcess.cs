using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sessionizer.Cli.Tests;

/// <summary>The real <c>sessionizer</c> executable as a child process, to kill it at chosen instants.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ChildProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // Through env(1) with SIGINT and SIGTERM back to their default: a test run started as a
        // background job of a non-interactive shell (CI scripts, nohup) ignores SIGINT, and an ignored
        // signal is inherited, so the executable would never see the Ctrl+C the tests send it.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT,TERM");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sessionizer.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        // Dedicated threads, not the thread pool's async reads: under a loaded test run the pool is
        // busy with other tests, and lines would arrive late and bunched, so a test would act on a
        // step the process has long passed.
        _stderr = Drain(_process.StandardError, line => Lines.Enqueue((_clock.Elapsed, line)));
        _stdout = Drain(_process.StandardOutput, _ => { });
    }

    private readonly Thread _stderr;
    private readonly Thread _stdout;

    private static Thread Drain(StreamReader reader, Action<string> onLine)
    {
        var thread = new Thread(() =>
        {
            while (reader.ReadLine() is { } line)
            {
                onLine(line);
            }
        })
        {
            IsBackground = true,
        };
        thread.Start();
        return thread;
    }

    /// <summary>Standard error lines with the time since start at which each arrived.</summary>
    public ConcurrentQueue<(TimeSpan At, string Line)> Lines { get; } = new();

    public TimeSpan Elapsed => _clock.Elapsed;

    public bool HasExited => _process.HasExited;

    public int WaitForExit()
    {
        _process.WaitForExit();
        _stderr.Join();
        _stdout.Join();
        return _process.ExitCode;
    }

    /// <summary>Sends a signal (TERM, INT, ...) with kill(1), as an orchestrator or Ctrl+C would; does not wait.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>
    /// Waits until <paramref name="count"/> lines of standard error contain <paramref name="text"/>;
    /// false if the process exited first or the time is up.
    /// </summary>
    public bool WaitForLine(string text, TimeSpan timeout, int count = 1)
    {
        bool Seen() => Lines.Count(l => l.Line.Contains(text, StringComparison.Ordinal)) >= count;
        while (_clock.Elapsed < timeout)
        {
            if (Seen())
            {
                return true;
            }

            if (_process.HasExited)
            {
                WaitForExit(); // every line read
                return Seen();
            }

            Thread.Sleep(1);
        }

        return false;
    }

    /// <summary>SIGKILL: no cleanup, no finally blocks, as an orchestrator's hard kill or an OOM kill.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process.WaitForExit();
        _stderr.Join();
        _stdout.Join();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
