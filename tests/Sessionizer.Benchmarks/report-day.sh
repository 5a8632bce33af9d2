#!/usr/bin/env bash
# The measurement of `sessionizer report` (issue 13): a day of benchmark-size windows (24 hours of
# about 5 million events each, generated as run-benchmark.sh generates its window), committed by
# `run --from --to` four hours at a time, each chunk's input deleted once committed (a day of plain
# input is about 54 GB; the outputs, which the report reads, about 2.3 GB). Hour 14 gets more
# damaged lines (a spike of rejected lines, under the 1 % gate) and hour 22 is rerun at the end
# with --inactivity-timeout 10m (so its parameters differ and hour 23 is stale): what the page is
# for. Then the report is timed with /usr/bin/time -v.
#
#   tests/Sessionizer.Benchmarks/report-day.sh [DIR]     # default DIR /tmp/sessionizer-report-day
#
# Needs about 10 GB free under DIR while a chunk's input exists. The outputs are kept in DIR/out
# (delete DIR when done); the report is DIR/report.html.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dir="${1:-/tmp/sessionizer-report-day}"
cli="$dir/cli"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$dir"

if [[ ! -f "$cli/sessionizer.dll" ]]; then
    dotnet publish "$repo/src/Sessionizer.Cli" -c Release -o "$cli" -p:PublishReadyToRun=true > "$dir/publish.log" 2>&1 \
        || { tail -n 20 "$dir/publish.log" >&2; exit 1; }
fi
sessionizer() { dotnet "$cli/sessionizer.dll" "$@"; }

if [[ ! -f "$dir/out/.complete" ]]; then
    rm -rf "$dir/in" "$dir/out"
    for chunk in 0 1 2 3 4 5; do
        first=$((chunk * 4)); last=$((first + 3))
        for hour in $(seq "$first" "$last"); do
            anomalies=()
            [[ "$hour" == 14 ]] && anomalies=(--anomalies malformed=0.005,missing=0.003)
            sessionizer generate --output "$dir/in" --seed $((hour + 1)) --start "$(printf '2026-11-20T%02d' "$hour")" --hours 1 \
                --visits 7700 --late-fraction 0 --files-per-hour 4 "${anomalies[@]}" 2>> "$dir/generate.log"
        done
        state=(); [[ "$chunk" == 0 ]] && state=(--no-previous-state)
        sessionizer run --from "$(printf '2026-11-20T%02d' "$first")" --to "$(printf '2026-11-20T%02d' "$last")" \
            --input "$dir/in" --output "$dir/out" "${state[@]}" 2>> "$dir/run.log"
        if [[ "$chunk" == 5 ]]; then
            sessionizer run --window 2026-11-20T22 --input "$dir/in" --output "$dir/out" --inactivity-timeout 10m 2>> "$dir/run.log"
        fi
        rm -rf "$dir/in"
        echo "hours $first-$last committed; $(df -h --output=avail "$dir" | tail -1) free"
    done
    touch "$dir/out/.complete"
fi
du -sh "$dir/out"

if sessionizer report --help > /dev/null 2>&1; then
    /usr/bin/time -v dotnet "$cli/sessionizer.dll" report --output "$dir/out" --from 2026-11-20T00 --to 2026-11-20T23 \
        --out "$dir/report.html" 2> "$dir/report-time.log"
    grep -E "Elapsed|Maximum resident|Percent of CPU" "$dir/report-time.log"
fi
