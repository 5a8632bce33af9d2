# Sourced by the sample scripts: goes to the repository root and builds the CLI (unless the
# script's first argument is --no-build); sets $dll to the built sessionizer.dll.
build=1
case "${1:-}" in
  --no-build) build=0 ;;
  "") ;;
  *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
esac

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
dll=src/Sessionizer.Cli/bin/Debug/net10.0/sessionizer.dll
if ((build)); then
  dotnet build src/Sessionizer.Cli --nologo -v quiet
fi
