using BenchmarkDotNet.Running;

namespace Sessionizer.Benchmarks.Micro;

/// <summary>
/// <c>dotnet run -c Release --project tests/Sessionizer.Benchmarks/Micro -- --filter '*'</c>; any
/// BenchmarkDotNet option works (<c>--job short</c>, <c>--filter '*Parser*'</c>, <c>--list flat</c>).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
