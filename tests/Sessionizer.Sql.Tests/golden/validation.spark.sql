WITH shaped AS (
    SELECT *,
        (raw RLIKE '^(?:[ \\t\\r\\n]*)\\z') AS blank,
        bytes > 1048576 AS too_long,
        regexp_replace(raw, '"(?:[^"\\\\\\x00-\\x1f]|\\\\["\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*+"', '""') AS skeleton
    FROM (SELECT file, line, raw, bytes, utf8 FROM lines)
),
lexed AS (
    SELECT *,
        NOT blank AND NOT too_long AND utf8 AND (skeleton RLIKE '^(?:(?:[ \\t\\r\\n{}\\[\\]:,]|""|-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)*+)\\z') AND NOT (skeleton RLIKE ',[ \\t\\r\\n]*[\\]}]') AS strict
    FROM shaped
),
structured AS (
    SELECT *,
        CASE WHEN strict THEN (coalesce(size(from_json(concat('[', regexp_replace(skeleton, '\\[[ \\t\\r\\n]*+(?:(?:""|-?+(?:0|[1-9][0-9]*+)(?:\\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)[ \\t\\r\\n]*+(?:,[ \\t\\r\\n]*+(?:""|-?+(?:0|[1-9][0-9]*+)(?:\\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)[ \\t\\r\\n]*+)*+)?+\\]|\\{[ \\t\\r\\n]*+(?:""[ \\t\\r\\n]*+:[ \\t\\r\\n]*+(?:""|-?+(?:0|[1-9][0-9]*+)(?:\\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)[ \\t\\r\\n]*+(?:,[ \\t\\r\\n]*+""[ \\t\\r\\n]*+:[ \\t\\r\\n]*+(?:""|-?+(?:0|[1-9][0-9]*+)(?:\\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)[ \\t\\r\\n]*+)*+)?+\\}', ' null '), ']'), 'ARRAY<STRING>', map('allowSingleQuotes', 'false', 'allowNonNumericNumbers', 'false'))), 0) = 1 AND from_json(concat('{"v":', regexp_replace(skeleton, '\\[[ \\t\\r\\n]*+(?:(?:""|-?+(?:0|[1-9][0-9]*+)(?:\\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)[ \\t\\r\\n]*+(?:,[ \\t\\r\\n]*+(?:""|-?+(?:0|[1-9][0-9]*+)(?:\\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)[ \\t\\r\\n]*+)*+)?+\\]|\\{[ \\t\\r\\n]*+(?:""[ \\t\\r\\n]*+:[ \\t\\r\\n]*+(?:""|-?+(?:0|[1-9][0-9]*+)(?:\\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)[ \\t\\r\\n]*+(?:,[ \\t\\r\\n]*+""[ \\t\\r\\n]*+:[ \\t\\r\\n]*+(?:""|-?+(?:0|[1-9][0-9]*+)(?:\\.[0-9]++)?+(?:[eE][+-]?+[0-9]++)?+|true|false|null)[ \\t\\r\\n]*+)*+)?+\\}', ' null '), '}'), 'MAP<STRING,STRING>', map('allowSingleQuotes', 'false', 'allowNonNumericNumbers', 'false')) IS NOT NULL) ELSE false END AS structured,
        CASE WHEN strict THEN regexp_replace(skeleton, '[^\\[\\]{}]', '') END AS brackets
    FROM lexed
),
checked AS (
    SELECT *,
        CASE WHEN NOT structured THEN false WHEN length(brackets) <= 2000 THEN true ELSE aggregate(split(brackets, ''), named_struct('depth', 0, 'deepest', 0), (acc, c) -> named_struct('depth', acc.depth + CASE WHEN c IN ('[', '{') THEN 1 WHEN c IN (']', '}') THEN -1 ELSE 0 END, 'deepest', greatest(acc.deepest, acc.depth + CASE WHEN c IN ('[', '{') THEN 1 WHEN c IN (']', '}') THEN -1 ELSE 0 END)), acc -> acc.deepest) <= 1000 END AS one_json_value
    FROM structured
),
sanitized AS (
    SELECT *,
        one_json_value AND (skeleton RLIKE '^[ \\t\\r\\n]*\\{') AS is_object,
        CASE WHEN one_json_value THEN CASE WHEN (raw RLIKE '\\\\u[dD][89a-fA-F]') THEN array_join(transform(regexp_extract_all(raw, '"(?:[^"\\\\\\x00-\\x1f]|\\\\["\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*+"(?:[ \\t\\r\\n]*:)?|[^"]+', 0), piece -> CASE WHEN left(piece, 1) = '"' AND (regexp_replace(piece, '\\\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-cA-CefEF][0-9a-fA-F]{3}|u[dD][0-7][0-9a-fA-F]{2}|[^u])', '') RLIKE '\\\\u') THEN CASE WHEN right(piece, 1) = ':' THEN '"":' ELSE 'false' END ELSE piece END), '') ELSE raw END END AS json
    FROM checked
),
fields1 AS (
    SELECT *,
        CASE WHEN is_object THEN regexp_replace(json, '"([^"\\\\]*+(?:\\\\.[^"\\\\]*+)*+)"', '"S$1"') END AS marked_json
    FROM sanitized
),
fields2 AS (
    SELECT *,
        from_json(marked_json, 'Suser_id STRING, Sevent_time STRING, Spage STRING, Ssource STRING, Stechnical STRING', map('allowSingleQuotes', 'false', 'allowNonNumericNumbers', 'false')) AS top_fields
    FROM fields1
),
fields3 AS (
    SELECT *,
        top_fields.Suser_id AS user_id_json,
        top_fields.Sevent_time AS event_time_json,
        CASE WHEN left(top_fields.Spage, 1) = '{' THEN from_json(top_fields.Spage, 'Scurrent STRING', map('allowSingleQuotes', 'false', 'allowNonNumericNumbers', 'false')) END AS page_fields,
        CASE WHEN left(top_fields.Ssource, 1) = '{' THEN from_json(top_fields.Ssource, 'Ssite STRING, Sapi_version STRING', map('allowSingleQuotes', 'false', 'allowNonNumericNumbers', 'false')) END AS source_fields,
        CASE WHEN left(top_fields.Stechnical, 1) = '{' THEN from_json(top_fields.Stechnical, 'Sbrowser STRING, Slang STRING', map('allowSingleQuotes', 'false', 'allowNonNumericNumbers', 'false')) END AS technical_fields
    FROM fields2
),
fields4 AS (
    SELECT *,
        CASE WHEN user_id_json IS NULL THEN 'absent' WHEN CASE WHEN user_id_json RLIKE '^-?[0-9]+\\z' THEN try_cast(user_id_json AS BIGINT) END IS NOT NULL THEN 'integer' ELSE 'other' END AS user_id_kind,
        CASE WHEN user_id_json RLIKE '^-?[0-9]+\\z' THEN try_cast(user_id_json AS BIGINT) END AS user_id,
        CASE WHEN left(event_time_json, 1) = 'S' THEN 'string' ELSE CASE WHEN event_time_json IS NULL THEN 'absent' WHEN CASE WHEN event_time_json RLIKE '^-?[0-9]+\\z' THEN try_cast(event_time_json AS BIGINT) END IS NOT NULL THEN 'integer' ELSE 'other' END END AS event_time_kind,
        CASE WHEN left(event_time_json, 1) = 'S' THEN substr(event_time_json, 2) END AS event_time_text,
        CASE WHEN event_time_json RLIKE '^-?[0-9]+\\z' THEN try_cast(event_time_json AS BIGINT) END AS event_time_integer,
        CASE WHEN page_fields.Scurrent IS NULL THEN 'absent' WHEN left(page_fields.Scurrent, 1) = 'S' THEN 'string' ELSE 'other' END AS page_kind,
        CASE WHEN left(page_fields.Scurrent, 1) = 'S' THEN substr(page_fields.Scurrent, 2) END AS page,
        CASE WHEN left(source_fields.Ssite, 1) = 'S' THEN substr(source_fields.Ssite, 2) END AS site,
        CASE WHEN left(source_fields.Sapi_version, 1) = 'S' THEN substr(source_fields.Sapi_version, 2) END AS api_version,
        CASE WHEN left(technical_fields.Sbrowser, 1) = 'S' THEN substr(technical_fields.Sbrowser, 2) END AS browser,
        CASE WHEN left(technical_fields.Slang, 1) = 'S' THEN substr(technical_fields.Slang, 2) END AS language
    FROM fields3
),
timed AS (
    SELECT *,
        coalesce(event_time_kind = 'string' AND (event_time_text RLIKE '^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))\\z'), false) AS et_iso,
        CASE WHEN event_time_kind = 'string' AND (event_time_text RLIKE '^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))\\z') THEN CAST(substr(event_time_text, 1, 4) AS BIGINT) END AS et_year,
        CASE WHEN event_time_kind = 'string' AND (event_time_text RLIKE '^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))\\z') THEN CAST(substr(event_time_text, 6, 2) AS BIGINT) END AS et_month,
        CASE WHEN event_time_kind = 'string' AND (event_time_text RLIKE '^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))\\z') THEN CAST(substr(event_time_text, 9, 2) AS BIGINT) END AS et_day,
        CASE WHEN event_time_kind = 'string' AND (event_time_text RLIKE '^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))\\z') THEN CAST(substr(event_time_text, 12, 2) AS BIGINT) * 3600 + CAST(substr(event_time_text, 15, 2) AS BIGINT) * 60 + CAST(substr(event_time_text, 18, 2) AS BIGINT) END AS et_second_of_day,
        CASE WHEN event_time_kind = 'string' AND (event_time_text RLIKE '^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))\\z') THEN CAST(rpad(regexp_extract(event_time_text, '\\.([0-9]{1,3})', 1), 3, '0') AS BIGINT) END AS et_millis,
        CASE WHEN event_time_kind = 'string' AND (event_time_text RLIKE '^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))\\z') THEN CASE WHEN upper(right(event_time_text, 1)) = 'Z' THEN 0 ELSE CASE WHEN substr(right(event_time_text, 6), 1, 1) = '-' THEN -1 ELSE 1 END * (CAST(substr(right(event_time_text, 5), 1, 2) AS BIGINT) * 60 + CAST(right(event_time_text, 2) AS BIGINT)) END END AS et_offset_minutes
    FROM fields4
),
dated AS (
    SELECT *,
        et_iso AND et_year >= 1 AND et_day <= CASE WHEN et_month = 2 THEN CASE WHEN et_year % 4 = 0 AND (et_year % 100 <> 0 OR et_year % 400 = 0) THEN 29 ELSE 28 END WHEN et_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END AS et_date_ok,
        CASE WHEN et_month <= 2 THEN et_year - 1 ELSE et_year END AS et_march_year,
        CASE WHEN et_month > 2 THEN et_month - 3 ELSE et_month + 9 END AS et_march_month
    FROM timed
),
counted AS (
    SELECT *,
        ((et_march_year) div (400)) AS et_era,
        ((153 * et_march_month + 2) div (5)) + et_day - 1 AS et_day_of_year
    FROM dated
),
instant AS (
    SELECT *,
        CASE WHEN event_time_kind = 'integer' THEN event_time_integer WHEN et_date_ok THEN (et_era * 146097 + (et_march_year - et_era * 400) * 365 + ((et_march_year - et_era * 400) div (4)) - ((et_march_year - et_era * 400) div (100)) + et_day_of_year - 719468) * 86400000 + et_second_of_day * 1000 + et_millis - et_offset_minutes * 60000 END AS event_time_ms
    FROM counted
),
judged AS (
    SELECT *,
        CASE WHEN blank THEN NULL
            WHEN too_long THEN 'line_too_long'
            WHEN NOT one_json_value THEN 'malformed_json'
            WHEN NOT is_object THEN 'not_an_object'
            WHEN user_id_kind = 'absent' THEN 'missing_user_id'
            WHEN user_id_kind <> 'integer' OR user_id <= 0 THEN 'invalid_user_id'
            WHEN event_time_kind = 'absent' THEN 'missing_event_time'
            WHEN event_time_ms IS NULL OR event_time_ms < -62135596800000 OR event_time_ms > 253402300799999 THEN 'invalid_event_time'
            WHEN page_kind = 'absent' THEN 'missing_page'
            WHEN page_kind <> 'string' OR page = '' THEN 'invalid_page'
        END AS reason
    FROM instant
)
SELECT file, line,
    CASE WHEN blank THEN 'blank' WHEN reason IS NULL THEN 'visit' ELSE 'rejected' END AS kind,
    reason,
    CASE WHEN NOT blank AND reason IS NULL THEN user_id END AS user_id,
    CASE WHEN NOT blank AND reason IS NULL THEN event_time_ms END AS event_time_ms,
    CASE WHEN NOT blank AND reason IS NULL THEN page END AS page,
    CASE WHEN NOT blank AND reason IS NULL THEN site END AS site,
    CASE WHEN NOT blank AND reason IS NULL THEN api_version END AS api_version,
    CASE WHEN NOT blank AND reason IS NULL THEN browser END AS browser,
    CASE WHEN NOT blank AND reason IS NULL THEN language END AS language,
    CASE WHEN reason IS NOT NULL THEN CASE WHEN utf8 THEN CASE WHEN octet_length(raw) <= 65536 THEN raw WHEN NOT conv(hex(substring(encode(raw, 'UTF-8'), 65537, 1)), 16, 10) BETWEEN 128 AND 191 THEN decode(substring(encode(raw, 'UTF-8'), 1, 65536), 'UTF-8') WHEN NOT conv(hex(substring(encode(raw, 'UTF-8'), 65536, 1)), 16, 10) BETWEEN 128 AND 191 THEN decode(substring(encode(raw, 'UTF-8'), 1, 65535), 'UTF-8') WHEN NOT conv(hex(substring(encode(raw, 'UTF-8'), 65535, 1)), 16, 10) BETWEEN 128 AND 191 THEN decode(substring(encode(raw, 'UTF-8'), 1, 65534), 'UTF-8') ELSE decode(substring(encode(raw, 'UTF-8'), 1, 65533), 'UTF-8') END ELSE raw END END AS raw
FROM judged
