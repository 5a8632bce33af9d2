#!/usr/bin/env bash
# Syntax check of every rendered Spark SQL file (tests/Sessionizer.Sql.Tests/golden/*.spark.sql) with
# dt-sql-parser 4.5.1 (Spark 3.5 grammar), after the checker's self-test. node_modules and the bundle
# live in a cache folder outside the repository; npm installs there only when it is missing or stale.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${SESSIONIZER_SPARK_SQL_CHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sessionizer/spark-sql-check}"

command -v node >/dev/null || { echo "spark-sql-check: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "spark-sql-check: npm is not installed" >&2; exit 1; }
echo "spark-sql-check: node $(node --version), cache $cache"

mkdir -p "$cache"
if ! cmp -s "$here/package-lock.json" "$cache/package-lock.json" || [ ! -d "$cache/node_modules" ]; then
    rm -rf "$cache/node_modules"
    cp "$here/package.json" "$here/package-lock.json" "$cache/"
    if ! (cd "$cache" && npm ci --no-audit --no-fund); then
        echo "spark-sql-check: npm ci failed in $cache (is the npm registry reachable?)" >&2
        rm -rf "$cache/node_modules" "$cache/package-lock.json"
        exit 1
    fi
fi

cp "$here/check.mjs" "$cache/check.mjs"
(cd "$cache" && ./node_modules/.bin/esbuild check.mjs --bundle --platform=node --format=esm --log-level=warning --outfile=check.bundle.mjs)

node "$cache/check.bundle.mjs" --self-test
shopt -s nullglob
files=("$repo"/tests/Sessionizer.Sql.Tests/golden/*.spark.sql)
if [ ${#files[@]} -eq 0 ]; then
    echo "spark-sql-check: no golden *.spark.sql file" >&2
    exit 1
fi

node "$cache/check.bundle.mjs" "${files[@]}"
