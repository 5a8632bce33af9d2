namespace Sessionizer.Sql.Tests;

/// <summary>What one line turned out to be, as the SQL plan's result row or as the parser's answer.</summary>
internal sealed record LineResult(
    long Line, string Kind, string? Reason, long? UserId, long? EventTimeMs, string? Page,
    string? Site, string? ApiVersion, string? Browser, string? Language);
