namespace Sessionizer.Sql;

/// <summary>One named column of a step of a statement: <c>expression AS name</c>.</summary>
public sealed record SqlColumn(string Name, string Expression);
