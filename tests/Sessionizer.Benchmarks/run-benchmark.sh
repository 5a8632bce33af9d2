#!/usr/bin/env bash
# The end-to-end benchmark of issue "Fast and lean on one machine: beat DuckDB by 2.5x".
#
# Generates one hourly window of visit logs (cached), warms the page cache, then runs, alternately
# and several times, `sessionizer run` on it, the DuckDB peer (lean.sql and full.sql) and the scan
# floor, each measured with /usr/bin/time -v (wall clock, peak RSS), and prints a table with the
# paired ratios and the targets. With --scaling it runs ours only at several sizes instead.
#
#   tests/Sessionizer.Benchmarks/run-benchmark.sh                      # 5 M events, 3 rounds
#   tests/Sessionizer.Benchmarks/run-benchmark.sh --events 1000000 --rounds 5
#   tests/Sessionizer.Benchmarks/run-benchmark.sh --scaling 1000000,5000000,20000000
#
# Every option has an environment variable (in brackets); run with --help for the list.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

events="${BENCH_EVENTS:-5000000}"
rounds="${BENCH_ROUNDS:-3}"
dir="${BENCH_DIR:-/tmp/sessionizer-bench}"
peers="${BENCH_PEERS:-lean,full}"
floor="${BENCH_FLOOR:-1}"
floor_threads="${BENCH_FLOOR_THREADS:-2}"
scaling="${BENCH_SCALING:-}"
visits="${BENCH_VISITS:-}"
parallelism="${BENCH_PARALLELISM:-}"
sessionizer="${BENCH_SESSIONIZER:-}"
keep_outputs="${BENCH_KEEP_OUTPUTS:-0}"
time_bin="${BENCH_TIME:-/usr/bin/time}"   # GNU time; another path only to test the fallback
window="2026-11-20T10"
partition="2026/11/20/10"

usage() {
    cat <<EOF
usage: $(basename "$0") [options]

  --events N          events (lines) in the window                       [BENCH_EVENTS]   5000000
  --rounds R          alternating rounds of every engine                 [BENCH_ROUNDS]   3
  --dir DIR           generated inputs (kept, reused), outputs and logs  [BENCH_DIR]      /tmp/sessionizer-bench
  --peers LIST        DuckDB queries to run: lean,full | lean | full | none  [BENCH_PEERS] lean,full
  --no-floor          skip the scan floor                                [BENCH_FLOOR=0]
  --floor-threads N   threads of the scan floor                          [BENCH_FLOOR_THREADS] 2
  --scaling LIST      e.g. 1000000,5000000,20000000: run only ours, R rounds at each size,
                      and print time and peak RSS per event              [BENCH_SCALING]
  --visits V          concurrent visits of the generator; default 7700 up to 5 M events, and
                      proportionally more above, so that the window is one hour [BENCH_VISITS]
  --parallelism N     passed to sessionizer run (default: all cores)     [BENCH_PARALLELISM]
  --sessionizer DLL   benchmark this sessionizer.dll instead of publishing src/Sessionizer.Cli,
                      e.g. one built from another commit                 [BENCH_SESSIONIZER]
  --keep-outputs      keep each run's outputs under DIR/work             [BENCH_KEEP_OUTPUTS=1]
  --clean             delete DIR (generated inputs included) and exit

Disk: about 450 bytes per event per input (5 M events: 2.2 GB; 20 M: 9 GB), kept in DIR for the
next run; outputs (about 100 MB per run at 5 M) are deleted after each run.
EOF
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --events) events="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --dir) dir="$2"; shift 2 ;;
        --peers) peers="$2"; shift 2 ;;
        --no-floor) floor=0; shift ;;
        --floor-threads) floor_threads="$2"; shift 2 ;;
        --scaling) scaling="$2"; shift 2 ;;
        --visits) visits="$2"; shift 2 ;;
        --parallelism) parallelism="$2"; shift 2 ;;
        --sessionizer) sessionizer="$2"; shift 2 ;;
        --keep-outputs) keep_outputs=1; shift ;;
        --clean) rm -rf "$dir"; echo "removed $dir"; exit 0 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }
is_count "$events" || { echo "--events must be a positive integer" >&2; exit 2; }
is_count "$rounds" || { echo "--rounds must be a positive integer" >&2; exit 2; }
[[ "$peers" == none ]] && peers=""
[[ "$peers" =~ ^((lean|full)(,(lean|full))?)?$ ]] || { echo "--peers must be lean,full, lean, full or none" >&2; exit 2; }
sizes=()
if [[ -n "$scaling" ]]; then
    IFS=, read -r -a sizes <<<"$scaling"
    for n in "${sizes[@]}"; do is_count "$n" || { echo "--scaling takes sizes like 1000000,5000000" >&2; exit 2; }; done
fi

dir="$(mkdir -p "$dir" && cd "$dir" && pwd)"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
logs="$dir/logs/$stamp"
work="$dir/work"
mkdir -p "$logs" "$work"
results="$logs/results.tsv"
printf 'round\tengine\tevents\twall_s\tpeak_rss_kb\tcpu_s\n' >"$results"

say() { printf '== %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# Setup: the measuring tool, our CLI, the scan floor, the DuckDB peer.

if [[ ! -x "$time_bin" && "$time_bin" == /usr/bin/time ]] && command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    say "installing GNU time (apt-get install -y time)"
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; } || true
fi
if [[ -x "$time_bin" ]]; then
    timer="GNU time (/usr/bin/time -v)"
else
    timer="a /proc poller (no /usr/bin/time): wall clock from \$EPOCHREALTIME, peak RSS from VmHWM every 50 ms"
fi

sessionizer_given=0
[[ -n "$sessionizer" ]] && sessionizer_given=1
if [[ -z "$sessionizer" ]]; then
    # Published as the README says to deploy it: Release, ReadyToRun (compiled ahead of time).
    say "publishing src/Sessionizer.Cli (Release, ReadyToRun) into $dir/sessionizer"
    rm -rf "$dir/sessionizer"
    dotnet publish "$repo/src/Sessionizer.Cli" -c Release -p:PublishReadyToRun=true -o "$dir/sessionizer" -nologo -v quiet \
        >"$logs/build-cli.log" 2>&1 \
        || { tail -n 30 "$logs/build-cli.log" >&2; echo "publishing the CLI failed" >&2; exit 1; }
    sessionizer="$dir/sessionizer/sessionizer.dll"
fi
[[ -f "$sessionizer" ]] || { echo "no sessionizer at $sessionizer" >&2; exit 1; }

floor_dll="$here/ScanFloor/bin/Release/net10.0/scan-floor.dll"
if [[ -z "$scaling" && "$floor" == 1 ]]; then
    say "building the scan floor (Release)"
    dotnet build "$here/ScanFloor" -c Release -nologo -v quiet >"$logs/build-floor.log" 2>&1 \
        || { tail -n 30 "$logs/build-floor.log" >&2; echo "building the scan floor failed" >&2; exit 1; }
fi

duckdb_version=""
if [[ -z "$scaling" && -n "$peers" ]]; then
    command -v node >/dev/null || { echo "the DuckDB peer needs Node.js (node, npm); or run with --peers none" >&2; exit 1; }
    pinned="$(node -p "require('$here/duckdb/package.json').dependencies['@duckdb/node-api']")"
    installed="$(node -p "try { require('$here/duckdb/node_modules/@duckdb/node-api/package.json').version } catch { '' }")"
    if [[ "$installed" != "$pinned" ]]; then
        say "installing @duckdb/node-api $pinned into tests/Sessionizer.Benchmarks/duckdb/node_modules"
        (cd "$here/duckdb" && { npm ci --no-audit --no-fund >"$logs/npm.log" 2>&1 || npm install --no-save --no-audit --no-fund >>"$logs/npm.log" 2>&1; }) \
            || { tail -n 30 "$logs/npm.log" >&2; echo "npm could not install the DuckDB peer" >&2; exit 1; }
    fi
    duckdb_version="$(cd "$here/duckdb" && node --input-type=module -e "
        import { DuckDBInstance } from '@duckdb/node-api';
        const c = await (await DuckDBInstance.create(':memory:')).connect();
        console.log((await c.runAndReadAll('select version()')).getRows()[0][0]);")"
fi

# ---------------------------------------------------------------------------------------------
# Inputs: one window per size, generated once and reused (a marker says the generation finished).

visits_for() {
    local n="$1"
    if [[ -n "$visits" ]]; then echo "$visits"
    elif (( n <= 5000000 )); then echo 7700
    else echo $(( (7700 * n / 5000000) * 102 / 100 + 1 )); fi   # 2 % spare: the hour must hold n lines
}

input_for() {
    local n="$1" v in
    v="$(visits_for "$n")"
    in="$dir/input-$n-v$v"
    if [[ ! -f "$in/.complete" ]]; then
        say "generating $n events ($v visits) into $in"
        rm -rf "$in"
        dotnet "$sessionizer" generate --output "$in" --seed 1 --start "$window" --hours 1 --visits "$v" \
            --events "$n" --late-fraction 0 --files-per-hour 4 >"$logs/generate-$n.log" 2>&1 \
            || { tail -n 20 "$logs/generate-$n.log" >&2; echo "generate failed" >&2; exit 1; }
        local lines
        lines="$(cat "$in/$partition"/* | wc -l)"
        if [[ "$lines" != "$n" ]]; then
            echo "warning: the window holds $lines lines, not $n (raise --visits)" >&2
        fi
        touch "$in/.complete"
    fi
    echo "$in"
}

warm() { cat "$1/$partition"/* >/dev/null; }

# ---------------------------------------------------------------------------------------------
# Measuring: measure LOG CMD... sets wall_s, rss_kb, cpu_s (user + system) and returns the
# command's exit code.

wall_s=""; rss_kb=""; cpu_s=""
measure() {
    local log="$1"; shift
    local rc=0
    if [[ -x "$time_bin" ]]; then
        "$time_bin" -v -o "$log.time" "$@" >"$log" 2>&1 || rc=$?
        # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:12.34"
        wall_s="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f", s }' "$log.time")"
        rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log.time")"
        cpu_s="$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$log.time")"
    else
        local start end pid hwm peak=0
        start="$EPOCHREALTIME"
        "$@" >"$log" 2>&1 &
        pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            hwm="$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"
            [[ -n "$hwm" ]] && (( hwm > peak )) && peak="$hwm"
            sleep 0.05
        done
        wait "$pid" || rc=$?
        end="$EPOCHREALTIME"
        wall_s="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')"
        rss_kb="$peak"
        cpu_s=""   # not known without /usr/bin/time
    fi
    return "$rc"
}

# run_engine ENGINE ROUND INPUT EVENTS: one measured run; appends a row to results.tsv.
run_engine() {
    local engine="$1" round="$2" in="$3" n="$4"
    local out="$work/$engine-$n-r$round" log="$logs/$engine-$n-r$round.log" rc=0
    rm -rf "$out"
    case "$engine" in
        ours)
            local extra=()
            [[ -n "$parallelism" ]] && extra=(--parallelism "$parallelism")
            measure "$log" dotnet "$sessionizer" run --window "$window" --input "$in" --output "$out" \
                --no-previous-state --max-rejected-fraction 0.01 "${extra[@]}" || rc=$?
            ;;
        duckdb-lean|duckdb-full)
            measure "$log" node "$here/duckdb/peer.mjs" "$here/duckdb/${engine#duckdb-}.sql" \
                --input "$in" --window "$window" --output "$out" --max-rejected-fraction 0.01 || rc=$?
            ;;
        floor)
            measure "$log" dotnet "$floor_dll" --threads "$floor_threads" "$in/$partition" || rc=$?
            ;;
    esac
    if [[ "$rc" != 0 ]]; then
        tail -n 20 "$log" >&2
        echo "$engine failed (exit $rc) in round $round; log: $log" >&2
        exit 1
    fi
    [[ "$keep_outputs" == 1 ]] || rm -rf "$out"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$engine" "$n" "$wall_s" "$rss_kb" "$cpu_s" >>"$results"
    say "round $round: $engine $wall_s s (cpu ${cpu_s:-?} s), $(( rss_kb / 1024 )) MB"
}

# ---------------------------------------------------------------------------------------------
# Reporting helpers over results.tsv.

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -F'\t' -v e="$1" -v n="$2" -v c="$3" 'NR > 1 && $2 == e && $3 == n { print $c }' "$results"; }
# paired NUM DEN N: the median over rounds of NUM's wall / DEN's wall in the same round.
paired() {
    awk -F'\t' -v a="$1" -v b="$2" -v n="$3" 'NR > 1 && $3 == n { w[$1, $2] = $4; r[$1] = 1 }
        END { for (i in r) if ((i, a) in w && (i, b) in w && w[i, b] > 0) printf "%.4f\n", w[i, a] / w[i, b] }' "$results" | median
}
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v != "" && v <= t) ? "met" : "NOT met" }'; }

describe_machine() {
    local cpu commit dirty
    cpu="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
    commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    dirty="$(git -C "$repo" status --porcelain -- src 2>/dev/null | head -n 1)"
    echo "machine:  $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM"
    echo "software: .NET $(dotnet --version), node $(node --version 2>/dev/null || echo -), DuckDB ${duckdb_version:--}"
    if [[ "$sessionizer_given" == 1 ]]; then
        echo "ours:     $sessionizer (given with --sessionizer)"
    else
        echo "ours:     src/Sessionizer.Cli built from checkout $commit${dirty:+ with src/ modified}"
    fi
    echo "timer:    $timer; logs and results.tsv in $logs"
    echo "load:     $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after (1, 5, 15 min averages)"
}

# The machine should be otherwise idle: other work inflates the wall clock of whoever runs with it.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="${load_before%% *}" -v c="$(nproc)" 'BEGIN { exit !(l > c / 2) }'; then
    say "warning: load average ${load_before%% *} on $(nproc) cores: other processes are running, the times will be noisy"
fi

# ---------------------------------------------------------------------------------------------
# Scaling series: ours only.

if [[ -n "$scaling" ]]; then
    for n in "${sizes[@]}"; do
        in="$(input_for "$n")"
        for (( r = 1; r <= rounds; r++ )); do
            warm "$in"
            run_engine ours "$r" "$in" "$n"
        done
    done
    echo
    echo "Scaling: sessionizer run, $rounds round(s) per size, medians"
    describe_machine
    echo
    base_n="${sizes[0]}"
    base_wall="$(column_of ours "$base_n" 4 | median)"
    base_rss="$(column_of ours "$base_n" 5 | median)"
    # "beyond first": the increase over the first size divided by the events added, which leaves out
    # what does not grow with the events (runtime start, code, buffers).
    printf '%12s %8s %10s %12s %10s %9s %16s %9s %16s\n' events visits "wall s" "events/s" "ns/event" "vs first" "ns/event beyond" "peak MB" "B/event beyond"
    for n in "${sizes[@]}"; do
        wall="$(column_of ours "$n" 4 | median)"
        rss="$(column_of ours "$n" 5 | median)"
        awk -v n="$n" -v v="$(visits_for "$n")" -v w="$wall" -v r="$rss" -v bn="$base_n" -v bw="$base_wall" -v br="$base_rss" 'BEGIN {
            tb = (n != bn) ? sprintf("%.1f", (w - bw) * 1e9 / (n - bn)) : "(first)"
            rb = (n != bn) ? sprintf("%.1f", (r - br) * 1024 / (n - bn)) : "(first)"
            printf "%12d %8d %10.2f %12.0f %10.1f %9.2f %16s %9.0f %16s\n", n, v, w, n / w, w * 1e9 / n, (w / n) / (bw / bn), tb, r / 1024, rb }'
    done
    last="${sizes[${#sizes[@]}-1]}"
    ratio="$(awk -v n="$last" -v w="$(column_of ours "$last" 4 | median)" -v bn="$base_n" -v bw="$base_wall" 'BEGIN { printf "%.2f", (w / n) / (bw / bn) }')"
    echo
    echo "target: time per event at $last within 1.2x of that at $base_n: ${ratio}x, $(verdict "$ratio" 1.2)"
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# The paired benchmark: every engine once per round, the order rotated from round to round.

engines=(ours)
[[ ",$peers," == *,lean,* ]] && engines+=(duckdb-lean)
[[ ",$peers," == *,full,* ]] && engines+=(duckdb-full)
[[ "$floor" == 1 ]] && engines+=(floor)

in="$(input_for "$events")"
bytes="$(cat "$in/$partition"/* | wc -c)"
for (( r = 1; r <= rounds; r++ )); do
    warm "$in"
    k=${#engines[@]}
    for (( i = 0; i < k; i++ )); do
        run_engine "${engines[(i + r - 1) % k]}" "$r" "$in" "$events"
    done
done

echo
echo "Sessionizer benchmark: window $window, $events events ($(awk -v b="$bytes" 'BEGIN { printf "%.2f GB", b / 1e9 }') plain JSON Lines, 4 files, $(visits_for "$events") visits), $rounds round(s), alternating"
describe_machine
echo
printf '%-12s %5s %14s %10s %14s %16s   %s\n' engine runs "median wall s" "min s" "events/s" "median peak MB" "median cpu s"
for e in "${engines[@]}"; do
    wall="$(column_of "$e" "$events" 4 | median)"
    fastest="$(column_of "$e" "$events" 4 | sort -g | head -n 1)"
    rss="$(column_of "$e" "$events" 5 | median)"
    cpu="$(column_of "$e" "$events" 6 | grep . | median || true)"
    runs="$(column_of "$e" "$events" 4 | wc -l)"
    awk -v e="$e" -v r="$runs" -v w="$wall" -v f="$fastest" -v m="$rss" -v c="$cpu" -v n="$events" \
        'BEGIN { printf "%-12s %5d %14.2f %10.2f %14.0f %16.0f   %s\n", e, r, w, f, n / w, m / 1024, (c == "" ? "-" : sprintf("%.1f", c)) }'
done
echo
echo "paired ratios (median over rounds of ours / other in the same round):"
lean_ratio="" full_ratio="" floor_ratio=""
if [[ " ${engines[*]} " == *" duckdb-lean "* ]]; then
    lean_ratio="$(paired ours duckdb-lean "$events")"
    printf '  ours / duckdb-lean  %6.2f   target <= 0.40: %s\n' "$lean_ratio" "$(verdict "$lean_ratio" 0.40)"
fi
if [[ " ${engines[*]} " == *" duckdb-full "* ]]; then
    full_ratio="$(paired ours duckdb-full "$events")"
    printf '  ours / duckdb-full  %6.2f\n' "$full_ratio"
fi
if [[ " ${engines[*]} " == *" floor "* ]]; then
    floor_ratio="$(paired ours floor "$events")"
    printf '  ours / scan floor   %6.2f   target <= 1.60: %s   (floor: %s threads, Utf8JsonReader over every line)\n' \
        "$floor_ratio" "$(verdict "$floor_ratio" 1.6)" "$floor_threads"
fi
ours_mb="$(awk -v k="$(column_of ours "$events" 5 | median)" 'BEGIN { printf "%.0f", k / 1024 }')"
if [[ "$events" == 5000000 ]]; then
    printf '  ours peak memory    %6s MB   target <= 300 MB at 5M events: %s\n' "$ours_mb" "$(verdict "$ours_mb" 300)"
else
    printf '  ours peak memory    %6s MB   (the 300 MB target is for 5M events)\n' "$ours_mb"
fi
