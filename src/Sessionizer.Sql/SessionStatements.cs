using System.Globalization;
using Sessionizer.Core.Sessions;
using Sessionizer.Core.Time;
using Sessionizer.Core.Visits;

namespace Sessionizer.Sql;

/// <summary>
/// The session rules (docs/reference.md §3) and the three records (§4.2–§4.4) as SQL, written once
/// for every dialect. The sessions are worked out over a relation of visits
/// <c>(user_id, t, page, site, api_version, browser, language, from_state)</c>: the valid new events
/// and the pages of the previous state; each record is built as one line of text in the JSON text
/// form of every engine, so that the engines write the local engine's bytes.
/// </summary>
internal sealed class SessionStatements(SqlDialect dialect, Window window, SessionRules rules)
{
    private const string CanonicalOrder = "t, page";

    private static readonly string MetadataOrder = string.Join(", ",
        new[] { "site", "api_version", "browser", "language" }.Select(c => $"{c} ASC NULLS FIRST"));

    private string T => Number(rules.InactivityTimeoutMs);

    /// <summary>
    /// One row per session: <c>user_id, start_ms, end_ms, event_count, pages</c> (an array of
    /// <c>{t, page}</c> in canonical order), the metadata of its first event, and <c>end_reason</c>
    /// (null while the session stays active).
    /// </summary>
    public string Sessions(string visits) => $"""
        WITH kept AS (
            SELECT * FROM ({Ranked(visits)}) ranked WHERE copy = 1
        ),
        marked AS (
            SELECT *,
                CASE WHEN previous_t IS NULL OR t - previous_t > {T} OR previous_closes THEN 1 ELSE 0 END AS starts
            FROM (
                SELECT *,
                    lag(t) OVER (PARTITION BY user_id ORDER BY {CanonicalOrder}) AS previous_t,
                    coalesce({Closing($"lag(page) OVER (PARTITION BY user_id ORDER BY {CanonicalOrder})")}, false) AS previous_closes
                FROM kept
            ) lagged
        ),
        numbered AS (
            SELECT *, sum(starts) OVER (PARTITION BY user_id ORDER BY {CanonicalOrder} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session
            FROM marked
        ),
        grouped AS (
            SELECT user_id, session, min(t) AS start_ms, max(t) AS end_ms, count(*) AS event_count,
                {dialect.SortedPages("t", "page")} AS pages,
                max(site) FILTER (WHERE starts = 1) AS site,
                max(api_version) FILTER (WHERE starts = 1) AS api_version,
                max(browser) FILTER (WHERE starts = 1) AS browser,
                max(language) FILTER (WHERE starts = 1) AS language
            FROM numbered
            GROUP BY user_id, session
        ),
        placed AS (
            SELECT *, session = max(session) OVER (PARTITION BY user_id) AS is_last FROM grouped
        )
        SELECT user_id, start_ms, end_ms, event_count, pages, site, api_version, browser, language,
            CASE
                WHEN coalesce({Closing($"{dialect.Element("pages", "-1")}.page")}, false) THEN 'closing_action'
                WHEN NOT is_last OR end_ms + {T} < {Number(window.EndMs)} THEN 'inactivity'
                WHEN end_ms - start_ms >= {Number(rules.MaxSessionDurationMs)} THEN 'max_duration'
            END AS end_reason
        FROM placed
        """;

    /// <summary>How many events are duplicates (docs/reference.md §3.2): all but the one kept of each (user, time, page).</summary>
    public string Duplicates(string visits) => $"SELECT count(*) AS duplicates FROM ({Ranked(visits)}) ranked WHERE copy > 1";

    /// <summary>The closed-session records, one line each, by user then start.</summary>
    public string ClosedLines(string sessions)
    {
        string Q(string text) => dialect.Literal(text);
        string Json(string column) => $"coalesce({dialect.JsonString(column)}, 'null')";
        string Page(string at) => $"{Q("{\"event_time\":\"")} || {dialect.InstantText("p.t")} || {Q("\",\"page\":")} || {dialect.JsonString("p.page")} || "
            + $"{Q(",\"time_on_page_ms\":")} || coalesce({dialect.NumberText($"{dialect.Element("pages", $"{at} + 1")}.t - p.t")}, 'null') || '}}'";
        var line = string.Join(" || ",
            Q("{\"session_id\":\""), $"substr({dialect.Sha256Hex($"{dialect.NumberText("user_id")} || ':' || {dialect.NumberText("start_ms")}")}, 1, 32)",
            Q("\",\"user_id\":"), dialect.NumberText("user_id"),
            Q(",\"start\":\""), dialect.InstantText("start_ms"), Q("\",\"end\":\""), dialect.InstantText("end_ms"),
            Q("\",\"duration_ms\":"), dialect.NumberText("end_ms - start_ms"), Q(",\"event_count\":"), dialect.NumberText("event_count"),
            Q(",\"entry_page\":"), dialect.JsonString($"{dialect.Element("pages", "1")}.page"),
            Q(",\"exit_page\":"), dialect.JsonString($"{dialect.Element("pages", "-1")}.page"),
            Q(",\"pages\":["), dialect.Join(dialect.TransformIndexed("pages", "p", Page), ","),
            Q("],\"site\":"), Json("site"), Q(",\"api_version\":"), Json("api_version"), Q(",\"browser\":"), Json("browser"),
            Q(",\"language\":"), Json("language"), Q(",\"end_reason\":\""), "end_reason", Q($"\",\"window\":\"{window}\"}}"));
        return $"SELECT {line} AS record FROM {sessions} WHERE end_reason IS NOT NULL ORDER BY user_id, start_ms";
    }

    /// <summary>The active-session records (the state of the next window), one line per user, by user; null metadata left out.</summary>
    public string ActiveLines(string sessions)
    {
        string Q(string text) => dialect.Literal(text);
        string Optional(string name, string column) => $"coalesce({Q($",\"{name}\":")} || {dialect.JsonString(column)}, '')";
        var page = $"{Q("{\"eventTime\":")} || {dialect.NumberText("p.t")} || {Q(",\"pageName\":")} || {dialect.JsonString("p.page")} || '}}'";
        var line = string.Join(" || ",
            Q("{\"userId\":"), dialect.NumberText("user_id"), Q(",\"visitedPages\":["), dialect.Join(dialect.Transform("pages", "p", page), ","), "']'",
            Optional("browser", "browser"), Optional("language", "language"), Optional("site", "site"), Optional("apiVersion", "api_version"),
            Q(",\"expirationTimeMillisUtc\":"), dialect.NumberText($"end_ms + {T}"), Q(",\"isActive\":true}"));
        return $"SELECT {line} AS record FROM {sessions} WHERE end_reason IS NULL ORDER BY user_id";
    }

    /// <summary>The rejected records, one line each, by file then line (the raw text comes cut at 64 KiB from <see cref="LineValidation"/>).</summary>
    public string RejectedLines(string validated)
    {
        string Q(string text) => dialect.Literal(text);
        var line = string.Join(" || ",
            Q("{\"file\":"), dialect.JsonString("file"), Q(",\"line\":"), dialect.NumberText("line"), Q(",\"reason\":\""), "reason",
            Q("\",\"raw\":"), dialect.JsonString("raw"), "'}'");
        return $"SELECT {line} AS record FROM {validated} WHERE kind = 'rejected' ORDER BY file, line";
    }

    /// <summary>One row: active sessions, then closed sessions by end reason in the order of <see cref="EndReasons.All"/>.</summary>
    public string SessionCounts(string sessions) =>
        "SELECT count(*) FILTER (WHERE end_reason IS NULL) AS active, "
        + string.Join(", ", EndReasons.All.Select(r => $"count(*) FILTER (WHERE end_reason = {dialect.Literal(r.Code())}) AS {r.Code()}"))
        + $" FROM {sessions}";

    /// <summary>
    /// One row of input counts: blank lines, valid events, events before and after the window, then
    /// rejected lines by reason in the order of <see cref="RejectionReasons.All"/>.
    /// </summary>
    public string InputCounts(string validated) =>
        "SELECT count(*) FILTER (WHERE kind = 'blank') AS blank, count(*) FILTER (WHERE kind = 'visit') AS valid, "
        + $"count(*) FILTER (WHERE kind = 'visit' AND event_time_ms < {Number(window.StartMs)}) AS before_window, "
        + $"count(*) FILTER (WHERE kind = 'visit' AND event_time_ms >= {Number(window.EndMs)}) AS after_window, "
        + string.Join(", ", RejectionReasons.All.Select(r => $"count(*) FILTER (WHERE reason = {dialect.Literal(r.Code())}) AS {r.Code()}"))
        + $" FROM {validated}";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Each visit numbered among its copies (same user, time and page): a page of the state first, then canonical order.</summary>
    private static string Ranked(string visits) =>
        $"SELECT *, row_number() OVER (PARTITION BY user_id, t, page ORDER BY from_state DESC, {MetadataOrder}) AS copy FROM {visits}";

    /// <summary>Whether a page is a closing page (null for a null page).</summary>
    private string Closing(string page) =>
        rules.ClosingPages.Count == 0 ? "CAST(NULL AS BOOLEAN)" : $"{page} IN ({string.Join(", ", rules.ClosingPages.Select(dialect.Literal))})";
}
