namespace Sessionizer.Generation.Tests;

/// <summary>What one command line returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);
