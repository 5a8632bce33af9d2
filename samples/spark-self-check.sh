#!/usr/bin/env bash
# The Spark engine's self-check, to run once on your cluster: the three sample windows through
# sessionizer-spark, compared with samples/expected (the local engine's records and manifest counts),
# differences printed.
#
#   samples/spark-self-check.sh WORK_URI [spark-submit options...]
#
#   WORK_URI   a Hadoop folder the job may write, e.g. hdfs:///tmp/sessionizer-check or file:///tmp/check
#              (the sample logs are copied to WORK_URI/in, the outputs go to WORK_URI/out)
#   options    passed to spark-submit before the jar, e.g. --master yarn --deploy-mode client
#
# Needs: spark-submit and hadoop (or hdfs) on PATH; SESSIONIZER_SPARK, the folder `dotnet pwsh ./build.ps1 spark`
# published (artifacts/sessionizer-spark by default), holding sessionizer-spark and the
# microsoft-spark-*.jar matching your Spark (3.5: microsoft-spark-3-5_2.12-2.3.1.jar).
# Spark 3.5.4 and later: add --conf spark.dotnet.ignoreSparkPatchVersionCheck=true to the options (the
# 2.3.1 jar's DotnetRunner accepts 3.5.0 to 3.5.3 only).
# Exit 0 when every record matches; 1 with the differences otherwise; 2 without the app; the run's exit
# code (spark-submit's) when the run fails.
set -euo pipefail
work=${1:?usage: samples/spark-self-check.sh WORK_URI [spark-submit options...]}
shift
here="$(cd "$(dirname "$0")" && pwd)"
app="${SESSIONIZER_SPARK:-$here/../artifacts/sessionizer-spark}"
# "|| true": under set -e and pipefail a failed ls would end the script here, without the message below.
jar=$(ls "$app"/microsoft-spark-*.jar 2>/dev/null | sort | tail -n 1 || true)
[[ -x "$app/sessionizer-spark" && -n "$jar" ]] || { echo "no sessionizer-spark and microsoft-spark jar in $app: run dotnet tool restore && dotnet pwsh ./build.ps1 spark" >&2; exit 2; }
fs() { if command -v hadoop >/dev/null; then hadoop fs "$@"; else hdfs dfs "$@"; fi; }

fs -rm -r -f "$work/in" "$work/out" >/dev/null 2>&1 || true
fs -mkdir -p "$work"
fs -put "$here/logs" "$work/in"

spark-submit --class org.apache.spark.deploy.dotnet.DotnetRunner \
    --conf spark.sql.session.timeZone=UTC "$@" \
    "$jar" "$app/sessionizer-spark" run --from 2026-11-20T10 --to 2026-11-20T12 \
    --input "$work/in" --output "$work/out" --no-previous-state

local_copy=$(mktemp -d)
trap 'rm -rf "$local_copy"' EXIT
fs -get "$work/out" "$local_copy/out"
bash "$here/compare.sh" "$local_copy/out" "$here/expected"
