using BenchmarkDotNet.Attributes;
using Sessionizer.Core.Records;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Visits;

namespace Sessionizer.Benchmarks.Micro;

/// <summary>
/// Writing the closed and the active sessions of 100,000 visits of an hour into a
/// <see cref="JsonLineBuffer"/>, line feeds included (no compression, no file): the formatting of docs/reference.md §4.
/// </summary>
[MemoryDiagnoser]
public class RecordWriterBenchmarks
{
    private Session[] _closed = [];
    private Session[] _active = [];
    private JsonLineBuffer _buffer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = new Vocabulary();
        var visits = SampleData.Visits(SampleData.Lines(100_000, visits: 160), new VisitParser(vocabulary));
        var sessions = SampleData.Sessions(visits, vocabulary);
        _closed = sessions.Where(s => !s.IsActive).ToArray();
        _active = sessions.Where(s => s.IsActive).ToArray();
        _buffer = new JsonLineBuffer(64 << 20);
    }

    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();

    [Benchmark]
    public int WriteClosed()
    {
        _buffer.Clear();
        foreach (var session in _closed)
        {
            ClosedSessionRecord.Write(_buffer, session, SampleData.Window);
        }

        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int WriteActive()
    {
        _buffer.Clear();
        foreach (var session in _active)
        {
            ActiveSessionRecord.Write(_buffer, session, SessionRules.Default);
        }

        return _buffer.WrittenCount;
    }
}
