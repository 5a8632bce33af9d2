using System.Text;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;

namespace Sessionizer.Sql;

/// <summary>
/// The whole job for one window as SQL, in one dialect: the statements a SQL engine runs, in order.
/// It starts from two relations the runner provides, <c>lines(file, line, raw, bytes, utf8)</c> (the
/// window's input lines, numbered in their files) and <c>state(user_id, t, page, site, api_version,
/// browser, language)</c> (the pages of the previous window's active sessions), and ends with the
/// queries whose rows are the counts and the three outputs' records, in their order.
/// </summary>
public sealed class WindowPlan(SqlDialect dialect, Window window, SessionRules rules)
{
    private readonly SessionStatements _sessions = new(dialect, window, rules);

    public IReadOnlyList<PlanStatement> Statements =>
    [
        new("validated", "every input line judged: visit, blank or rejected with its reason (docs/reference.md §2)",
            new LineValidation(dialect).Render("lines"), Defines: true),
        new("input_counts", "blank lines, valid events, events outside the window, rejected lines by reason", _sessions.InputCounts("validated"), Defines: false),
        new("visits", "the valid new events and the pages of the previous state",
            """
            SELECT user_id, event_time_ms AS t, page, site, api_version, browser, language, false AS from_state FROM validated WHERE kind = 'visit'
            UNION ALL
            SELECT user_id, t, page, site, api_version, browser, language, true AS from_state FROM state
            """, Defines: true),
        new("sessions", "duplicates dropped, sessions split and closed (docs/reference.md §3)", _sessions.Sessions("visits"), Defines: true),
        new("duplicates", "events dropped as duplicates", _sessions.Duplicates("visits"), Defines: false),
        new("session_counts", "active sessions, closed sessions by end reason", _sessions.SessionCounts("sessions"), Defines: false),
        new("active_records", "active-sessions part, one record per line (docs/reference.md §4.3)", _sessions.ActiveLines("sessions"), Defines: false),
        new("closed_records", "closed-sessions part (docs/reference.md §4.2)", _sessions.ClosedLines("sessions"), Defines: false),
        new("rejected_records", "rejected part (docs/reference.md §4.4)", _sessions.RejectedLines("validated"), Defines: false),
    ];

    /// <summary>The statement that runs <paramref name="statement"/>: a definition becomes the dialect's way to define a relation.</summary>
    public string Runnable(PlanStatement statement) => statement.Defines ? dialect.Define(statement.Name, statement.Sql) : statement.Sql;

    /// <summary>The plan as one script for a reader: each statement with a comment saying what it is, ended by <c>;</c>.</summary>
    public string Script()
    {
        var script = new StringBuilder();
        // The parameters in a comment: a control character in a closing page (a line feed) must not end it.
        var parameters = string.Concat(rules.Describe().Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        script.Append("-- Sessionizer plan for window ").Append(window).Append(", ").Append(parameters).Append('\n');
        script.Append("-- Inputs, provided by the runner: lines(file, line, raw, bytes, utf8), state(user_id, t, page, site, api_version, browser, language)\n");
        foreach (var statement in Statements)
        {
            script.Append("\n-- ").Append(statement.Name).Append(": ").Append(statement.Purpose).Append('\n');
            script.Append(Runnable(statement).TrimEnd()).Append(";\n");
        }

        return script.ToString();
    }
}
