#!/usr/bin/env bash
# Rewrites samples/logs/ from scratch: the generated background traffic, then the hand-written
# edge-case files beside it.
#
#   samples/make_samples.sh [--no-build]
#
# 1. Builds the CLI (dotnet build src/Sessionizer.Cli, Debug), unless --no-build.
# 2. Deletes samples/logs/ and runs, from the repository root:
#      dotnet src/Sessionizer.Cli/bin/Debug/net10.0/sessionizer.dll generate --output samples/logs \
#        --start 2026-11-20T10 --hours 3 --visits 3 --seed 20261120 --gzip
#    i.e. the defaults for everything else: 4 part files per hour (part-0000N.json.gz), anomaly
#    rates incomplete=0.02,inconsistent=0.02,malformed=0.001,missing=0.001, late fraction 0.01,
#    no logout pages. About 1,950 lines per hour, user ids drawn from 1..1,000,000.
# 3. Runs python3 samples/make_samples.py, which adds the hand-written edge-case files
#    (edge-N.json[l], 12/collector-2/visits.json, 11/_SUCCESS; users 2000001..2000068).
#
# The generated lines depend on the seed and options only. The gzip bytes also depend on the
# compressor bundled with the .NET runtime (GZipStream, CompressionLevel.Fastest), so another
# runtime may write different .gz bytes holding the same lines; the committed files are the
# reference. After a rerun, run samples/update_expected.sh and review `git diff samples/`.
set -euo pipefail

# shellcheck source=samples/build_cli.sh
source "$(dirname "${BASH_SOURCE[0]}")/build_cli.sh"

rm -rf samples/logs
dotnet "$dll" generate --output samples/logs \
  --start 2026-11-20T10 --hours 3 --visits 3 --seed 20261120 --gzip
python3 samples/make_samples.py --output samples/logs

echo "make_samples: samples/logs is $(du -sb samples/logs | cut -f1) bytes in $(find samples/logs -type f | wc -l) files"
