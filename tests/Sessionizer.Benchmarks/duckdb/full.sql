-- full.sql: the same work as `sessionizer run --window H --no-previous-state`, as closely as SQL
-- allows, so that the comparison is like for like:
--   * every input line is read (plain or gzip), blank lines skipped;
--   * validation with the reasons of docs/reference.md §2.4, in their order: malformed_json, not_an_object,
--     missing_user_id, invalid_user_id, missing_event_time, invalid_event_time (not a string with
--     an offset, nor epoch milliseconds), missing_page, invalid_page; rejected lines are written
--     with their file, reason and raw text (cut at 64 KiB);
--   * the data-quality gate: more rejected lines than the fraction fails the run, before any
--     session is written;
--   * deduplication on (user_id, event time in ms, page), keeping the first in canonical order;
--   * sessions split by the inactivity timeout (a gap of exactly T continues), the last session
--     of a user closed by inactivity or by the maximum duration, else active;
--   * metadata (site, api_version, browser, language) of the session's first event;
--   * closed sessions with session_id (first 32 hex digits of SHA-256 of "user_id:start ms"),
--     times as yyyy-MM-ddTHH:mm:ss.fffZ, duration, entry and exit page, pages with time_on_page_ms,
--     end_reason and window, gzip JSON Lines; active sessions with the reference job's field names.
--
-- What it still does not do (so it does a little less than our job):
--   * no `line` in rejected records: DuckDB's CSV reader gives no line numbers (the order of a
--     parallel scan is not the file order); no line_too_long (over 1 MiB) reason;
--   * a line that is valid JSON with invalid UTF-8 or a lone surrogate escape may get another
--     reason than ours; a key repeated in a line is resolved by DuckDB's JSON reader, not by
--     ours (the last one wins);
--   * not byte-identical: null fields of active sessions are written as null, not omitted; the
--     order of lines is not ours (by user), escapes may differ; within a session pages are
--     ordered by (time, page) only, which after deduplication is the canonical order;
--   * no previous state, no closing pages (--closing-page), no events_before/after_window counts,
--     no manifest (counts, SHA-256 of outputs), no staging and atomic commit, no fsync, no lock.
--
-- peer.mjs replaces the placeholders in double braces before running it (see README.md).

SET preserve_insertion_order = false;

-- The JSON values json_extract returns are minified: their first character tells their type, so
-- the rules below look at text instead of parsing each value again, as json_type would.
CREATE TEMP MACRO json_text(j) AS
    CASE WHEN left(j, 1) = '"' THEN CASE WHEN contains(j, '\') THEN json_extract_string(j, '$') ELSE j[2:-2] END END;
CREATE TEMP MACRO json_absent(j) AS j IS NULL OR j = 'null';

-- Every line, judged. A delimiter that cannot occur in valid JSON (a raw control character)
-- keeps each line whole; quote and escape are off.
CREATE TEMP TABLE judged AS
SELECT file,
    CASE
        WHEN f IS NULL THEN 'malformed_json'
        -- Only a line without user_id is parsed a second time, to tell a non-object from it.
        WHEN f[1] IS NULL THEN CASE WHEN json_type(raw) = 'OBJECT' THEN 'missing_user_id' ELSE 'not_an_object' END
        WHEN json_absent(f[1]) THEN 'missing_user_id'
        WHEN user_id IS NULL OR user_id <= 0 THEN 'invalid_user_id'
        WHEN json_absent(f[2]) THEN 'missing_event_time'
        WHEN t IS NULL THEN 'invalid_event_time'
        WHEN left(f[3], 1) IS DISTINCT FROM '{' OR json_absent(f[4]) THEN 'missing_page'
        WHEN page IS NULL OR page = '' THEN 'invalid_page'
    END AS reason,
    user_id, t, page,
    json_text(f[5]) AS site, json_text(f[6]) AS api_version, json_text(f[7]) AS browser, json_text(f[8]) AS language,
    -- The raw text is kept for rejected lines only.
    CASE WHEN reason IS NOT NULL THEN left(raw, 65536) END AS raw
FROM (
    SELECT file, raw, f,
        -- An integer > 0 (1.0, 1e3, "1" are not).
        CASE WHEN regexp_full_match(f[1], '[0-9]+') THEN try_cast(f[1] AS BIGINT) END AS user_id,
        -- A string with an offset (Z or ±hh:mm), or an integer of epoch milliseconds.
        CASE
            WHEN regexp_matches(json_text(f[2]), '(Z|[+-]\d\d:\d\d)$') THEN epoch_ms(try_cast(json_text(f[2]) AS TIMESTAMPTZ))
            WHEN regexp_full_match(f[2], '-?[0-9]+') THEN try_cast(f[2] AS BIGINT)
        END AS t,
        json_text(f[4]) AS page
    FROM (
        -- json_valid first: try(json_extract(...)) would parse once but is four times slower.
        SELECT substr(filename, length('{{INPUT_ROOT}}') + 2) AS file, raw,
            CASE WHEN json_valid(raw) THEN json_extract(raw, ['$.user_id', '$.event_time', '$.page', '$.page.current',
                '$.source.site', '$.source.api_version', '$.technical.browser', '$.technical.lang']) END AS f
        FROM read_csv('{{INPUT_GLOB}}',
            columns = {'raw': 'VARCHAR'}, delim = E'\x1f', quote = '', escape = '', header = false,
            auto_detect = false, filename = true, max_line_size = 1048576, strict_mode = false,
            null_padding = true)
        -- Blank lines are skipped (a regexp search stops at the first character; trim() copies the
        -- line and is ten times slower).
        WHERE regexp_matches(raw, '[^ \t\r\n]')
    )
);

COPY (
    SELECT file, reason, raw FROM judged WHERE reason IS NOT NULL
) TO '{{REJECTED_PATH}}' (FORMAT json, COMPRESSION gzip);

-- The data-quality gate: error() aborts the run before any session is written.
SELECT CASE WHEN count(*) FILTER (WHERE reason IS NOT NULL) > {{MAX_REJECTED_FRACTION}} * count(*)
    THEN error('data-quality gate: too many rejected lines') END
FROM judged;

CREATE TEMP TABLE sessions AS
WITH marked AS (
    -- One sort per user in canonical order: a duplicate follows the event it repeats (same ms and
    -- page), and the first of them in canonical order (metadata, ordinal, null first) is kept.
    SELECT user_id, t, page, site, api_version, browser, language,
        t = lag(t) OVER w AND page = lag(page) OVER w AS duplicate,
        -- A gap of exactly the timeout continues the session (docs/reference.md §3.4). A duplicate is never a
        -- start (its gap is 0), so removing duplicates does not move the starts.
        CASE WHEN lag(t) OVER w IS NULL OR t - lag(t) OVER w > {{TIMEOUT_MS}} THEN 1 ELSE 0 END AS starts
    FROM judged
    WHERE reason IS NULL
    WINDOW w AS (PARTITION BY user_id ORDER BY t, page, site NULLS FIRST, api_version NULLS FIRST,
        browser NULLS FIRST, language NULLS FIRST)
),
numbered AS (
    SELECT *, sum(starts) OVER (PARTITION BY user_id ORDER BY t, page ROWS UNBOUNDED PRECEDING) AS session
    FROM marked
    WHERE NOT coalesce(duplicate, false)
)
SELECT user_id, session,
    min(t) AS start_ms, max(t) AS end_ms, count(*) AS event_count,
    -- list_sort orders the pages by (t, page): the canonical order once duplicates are gone; it is
    -- much faster than list(... ORDER BY t, page).
    list_sort(list({t: t, page: page})) AS pages,
    -- The metadata of the session's first event.
    max(site) FILTER (WHERE starts = 1) AS site, max(api_version) FILTER (WHERE starts = 1) AS api_version,
    max(browser) FILTER (WHERE starts = 1) AS browser, max(language) FILTER (WHERE starts = 1) AS language,
    session = max(session) OVER (PARTITION BY user_id) AS is_last
FROM numbered
GROUP BY user_id, session;

COPY (
    SELECT left(sha256(user_id::VARCHAR || ':' || start_ms::VARCHAR), 32) AS session_id,
        user_id,
        strftime(make_timestamp(start_ms * 1000), '%Y-%m-%dT%H:%M:%S.%gZ') AS start,
        strftime(make_timestamp(end_ms * 1000), '%Y-%m-%dT%H:%M:%S.%gZ') AS "end",
        end_ms - start_ms AS duration_ms,
        event_count, pages[1].page AS entry_page, pages[-1].page AS exit_page,
        list_transform(pages, (p, i) -> {
            event_time: strftime(make_timestamp(p.t * 1000), '%Y-%m-%dT%H:%M:%S.%gZ'),
            page: p.page,
            time_on_page_ms: CASE WHEN i < event_count THEN pages[i + 1].t - p.t END}) AS pages,
        site, api_version, browser, language,
        CASE
            WHEN NOT is_last OR end_ms + {{TIMEOUT_MS}} < {{WINDOW_END_MS}} THEN 'inactivity'
            ELSE 'max_duration'
        END AS end_reason,
        '{{WINDOW}}' AS "window"
    FROM sessions
    WHERE NOT is_last OR end_ms + {{TIMEOUT_MS}} < {{WINDOW_END_MS}} OR end_ms - start_ms >= {{MAX_DURATION_MS}}
) TO '{{CLOSED_PATH}}' (FORMAT json, COMPRESSION gzip);

COPY (
    SELECT user_id AS "userId",
        list_transform(pages, p -> {"eventTime": p.t, "pageName": p.page}) AS "visitedPages",
        browser, language, site, api_version AS "apiVersion",
        end_ms + {{TIMEOUT_MS}} AS "expirationTimeMillisUtc",
        true AS "isActive"
    FROM sessions
    WHERE is_last AND end_ms + {{TIMEOUT_MS}} >= {{WINDOW_END_MS}} AND end_ms - start_ms < {{MAX_DURATION_MS}}
) TO '{{ACTIVE_PATH}}' (FORMAT json);
