#!/usr/bin/env bash
# The whole pipeline on the PDF samples and on the committed farm subset
# against `pdftotext -layout` on the same files, in one run, one core: times,
# their ratio and peak memory, for each corpus.
# Usage: tools/bench-pdf.sh [copies] [REFERENCE_BINARY]   (default 5 copies)
# With a reference (the previous build), it is timed in the same run too.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
if ! command -v pdftotext >/dev/null; then
  echo "bench-pdf: needs pdftotext (Debian package poppler-utils)" >&2
  exit 1
fi
build=build-release
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJXAUDIT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" >/dev/null
copies=${1:-5}
ref=${2:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
best() {  # command... → best wall time of three, in ms
  local b=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    local ms=$(((t1 - t0) / 1000000))
    if [ -z "$b" ] || [ "$ms" -lt "$b" ]; then b=$ms; fi
  done
  echo "$b"
}
pdftotext_all() { for f in "$corpus"/*.pdf; do pdftotext -layout "$f" - ; done; }
export -f pdftotext_all
# Two corpora, timed apart: samples/pdf (the project's own ReportLab
# renderings and a few others) and samples/farm (the committed farm subset:
# LibreOffice Writer and Calc, Chromium and ReportLab with random settings).
for set in pdf farm; do
  corpus="$dir/$set"
  mkdir "$corpus"
  for i in $(seq "$copies"); do
    for f in samples/"$set"/*.pdf; do cp "$f" "$corpus/$i-$(basename "$f")"; done
  done
  export corpus
  files=$(ls "$corpus"/*.pdf | wc -l)
  pages=0
  for f in "$corpus"/*.pdf; do
    pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
  done
  jx=$(best $pin "$build/jxaudit" check -j 1 --no-db "$corpus"/*.pdf)
  pt=$(best $pin bash -c pdftotext_all)
  rf=0
  [ -n "$ref" ] && rf=$(best $pin "$ref" check -j 1 --no-db "$corpus"/*.pdf)
  mem=$( { /usr/bin/time -f "%M" $pin "$build/jxaudit" check -j 1 --no-db "$corpus"/*.pdf >/dev/null || true; } 2>&1 | tail -1)
  awk -v set="samples/$set" -v f="$files" -v p="$pages" -v jx="$jx" -v pt="$pt" -v rf="$rf" -v mem="$mem" 'BEGIN {
    printf "%s: %d PDFs, %d pages\n", set, f, p
    printf "  jxaudit check        %7.3f s  %7.1f pages/s  peak %.1f MB\n", jx/1000, p/(jx/1000), mem/1024
    printf "  pdftotext -layout    %7.3f s  %7.1f pages/s\n", pt/1000, p/(pt/1000)
    if (rf > 0) printf "  reference build      %7.3f s  %7.1f pages/s\n", rf/1000, p/(rf/1000)
    printf "  ratio jxaudit / pdftotext: %.2f\n", jx/pt
    if (rf > 0) printf "  ratio jxaudit / reference: %.2f\n", jx/rf }'
done
# One long PDF (the samples joined, over 1000 pages) against a quarter of it:
# peak memory should not grow with the page count beyond the text it holds.
if command -v qpdf >/dev/null; then
  long_pages=()
  for i in $(seq 16); do long_pages+=(samples/pdf/00[0-4]_*.pdf); done
  qpdf --empty --pages "${long_pages[@]}" -- "$dir/long.pdf"
  n=$(pdfinfo "$dir/long.pdf" | awk '/^Pages:/ {print $2}')
  qpdf --empty --pages "$dir/long.pdf" "1-$((n / 4))" -- "$dir/quarter.pdf"
  for f in quarter long; do
    m=$( { /usr/bin/time -f "%M" "$build/jxaudit" check --no-db "$dir/$f.pdf" >/dev/null || true; } 2>&1 | tail -1)
    p=$(pdfinfo "$dir/$f.pdf" | awk '/^Pages:/ {print $2}')
    awk -v p="$p" -v m="$m" 'BEGIN { printf "one PDF of %5d pages: peak %.1f MB\n", p, m/1024 }'
  done
else
  echo "(qpdf not installed: long-PDF memory not measured)"
fi
