#!/usr/bin/env bash
# Renders report HTML files to PNG screenshots with a headless Chromium, to look at them.
#
#   tools/check-reports.sh                      refresh docs/screenshots/ from the reports of the example
#                                               data that tools/main.sh wrote to out/; without them, from
#                                               the sample reports (made-up indicator data, labelled so)
#   tools/check-reports.sh OUT_DIR A.html ...   screenshot the given HTML files into OUT_DIR/<name>.png
#
# Environment: WINDOW (default 1280,2000) sets the window size in pixels.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=""
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then browser="$(command -v "$name")"; break; fi
done
if [[ -z "$browser" ]]; then
    echo "check-reports: no headless browser on PATH; install Debian's chromium package: apt-get install chromium" >&2
    exit 2
fi
window="${WINDOW:-1280,2000}"

shoot() {  # shoot IN.html OUT.png
    local input output profile
    input="$(realpath "$1")"; output="$(realpath -m "$2")"
    profile="$(mktemp -d)"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$profile" \
        --window-size="$window" --screenshot="$output" "file://$input" 2>/dev/null
    rm -rf "$profile"
    [[ -s "$output" ]] || { echo "check-reports: no screenshot of $1" >&2; exit 1; }
    echo "$output"
}

if [[ $# -ge 2 ]]; then
    out="$1"; shift
    mkdir -p "$out"
    for html in "$@"; do shoot "$html" "$out/$(basename "${html%.html}").png"; done
    exit 0
fi
if [[ $# -eq 1 ]]; then
    echo "usage: $0 [OUT_DIR FILE.html ...]" >&2
    exit 64
fi

if [[ -f out/annual-report-2021.html && -f out/dashboard-2021H1.html ]]; then
    mkdir -p docs/screenshots
    shoot out/annual-report-2021.html docs/screenshots/annual-report.png
    shoot out/dashboard-2021H1.html docs/screenshots/dashboard.png
    if [[ -f out/indicators-kymenlaakso-2019.html ]]; then
        shoot out/indicators-kymenlaakso-2019.html docs/screenshots/indicator-overview.png
    fi
    exit 0
fi

samples="$(mktemp -d)"
trap 'rm -rf "$samples"' EXIT
log="$samples/build.log"
if ! swift build --build-tests >"$log" 2>&1 || ! HYTE_REPORT_SAMPLES="$samples" swift test --skip-build --filter ReportSamples >>"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
mkdir -p docs/screenshots
shoot "$samples/annual-report-fi.html" docs/screenshots/annual-report.png
shoot "$samples/dashboard-fi.html" docs/screenshots/dashboard.png
