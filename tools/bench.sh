#!/usr/bin/env bash
# Throughput of the whole pipeline (read, tables, figures, rules, xlsx) on one
# core, over a corpus of copies of samples/*.txt. Prints reports/s and MB/s.
# Usage: tools/bench.sh [copies] [REFERENCE_BINARY]   (default 40 copies)
# With a reference (the previous build), each command is timed with both in
# the same run, the reference's line beneath the build's.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
build=build-release
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJXAUDIT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" >/dev/null
copies=${1:-40}
ref=${2:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for i in $(seq "$copies"); do
  for f in samples/*.txt; do cp "$f" "$dir/$i-$(basename "$f")"; done
done
files=$(ls "$dir"/*.txt | wc -l)
bytes=$(cat "$dir"/*.txt | wc -c)
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
run() {  # label, command...
  local label=$1
  shift
  local best=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null || [ $? -le 1 ]
    t1=$(date +%s%N)
    local ms=$(((t1 - t0) / 1000000))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  awk -v l="$label" -v ms="$best" -v f="$files" -v b="$bytes" 'BEGIN {
    s = ms / 1000.0; if (s <= 0) s = 0.001;
    printf "%-32s %6d files  %7.2f MB  %7.3f s  %8.1f reports/s  %6.2f MB/s\n",
           l, f, b / 1e6, s, f / s, b / 1e6 / s }'
}
both() {  # label, arguments: the build, then the reference when given
  local label=$1
  shift
  run "$label" $pin "$build/jxaudit" "$@"
  if [ -n "$ref" ]; then run "  reference" $pin "$ref" "$@"; fi
}
both "check (text)" check -j 1 --no-db "$dir"/*.txt
both "check --format json" check -j 1 --no-db --format json "$dir"/*.txt
both "extract -o out.xlsx" extract -j 1 "$dir"/*.txt -o "$dir/out.xlsx"
both "tables -o out.xlsx" tables -j 1 "$dir"/*.txt -o "$dir/tables.xlsx"
# The reference wrote last: the sheet XML below is the build's own.
[ -n "$ref" ] && "$build/jxaudit" extract -j 1 "$dir"/*.txt -o "$dir/out.xlsx" >/dev/null

# The floor any zip-based workbook sets: deflating the sheet XML that
# `extract` wrote, at the level the workbooks are deflated at (zlib's level 1,
# src/export/deflate_level.cc).
if command -v unzip >/dev/null && command -v gzip >/dev/null; then
  mkdir "$dir/xml"
  unzip -q "$dir/out.xlsx" -d "$dir/xml"
  xml=$(cat "$dir"/xml/xl/worksheets/*.xml | wc -c)
  cat "$dir"/xml/xl/worksheets/*.xml >"$dir/sheets.xml"
  run "gzip -1 of the sheet XML alone" $pin gzip -1 -c "$dir/sheets.xml"
  awk -v x="$xml" -v b="$bytes" 'BEGIN {
    printf "sheet XML: %.1f MB, %.1f bytes per byte of report\n", x / 1e6, x / b }'
fi
