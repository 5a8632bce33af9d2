-- lean.sql: the yardstick of the benchmark. The least work that still sessionizes one window:
-- read only user_id, event_time and page.current (typed, malformed lines skipped by
-- ignore_errors), split each user's events where the gap is longer than the inactivity timeout,
-- group the sessions, and write the closed sessions (gzip JSON Lines) and the active ones (JSON
-- Lines). No validation (a line missing a field is sessionized with a NULL in it, not rejected),
-- no rejected output, no deduplication, no metadata, no session_id, no time on page, no order.
--
-- peer.mjs replaces the placeholders in double braces before running it (see README.md).

SET preserve_insertion_order = false;

CREATE TEMP TABLE sessions AS
WITH events AS (
    SELECT user_id, epoch_ms(event_time) AS t, page.current AS page
    FROM read_ndjson('{{INPUT_GLOB}}',
        columns = {user_id: 'BIGINT', event_time: 'TIMESTAMPTZ', page: 'STRUCT("current" VARCHAR)'},
        format = 'newline_delimited', ignore_errors = true)
),
marked AS (
    -- A gap of exactly the timeout continues the session (docs/reference.md §3.4).
    SELECT user_id, t, page,
        CASE WHEN t - lag(t) OVER (PARTITION BY user_id ORDER BY t) > {{TIMEOUT_MS}} THEN 1 ELSE 0 END AS starts
    FROM events
),
numbered AS (
    SELECT user_id, t, page,
        sum(starts) OVER (PARTITION BY user_id ORDER BY t ROWS UNBOUNDED PRECEDING) AS session
    FROM marked
)
SELECT user_id, session, min(t) AS start_ms, max(t) AS end_ms,
    -- list_sort orders a session's pages by (t, page), much faster than list(... ORDER BY t).
    list_sort(list({event_time: t, page: page})) AS pages
FROM numbered
GROUP BY user_id, session;

-- A user's last session is closed when no event of a later window can continue it; the others
-- are closed by the gap that follows them.
COPY (
    SELECT user_id, start_ms, end_ms, pages
    FROM sessions
    QUALIFY session < max(session) OVER (PARTITION BY user_id) OR end_ms + {{TIMEOUT_MS}} < {{WINDOW_END_MS}}
) TO '{{CLOSED_PATH}}' (FORMAT json, COMPRESSION gzip);

COPY (
    SELECT user_id AS "userId", pages AS "visitedPages", end_ms + {{TIMEOUT_MS}} AS "expirationTimeMillisUtc"
    FROM sessions
    QUALIFY session = max(session) OVER (PARTITION BY user_id) AND end_ms + {{TIMEOUT_MS}} >= {{WINDOW_END_MS}}
) TO '{{ACTIVE_PATH}}' (FORMAT json);
