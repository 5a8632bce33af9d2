namespace Sessionizer.Sql;

/// <summary>One statement of a <see cref="WindowPlan"/>.</summary>
/// <param name="Name">What it is, e.g. <c>sessions</c>: the relation it defines, or the result it reads.</param>
/// <param name="Purpose">One line for a reader of the plan.</param>
/// <param name="Sql">The statement, in the plan's dialect.</param>
/// <param name="Defines">Whether it defines a relation (<c>Name</c>) that later statements read; otherwise it is a query whose rows the runner reads.</param>
public sealed record PlanStatement(string Name, string Purpose, string Sql, bool Defines);
