using System.Diagnostics;
using Microsoft.Spark.Sql;
using Serilog;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Input;
using Sessionizer.Engine.Output;
using Sessionizer.Engine.Runs;
using Sessionizer.Engine.State;

namespace Sessionizer.Spark;

/// <summary>
/// The flow of <c>Engine.Runs.WindowRunner</c> for roots on Hadoop file systems: find the window's input
/// files, read and check the previous state, have the engine (<see cref="SparkEngine"/>) produce the three
/// parts into staging, and commit them with the manifest last (<see cref="HadoopCommit"/>). The local
/// flow cannot be reused as it is: its lock, discovery, state reader and commit work on local paths
/// through System.IO. What is shared: the engine seam (<see cref="WindowEngine"/>, <see cref="WindowWork"/>,
/// <see cref="WindowProduct"/>), the quality gate, the manifest and its parameters and counts
/// (<see cref="WindowManifest"/>), the layout's names, the exit-code failures.
/// </summary>
/// <remarks>
/// Differences from the local flow: no window lock (run one job per window at a time: the
/// orchestrator's job, as it is for any Spark job); input files are listed (names, sizes) but Spark reads
/// each file whole, not only the bytes listed, so a file still being written can be read further than
/// the manifest's size says; links are the file system's business (HDFS and object stores have none to
/// follow); no signal handling (a killed driver leaves staging under <c>_temporary</c>, removed by the
/// next run of the window).
/// </remarks>
internal sealed class SparkWindowRunner(SparkSession spark, HadoopFiles files, RunSettings settings, ILogger log)
{
    private readonly HadoopPaths _layout = new(settings.OutputRoot);
    private readonly SparkEngine _engine = new(spark, files, log);

    public IReadOnlyList<WindowOutcome> RunRange(Window from, Window to, Action<WindowOutcome>? committed = null)
    {
        var outcomes = new List<WindowOutcome>();
        for (var window = from; window <= to; window = window.Next)
        {
            var outcome = Run(window, isFirst: window == from);
            committed?.Invoke(outcome);
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    public WindowOutcome Run(Window window, bool isFirst)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var windowDirectory = HadoopPaths.Join(settings.InputRoot, window.PartitionPath);
        var inputFiles = FindInput(windowDirectory, window.PartitionPath);
        if (inputFiles is null && !settings.AllowMissingInput)
        {
            throw new RunFailedException(RunFailure.InputNotReady,
                $"Input for window {window} is not ready: {windowDirectory} does not exist. " +
                "Retry later, or pass --allow-missing-input to run the window with no new events.");
        }

        var state = ReadState(window, isFirst);
        using var commit = HadoopCommit.Begin(files, _layout, window);
        var staging = OutputLayout.DataKinds.ToDictionary(kind => kind, commit.StagingDirectory);
        var product = _engine.Produce(new WindowWork(window, inputFiles, state, settings, new Vocabulary(), staging), CancellationToken.None);

        var manifest = WindowManifest.Of(window, _engine.Name, settings, started, settings.InputRoot, inputFiles, state, product);
        commit.Publish(manifest);
        log.Debug("Window {Window}: spark engine and commit {Seconds:0.000}s", window.ToString(), clock.Elapsed.TotalSeconds);
        return new WindowOutcome(window, manifest, clock.Elapsed);
    }

    /// <summary>
    /// The window's .json/.jsonl(.gz) files under <paramref name="directory"/>, recursively, names starting
    /// with '_' or '.' skipped (files and folders), sorted by relative path (as <see cref="InputDiscovery"/>);
    /// null when the folder does not exist.
    /// </summary>
    private List<InputFile>? FindInput(string directory, string relativeTo)
    {
        if (!files.IsDirectory(directory))
        {
            return null;
        }

        return Walk(directory, relativeTo, "input").Select(f => new InputFile(f.File.Path, f.RelativePath, f.File.Bytes)).ToList();
    }

    private List<(HadoopEntry File, string RelativePath)> Walk(string directory, string relativeTo, string what)
    {
        var found = new List<(HadoopEntry, string)>();
        void Visit(string folder, string relative)
        {
            foreach (var entry in files.List(folder))
            {
                var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
                if (InputDiscovery.IsHidden(entry.Name))
                {
                    continue;
                }

                if (entry.IsDirectory)
                {
                    Visit(entry.Path, path);
                }
                else if (InputDiscovery.HasInputExtension(entry.Name))
                {
                    if (HadoopPaths.HasGzipSuffixHadoopMisses(entry.Name))
                    {
                        throw new RunFailedException(RunFailure.Failed,
                            $"{path} of the {what}: Spark decompresses only files named .gz in lower case (Hadoop's codec lookup); rename it");
                    }

                    if (HadoopPaths.IsGlobForSpark(entry.Path))
                    {
                        throw new RunFailedException(RunFailure.Failed,
                            $"{entry.Path} of the {what}: Spark reads a path holding any of {{}}[]*?\\ as a pattern of other files; rename it");
                    }

                    found.Add((entry, path));
                }
                else
                {
                    log.Warning("Ignoring {File} of the {What}: {Reason}", path, what, InputDiscovery.NotAnInputName);
                }
            }
        }

        Visit(directory, relativeTo);
        return found.OrderBy(f => f.Item2, StringComparer.Ordinal).ToList();
    }

    private PreviousState ReadState(Window window, bool isFirst)
    {
        var reader = new SparkState(spark, files, _layout);
        if (isFirst && settings.NoPreviousState)
        {
            return reader.None();
        }

        if (isFirst && settings.PreviousStateDirectory is { } directory)
        {
            if (!files.IsDirectory(directory))
            {
                throw new RunFailedException(RunFailure.InputNotReady, $"The previous-state folder {directory} does not exist.");
            }

            var stateFiles = Walk(directory, "", "previous-state folder");
            if (stateFiles.Count == 0)
            {
                log.Warning("The previous-state folder {Folder} holds no state file (.json, .jsonl, optionally .gz): window {Window} carries in no sessions",
                    directory, window.ToString());
            }

            return reader.FromDirectory(directory, stateFiles);
        }

        return reader.FromCommittedWindow(window.Previous);
    }
}
