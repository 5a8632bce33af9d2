#!/usr/bin/env bash
# Compares a run's outputs with the expected (decompressed) outputs of the samples.
# Usage: samples/compare.sh OUTPUT_ROOT [EXPECTED_ROOT]
set -euo pipefail
out=${1:?usage: compare.sh OUTPUT_ROOT [EXPECTED_ROOT]}
expected=${2:-$(dirname "$0")/expected}
status=0
checked=0
while IFS= read -r file; do
  rel=${file#"$expected"/}
  if [[ -f "$out/$rel" ]]; then
    actual=$(cat "$out/$rel")
  elif [[ -f "$out/$rel.gz" ]]; then
    actual=$(gzip -dc "$out/$rel.gz")
  else
    echo "missing: $rel"; status=1; continue
  fi
  if [[ "$actual" != "$(cat "$file")" ]]; then
    echo "differs: $rel"; diff <(echo "$actual") "$file" | head -n 10 || true; status=1
  fi
  checked=$((checked + 1))
done < <(find "$expected" -name 'part-*' -type f | sort)
if ((checked == 0)); then echo "no expected part files under $expected"; exit 1; fi
((status == 0)) && echo "samples: $checked output files match $expected"

# The manifests' counts against counts.json (the "counts" object of each window's manifest).
if [[ -f "$expected/counts.json" ]]; then
  if command -v python3 >/dev/null; then
    python3 - "$out" "$expected/counts.json" <<'PY' || status=1
import json, sys
out, expected = sys.argv[1], json.load(open(sys.argv[2]))
bad = 0
for window, counts in sorted(expected.items()):
    try:
        actual = json.load(open(f"{out}/manifests/{window}.json"))["counts"]
    except OSError:
        print(f"missing: manifests/{window}.json"); bad += 1; continue
    for key in sorted(set(counts) | set(actual)):
        if counts.get(key) != actual.get(key):
            print(f"counts of {window} differ: {key} is {actual.get(key)}, expected {counts.get(key)}"); bad += 1
if bad == 0:
    print(f"samples: the counts of {len(expected)} manifests match counts.json")
sys.exit(1 if bad else 0)
PY
  else
    echo "samples: counts not compared (no python3 on PATH)"
  fi
fi
exit $status
