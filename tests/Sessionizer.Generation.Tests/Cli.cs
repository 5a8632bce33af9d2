using Sessionizer.Cli;

namespace Sessionizer.Generation.Tests;

/// <summary>Runs the command line in process and captures what it prints.</summary>
internal static class Cli
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SessionizerCli.Invoke(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
