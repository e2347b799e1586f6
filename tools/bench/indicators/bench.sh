#!/usr/bin/env bash
# Times `hyte indicator import` of a generated Sotkanet JSON file through a local stack built
# from this checkout: first import (all added), re-import (all unchanged), one `show`.
#
#   swift build -c release
#   tools/bench/indicators/bench.sh [ROWS] [BIN_DIR]       # default 100000 rows, .build/release
#   HYTE_DATABASE_URL=postgres://… tools/bench/indicators/bench.sh 100000
#
# Rows: indicators 1..10 × regions 1..(ROWS/100) × years 2015..2024, gender total.
set -euo pipefail
rows=${1:-100000}
root=$(cd "$(dirname "$0")/../../.." && pwd)
bin=${2:-$root/.build/release}
work=$(mktemp -d)
trap '"$bin/hyte" down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export HYTE_DATA_DIR=$work HYTE_BUS=tcp://127.0.0.1:$((20000 + RANDOM % 20000))
file=$work/sotkanet_bench.json
regions=$(( rows / 100 )); [ "$regions" -ge 1 ] || regions=1
awk -v regions="$regions" 'BEGIN {
  printf "["; first = 1
  for (i = 1; i <= 10; i++) for (r = 1; r <= regions; r++) for (y = 2015; y <= 2024; y++) {
    if (!first) printf ",\n"; first = 0
    printf "{\"indicator\": %d, \"region\": %d, \"year\": %d, \"gender\": \"total\", \"value\": %.1f, \"absValue\": %d}", \
      i, r, y, (i * 7 + r * 3 + y) % 1000 / 10, (r * 31 + y) % 100000
  }
  printf "]\n" }' > "$file"
echo "file: $(wc -c < "$file") bytes, $((10 * regions * 10)) rows, database: ${HYTE_DATABASE_URL:-sqlite}"
"$bin/hyte" up --timeout 90 >/dev/null
time_it() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f s\n", e - s }'; }
printf "first import:  "; time_it "$bin/hyte" indicator import "$file"
printf "re-import:     "; time_it "$bin/hyte" indicator import "$file"
printf "show (1 region, 10 years): "; time_it "$bin/hyte" indicator show 1 --region sotkanet-1 --years 2015-2024
"$bin/hyte" indicator import "$file" --json | grep -A3 valueCounts
