using System.CommandLine;
using Sessionizer.Core.Sessions;
using Sessionizer.Sql;

namespace Sessionizer.Cli.Commands;

/// <summary><c>sessionizer plan</c>: prints the SQL a SQL engine runs for a window, so a reviewer can read exactly what Spark will run.</summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter output)
    {
        var window = CliOptions.Window("--window", "The hourly window (UTC).");
        window.Required = true;
        var engine = CliOptions.OneOf("--engine", "The dialect: spark (Spark SQL 3.5/4.0) or duckdb.", "spark", "duckdb");
        var timeout = CliOptions.Duration("--inactivity-timeout", "A gap longer than this splits sessions.", SessionRules.DefaultInactivityTimeout);
        var maxDuration = CliOptions.Duration("--max-session-duration", "A session that has lasted this long is closed at the end of the window.", SessionRules.DefaultMaxSessionDuration);
        var closingPages = new Option<string[]>("--closing-page") { Description = "A page whose visit closes the session (repeatable).", HelpName = "page", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("plan", "Print the SQL statements the duckdb and spark engines run for a window, with these parameters.")
        {
            window, engine, timeout, maxDuration, closingPages,
        };
        command.SetAction(parse =>
        {
            var rules = new SessionRules(parse.GetValue(timeout) ?? SessionRules.DefaultInactivityTimeout,
                parse.GetValue(maxDuration) ?? SessionRules.DefaultMaxSessionDuration, parse.GetValue(closingPages));
            SqlDialect dialect = parse.GetValue(engine) == "duckdb" ? DuckDbDialect.Instance : SparkDialect.Instance;
            output.Write(new WindowPlan(dialect, parse.GetValue(window)!.Value, rules).Script());
            return ExitCodes.Committed;
        });
        return command;
    }
}
