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
echo "== examples/plans → storage"
for file in examples/plans/*.yaml; do
  "$bin/hyte" plan import "$file"
done
echo
echo "== examples/indicators → indicators service → storage (the 32 indicators of the Kymenlaakso plan)"
"$bin/hyte" indicator import examples/indicators/kymenlaakso-2020-indicators.json
"$bin/hyte" indicator import examples/indicators/kymenlaakso-2020-values.csv
echo
echo "== examples/participation → participation service: the customer-satisfaction survey of September 2021,"
echo "   its answers imported from another tool; a measure of the plan follows its result"
if ! "$bin/hyte" survey show asiakastyytyvaisyys-2021 >/dev/null 2>&1; then
  "$bin/hyte" survey create examples/participation/asiakastyytyvaisyys-2021.json
  "$bin/hyte" survey import asiakastyytyvaisyys-2021 examples/participation/asiakastyytyvaisyys-2021.csv --delimiter ';'
fi
"$bin/hyte" plan measure bind loviisa-perusturvakeskus-2021/2.3.1.1 2.3.1.1-m1 \
  --figure question-mean:asiakastyytyvaisyys-2021/tyytyvaisyys
"$bin/hyte" status list loviisa-perusturvakeskus-2021 --period 2021
echo
echo "== Reports of the example plan loviisa-perusturvakeskus-2021 (status reports of 1–6/2021)"
mkdir -p out
"$bin/hyte" report annual --plan loviisa-perusturvakeskus-2021 --year 2021 --format html --lang fi -o out/annual-report-2021.html
"$bin/hyte" report dashboard --plan loviisa-perusturvakeskus-2021 --period 2021H1 --format html --lang fi -o out/dashboard-2021H1.html
"$bin/hyte" report indicators --plan kymenlaakso-children-youth-2020-2024 --year 2019 --format html --lang fi \
  -o out/indicators-kymenlaakso-2019.html
echo "Open them in a browser: $(pwd)/out/annual-report-2021.html, $(pwd)/out/dashboard-2021H1.html"
echo "and the indicator overview of the regional plan: $(pwd)/out/indicators-kymenlaakso-2019.html"
echo
echo "The stack is still running: '$bin/hyte status' shows it, '$bin/hyte down' stops it."
