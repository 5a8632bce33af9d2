using System.Collections.Concurrent;
using System.Diagnostics;
using Sessionizer.Core.Time;

namespace Sessionizer.Generation;

/// <summary>
/// Generates visit logs: the simulation runs on one thread (it is sequential by nature: one random
/// stream), its chunks are formatted and compressed on the thread pool, and this thread writes them
/// in the order they were simulated. Files therefore depend on the settings only, never on timing.
/// </summary>
public static class LogGenerator
{
    /// <summary>
    /// Writes the hours of <paramref name="settings"/> under <paramref name="output"/>'s root;
    /// <paramref name="hourWritten"/>, if given, is told each hour and its line count once the hour's files have their final names.
    /// </summary>
    public static GenerationResult Generate(GenerationSettings settings, GenerationOutput output, Action<Window, long>? hourWritten = null)
    {
        var clock = Stopwatch.StartNew();
        var root = Path.GetFullPath(output.Root);
        HourFolders.Prepare(root, settings, output.Overwrite);

        var simulator = new VisitSimulator(settings);
        var gzip = output.Gzip ? new GzipMembers() : null;
        using var cancel = new CancellationTokenSource();

        // Bounded: about Parallelism chunks are formatted while one is written, which bounds threads and memory.
        using var queue = new BlockingCollection<Task<FormattedChunk>>(output.Parallelism);
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                simulator.Run(chunk => queue.Add(Task.Run(() => Format(chunk, gzip)), cancel.Token), cancel.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        using var writer = new HourWriter(root, settings.FilesPerHour, output.Gzip);
        try
        {
            WriteInOrder(queue, writer, simulator, gzip, hourWritten);
            producer.GetAwaiter().GetResult();
        }
        catch
        {
            // Stop the simulation (its next hand-out throws) and let it end; the writer then deletes the unfinished hour.
            cancel.Cancel();
            while (queue.TryTake(out _))
            {
            }

            producer.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            throw;
        }

        return new GenerationResult(simulator.Counts, writer.Hours, writer.Files, writer.Bytes, clock.Elapsed);
    }

    private static void WriteInOrder(BlockingCollection<Task<FormattedChunk>> queue, HourWriter writer, VisitSimulator simulator,
        GzipMembers? gzip, Action<Window, long>? hourWritten)
    {
        Window? hour = null;
        var hourLines = 0L;
        foreach (var task in queue.GetConsumingEnumerable())
        {
            var formatted = task.GetAwaiter().GetResult();
            var chunk = formatted.Chunk;
            if (hour is { } previous && chunk.Hour != previous)
            {
                writer.Finish();
                hourWritten?.Invoke(previous, hourLines);
                hourLines = 0;
            }

            writer.Write(formatted);
            hour = chunk.Hour;
            hourLines += chunk.Count;
            formatted.Release(simulator, gzip);
        }

        writer.Finish();
        if (hour is { } lastHour)
        {
            hourWritten?.Invoke(lastHour, hourLines);
        }
    }

    private static FormattedChunk Format(EventChunk chunk, GzipMembers? gzip)
    {
        chunk.Format();
        if (gzip is null)
        {
            return new FormattedChunk(chunk, null);
        }

        var members = new MemoryStream[chunk.FileCount];
        for (var file = 0; file < members.Length; file++)
        {
            members[file] = gzip.Compress(chunk.Lines(file));
        }

        return new FormattedChunk(chunk, members);
    }
}
