using BenchmarkDotNet.Attributes;
using Sessionizer.Core.Visits;

namespace Sessionizer.Benchmarks.Micro;

/// <summary>
/// <see cref="VisitParser.Parse"/> over 10,000 generated lines (about 450 bytes each, 0.1 %
/// malformed, 0.1 % missing a field), with a vocabulary that already holds their strings, as it
/// does after the first lines of a window. Reported per line.
/// </summary>
[MemoryDiagnoser]
public class VisitParserBenchmarks
{
    private const int LineCount = 10_000;

    private byte[][] _lines = [];
    private VisitParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lines = SampleData.Lines(LineCount, visits: 7_700);
        _parser = new VisitParser(new Vocabulary());
        SampleData.Visits(_lines, _parser);
    }

    [Benchmark(OperationsPerInvoke = LineCount)]
    public int Parse()
    {
        var valid = 0;
        foreach (var line in _lines)
        {
            if (_parser.Parse(line, out _, out _) == LineKind.Visit)
            {
                valid++;
            }
        }

        return valid;
    }
}
