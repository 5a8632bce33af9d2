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
exit $status
