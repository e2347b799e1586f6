#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, start the local stack,
# load the bundled example data and show what it contains.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
echo "Building (the first build takes a few minutes)…"
swift build 2>&1 | grep -E "error|Compiling Hyte|Build complete" || true
bin="$(swift build --show-bin-path)"
[ -x "$bin/hyte" ] || { echo "the build failed; run 'swift build' to see why" >&2; exit 1; }

"$bin/hyte" up
echo
"$bin/hyte" example --examples examples
echo
echo "The stack is still running: '$bin/hyte status' shows it, '$bin/hyte down' stops it."
