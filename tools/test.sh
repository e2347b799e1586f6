#!/usr/bin/env bash
# Runs every test: installs what is missing, builds once, runs the Swift tests (unit, real
# sockets on loopback, end-to-end runs of the built binaries; the storage tests against SQLite and
# against a throwaway PostgreSQL started by tools/with-postgres.sh) and checks docker-compose.yml.
set -uo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh docker-compose || exit 1

# Build output without the per-file progress lines and libzmq's harmless pkg-config warning.
quiet() { grep --line-buffered -vE '^\[[0-9]+/[0-9]+\] |prohibited flag|mit-krb5' || true; }

swift build --build-tests 2>&1 | quiet
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "tools/test.sh: the build failed (exit $build)" >&2
  exit "$build"
fi

# One suite at a time: the bus tests measure liveness in hundreds of milliseconds and must not
# compete with each other for the two cores. tools/with-postgres.sh sets HYTE_TEST_POSTGRES_URL.
bash tools/with-postgres.sh swift test --skip-build --no-parallel 2>&1 | quiet
tests=${PIPESTATUS[0]}

python3 tools/check-compose.py
compose=$?

if [ "$tests" -ne 0 ] || [ "$compose" -ne 0 ]; then
  echo "tools/test.sh: swift test exit $tests, compose check exit $compose" >&2
  exit 1
fi
