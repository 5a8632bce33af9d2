using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Sessionizer.Benchmarks.ScanFloor;

/// <summary>
/// The scan floor: reads every line of the given JSON Lines files (or folders, recursively) on N
/// threads and runs <see cref="Utf8JsonReader"/> over each line to its end, counting the lines that
/// are not valid JSON. It parses nothing into objects and keeps nothing, so no JSON Lines job on
/// .NET can be much faster than this on the same threads: the benchmark reports ours / floor.
/// </summary>
/// <remarks>
/// Plain files are cut into ranges of about 32 MiB at line boundaries, and the threads take ranges
/// from a shared queue; a gzip file is one range (it can only be read from its start).
/// Usage: <c>scan-floor [--threads N] PATH...</c>; the last line printed is
/// <c>scan-floor: L lines, B bytes, M malformed, T threads, S s</c>.
/// </remarks>
public static class Program
{
    private const long RangeBytes = 32L << 20;
    private const int ReadBytes = 4 << 20;

    public static int Main(string[] args)
    {
        var threads = 2;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads" && i + 1 < args.Length)
            {
                threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"scan-floor: unknown option {args[i]}");
                return 2;
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        var files = paths.SelectMany(Files).Order(StringComparer.Ordinal).ToList();
        if (threads < 1 || files.Count == 0)
        {
            Console.Error.WriteLine("usage: scan-floor [--threads N] FILE_OR_FOLDER...");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var ranges = new System.Collections.Concurrent.ConcurrentQueue<Range>(files.SelectMany(Ranges));
        var totals = new Counts[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var counts = new Counts();
            var buffer = new byte[ReadBytes];
            while (ranges.TryDequeue(out var range))
            {
                using var stream = range.Open();
                Scan(stream, range.Length, ref buffer, ref counts);
            }

            totals[t] = counts;
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        clock.Stop();

        var lines = totals.Sum(c => c.Lines);
        var bytes = totals.Sum(c => c.Bytes);
        var malformed = totals.Sum(c => c.Malformed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scan-floor: {lines} lines, {bytes} bytes, {malformed} malformed, {threads} threads, {clock.Elapsed.TotalSeconds:F3} s"));
        return 0;
    }

    private static IEnumerable<string> Files(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsInput)
            : [path];

    private static bool IsInput(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('_') && !name.StartsWith('.')
            && (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal)
                || name.EndsWith(".json.gz", StringComparison.Ordinal) || name.EndsWith(".jsonl.gz", StringComparison.Ordinal));
    }

    /// <summary>A plain file cut at line starts into ranges of about <see cref="RangeBytes"/>.</summary>
    private static IEnumerable<Range> Ranges(string file)
    {
        if (file.EndsWith(".gz", StringComparison.Ordinal))
        {
            return [new Range(file, 0, long.MaxValue, Gzip: true)];
        }

        var ranges = new List<Range>();
        using var handle = File.OpenHandle(file);
        var length = RandomAccess.GetLength(handle);
        var probe = new byte[64 * 1024];
        long start = 0;
        while (start < length)
        {
            var end = Math.Min(start + RangeBytes, length);
            // Move the cut to the byte after the next line feed, so that each range holds whole lines.
            while (end < length)
            {
                var read = RandomAccess.Read(handle, probe, end);
                var feed = probe.AsSpan(0, read).IndexOf((byte)'\n');
                if (feed >= 0)
                {
                    end += feed + 1;
                    break;
                }

                end += read;
            }

            ranges.Add(new Range(file, start, end - start, Gzip: false));
            start = end;
        }

        return ranges;
    }

    private static void Scan(Stream stream, long length, ref byte[] buffer, ref Counts counts)
    {
        var filled = 0;
        long remaining = length;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = remaining > 0 ? stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, remaining)) : 0;
            remaining -= read;
            filled += read;
            counts.Bytes += read;
            var data = buffer.AsSpan(0, filled);
            var done = 0;
            int feed;
            while ((feed = data[done..].IndexOf((byte)'\n')) >= 0)
            {
                ScanLine(data.Slice(done, feed), ref counts);
                done += feed + 1;
            }

            if (read == 0)
            {
                if (done < filled)
                {
                    ScanLine(data[done..], ref counts);
                }

                return;
            }

            data[done..].CopyTo(buffer);
            filled -= done;
        }
    }

    private static void ScanLine(ReadOnlySpan<byte> line, ref Counts counts)
    {
        counts.Lines++;
        if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            return;
        }

        var reader = new Utf8JsonReader(line);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            counts.Malformed++;
        }
    }

    private readonly record struct Range(string File, long Offset, long Length, bool Gzip)
    {
        public Stream Open()
        {
            var stream = new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (Gzip)
            {
                return new GZipStream(stream, CompressionMode.Decompress);
            }

            stream.Position = Offset;
            return stream;
        }
    }

    private struct Counts
    {
        public long Lines;
        public long Bytes;
        public long Malformed;
    }
}
