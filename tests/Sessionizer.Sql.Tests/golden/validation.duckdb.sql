WITH shaped AS (
    SELECT *,
        regexp_full_match(raw, '[ \t\r\n]*') AS blank,
        bytes > 1048576 AS too_long,
        regexp_replace(raw, '"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"', '""', 'g') AS skeleton
    FROM (SELECT file, line, raw, bytes, utf8 FROM lines)
),
lexed AS (
    SELECT *,
        NOT blank AND NOT too_long AND utf8 AND regexp_full_match(skeleton, '(?:[ \t\r\n{}\[\]:,]|""|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)*') AND NOT regexp_matches(skeleton, ',[ \t\r\n]*[\]}]') AS strict
    FROM shaped
),
structured AS (
    SELECT *,
        CASE WHEN strict THEN json_valid(skeleton) ELSE false END AS structured,
        CASE WHEN strict THEN regexp_replace(skeleton, '[^\[\]{}]', '', 'g') END AS brackets
    FROM lexed
),
checked AS (
    SELECT *,
        CASE WHEN NOT structured THEN false WHEN length(brackets) <= 2000 THEN true ELSE (list_reduce(list_transform(string_split(brackets, ''), lambda c: CASE WHEN c IN ('[', '{') THEN 1 ELSE -1 END), lambda acc, x: greatest(acc // 2097152, acc % 2097152 + x) * 2097152 + acc % 2097152 + x, 0::BIGINT) // 2097152) <= 1000 END AS one_json_value
    FROM structured
),
sanitized AS (
    SELECT *,
        one_json_value AND regexp_matches(skeleton, '^[ \t\r\n]*\{') AS is_object,
        CASE WHEN one_json_value THEN CASE WHEN regexp_matches(raw, '\\u[dD][89a-fA-F]') THEN array_to_string(list_transform(regexp_extract_all(raw, '"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"(?:[ \t\r\n]*:)?|[^"]+'), lambda piece: CASE WHEN left(piece, 1) = '"' AND regexp_matches(regexp_replace(piece, '\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-cA-CefEF][0-9a-fA-F]{3}|u[dD][0-7][0-9a-fA-F]{2}|[^u])', '', 'g'), '\\u') THEN CASE WHEN right(piece, 1) = ':' THEN '"":' ELSE 'false' END ELSE piece END), '') ELSE raw END END AS json
    FROM checked
),
fields1 AS (
    SELECT *,
        CASE WHEN is_object THEN json_keys(json) END AS top_keys,
        CASE WHEN is_object THEN json_extract(json, '$.*') END AS top_values
    FROM sanitized
),
fields2 AS (
    SELECT *,
        top_values[len(top_keys) + 1 - list_position(list_reverse(top_keys), 'user_id')] AS user_id_json,
        top_values[len(top_keys) + 1 - list_position(list_reverse(top_keys), 'event_time')] AS event_time_json,
        top_values[len(top_keys) + 1 - list_position(list_reverse(top_keys), 'page')] AS page_json,
        top_values[len(top_keys) + 1 - list_position(list_reverse(top_keys), 'source')] AS source_json,
        top_values[len(top_keys) + 1 - list_position(list_reverse(top_keys), 'technical')] AS technical_json
    FROM fields1
),
fields3 AS (
    SELECT *,
        CASE WHEN json_type(page_json) = 'OBJECT' THEN json_keys(page_json) END AS page_keys,
        CASE WHEN json_type(page_json) = 'OBJECT' THEN json_extract(page_json, '$.*') END AS page_values,
        CASE WHEN json_type(source_json) = 'OBJECT' THEN json_keys(source_json) END AS source_keys,
        CASE WHEN json_type(source_json) = 'OBJECT' THEN json_extract(source_json, '$.*') END AS source_values,
        CASE WHEN json_type(technical_json) = 'OBJECT' THEN json_keys(technical_json) END AS technical_keys,
        CASE WHEN json_type(technical_json) = 'OBJECT' THEN json_extract(technical_json, '$.*') END AS technical_values
    FROM fields2
),
fields4 AS (
    SELECT *,
        page_values[len(page_keys) + 1 - list_position(list_reverse(page_keys), 'current')] AS current_json,
        source_values[len(source_keys) + 1 - list_position(list_reverse(source_keys), 'site')] AS site_json,
        source_values[len(source_keys) + 1 - list_position(list_reverse(source_keys), 'api_version')] AS api_version_json,
        technical_values[len(technical_keys) + 1 - list_position(list_reverse(technical_keys), 'browser')] AS browser_json,
        technical_values[len(technical_keys) + 1 - list_position(list_reverse(technical_keys), 'lang')] AS language_json
    FROM fields3
),
fields5 AS (
    SELECT *,
        CASE WHEN coalesce(json_type(user_id_json), 'NULL') = 'NULL' THEN 'absent' WHEN CASE WHEN json_type(user_id_json) IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(user_id_json::VARCHAR AS BIGINT) END IS NOT NULL THEN 'integer' ELSE 'other' END AS user_id_kind,
        CASE WHEN json_type(user_id_json) IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(user_id_json::VARCHAR AS BIGINT) END AS user_id,
        CASE WHEN json_type(event_time_json) = 'VARCHAR' THEN 'string' ELSE CASE WHEN coalesce(json_type(event_time_json), 'NULL') = 'NULL' THEN 'absent' WHEN CASE WHEN json_type(event_time_json) IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(event_time_json::VARCHAR AS BIGINT) END IS NOT NULL THEN 'integer' ELSE 'other' END END AS event_time_kind,
        CASE WHEN json_type(event_time_json) = 'VARCHAR' THEN json_extract_string(event_time_json, '$') END AS event_time_text,
        CASE WHEN json_type(event_time_json) IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(event_time_json::VARCHAR AS BIGINT) END AS event_time_integer,
        CASE WHEN coalesce(json_type(current_json), 'NULL') = 'NULL' THEN 'absent' WHEN json_type(current_json) = 'VARCHAR' THEN 'string' ELSE 'other' END AS page_kind,
        CASE WHEN json_type(current_json) = 'VARCHAR' THEN json_extract_string(current_json, '$') END AS page,
        CASE WHEN json_type(site_json) = 'VARCHAR' THEN json_extract_string(site_json, '$') END AS site,
        CASE WHEN json_type(api_version_json) = 'VARCHAR' THEN json_extract_string(api_version_json, '$') END AS api_version,
        CASE WHEN json_type(browser_json) = 'VARCHAR' THEN json_extract_string(browser_json, '$') END AS browser,
        CASE WHEN json_type(language_json) = 'VARCHAR' THEN json_extract_string(language_json, '$') END AS language
    FROM fields4
),
timed AS (
    SELECT *,
        coalesce(event_time_kind = 'string' AND regexp_full_match(event_time_text, '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])'), false) AS et_iso,
        CASE WHEN event_time_kind = 'string' AND regexp_full_match(event_time_text, '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])') THEN CAST(substr(event_time_text, 1, 4) AS BIGINT) END AS et_year,
        CASE WHEN event_time_kind = 'string' AND regexp_full_match(event_time_text, '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])') THEN CAST(substr(event_time_text, 6, 2) AS BIGINT) END AS et_month,
        CASE WHEN event_time_kind = 'string' AND regexp_full_match(event_time_text, '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])') THEN CAST(substr(event_time_text, 9, 2) AS BIGINT) END AS et_day,
        CASE WHEN event_time_kind = 'string' AND regexp_full_match(event_time_text, '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])') THEN CAST(substr(event_time_text, 12, 2) AS BIGINT) * 3600 + CAST(substr(event_time_text, 15, 2) AS BIGINT) * 60 + CAST(substr(event_time_text, 18, 2) AS BIGINT) END AS et_second_of_day,
        CASE WHEN event_time_kind = 'string' AND regexp_full_match(event_time_text, '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])') THEN CAST(rpad(regexp_extract(event_time_text, '\.([0-9]{1,3})', 1), 3, '0') AS BIGINT) END AS et_millis,
        CASE WHEN event_time_kind = 'string' AND regexp_full_match(event_time_text, '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])') THEN CASE WHEN upper(right(event_time_text, 1)) = 'Z' THEN 0 ELSE CASE WHEN substr(right(event_time_text, 6), 1, 1) = '-' THEN -1 ELSE 1 END * (CAST(substr(right(event_time_text, 5), 1, 2) AS BIGINT) * 60 + CAST(right(event_time_text, 2) AS BIGINT)) END END AS et_offset_minutes
    FROM fields5
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
        ((et_march_year) // (400)) AS et_era,
        ((153 * et_march_month + 2) // (5)) + et_day - 1 AS et_day_of_year
    FROM dated
),
instant AS (
    SELECT *,
        CASE WHEN event_time_kind = 'integer' THEN event_time_integer WHEN et_date_ok THEN (et_era * 146097 + (et_march_year - et_era * 400) * 365 + ((et_march_year - et_era * 400) // (4)) - ((et_march_year - et_era * 400) // (100)) + et_day_of_year - 719468) * 86400000 + et_second_of_day * 1000 + et_millis - et_offset_minutes * 60000 END AS event_time_ms
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
    CASE WHEN reason IS NOT NULL THEN CASE WHEN utf8 THEN CASE WHEN strlen(raw) <= 65536 THEN raw ELSE coalesce(try(decode(encode(raw)[1:65536])), try(decode(encode(raw)[1:65535])), try(decode(encode(raw)[1:65534])), try(decode(encode(raw)[1:65533]))) END ELSE raw END END AS raw
FROM judged
