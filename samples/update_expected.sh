#!/usr/bin/env bash
# Regenerates samples/expected/ from a run of the job over samples/logs/.
#
#   samples/update_expected.sh [--no-build]
#
# Builds the CLI (dotnet build src/Sessionizer.Cli, Debug), runs windows 2026-11-20T10..T12 with
# default parameters into a temporary folder, and writes, decompressed:
#   samples/expected/active-sessions/2026/11/20/HH/part-*.json
#   samples/expected/closed-sessions/2026/11/20/HH/part-*.json   (the gunzipped part-*.json.gz)
#   samples/expected/rejected/2026/11/20/HH/part-*.json          (the gunzipped part-*.json.gz)
#   samples/expected/counts.json    the "counts" object of each window's manifest, keyed by window
# The old samples/expected/ is replaced. Review `git diff samples/expected` afterwards: every change
# must be explained by the change to the job or to the sample logs (samples/make_samples.sh: the
# generator command and samples/make_samples.py), and samples/README.md must still describe what
# the outputs show.
set -euo pipefail

# shellcheck source=samples/build_cli.sh
source "$(dirname "${BASH_SOURCE[0]}")/build_cli.sh"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

status=0
dotnet "$dll" run --from 2026-11-20T10 --to 2026-11-20T12 --input samples/logs --output "$out/run" --no-previous-state || status=$?
if ((status != 0)); then
  echo "update_expected: the run failed with exit code $status; samples/expected left unchanged" >&2
  exit "$status"
fi

staged="$out/expected"
mkdir -p "$staged"
for kind in active-sessions closed-sessions rejected; do
  while IFS= read -r -d '' part; do
    rel=${part#"$out/run/"}
    dest="$staged/${rel%.gz}"
    mkdir -p "$(dirname "$dest")"
    if [[ $part == *.gz ]]; then
      gzip -dc "$part" > "$dest"
    else
      cp "$part" "$dest"
    fi
  done < <(find "$out/run/$kind" -type f -name 'part-*' -print0 | sort -z)
done

python3 - "$out/run/manifests" "$staged/counts.json" <<'EOF'
import json, os, sys
manifests, target = sys.argv[1], sys.argv[2]
counts = {}
for name in sorted(os.listdir(manifests)):
    if name.endswith(".json") and not name.startswith(("_", ".")):
        with open(os.path.join(manifests, name), encoding="utf-8") as f:
            manifest = json.load(f)
        counts[manifest["window"]] = manifest["counts"]
with open(target, "w", encoding="utf-8") as f:
    json.dump(counts, f, indent=2, ensure_ascii=False)
    f.write("\n")
EOF

rm -rf samples/expected
mv "$staged" samples/expected
echo "update_expected: wrote samples/expected (windows: $(ls "$out/run/manifests" | tr '\n' ' '))"
