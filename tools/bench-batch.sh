#!/usr/bin/env bash
# Bulk runs on a generated corpus (tools/make-corpus.sh): files/s and pages/s
# for --jobs 1 and 2 with the store, the PDFs alone against `pdftotext
# -layout` on one core, peak memory per worker at N and 2N files, an
# unchanged re-run, and a run killed midway and resumed compared with a
# clean run's store.
# Usage: tools/bench-batch.sh [N]   (default 1000 files)
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
for tool in pdftotext sqlite3; do
  command -v "$tool" >/dev/null ||
    { echo "bench-batch: needs $tool (Debian packages poppler-utils, sqlite3)" >&2; exit 1; }
done
build=build-release
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJXAUDIT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" >/dev/null
jx=$PWD/$build/jxaudit
n=${1:-1000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tools/make-corpus.sh "$dir/corpus" "$n"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Store contents that do not depend on timing: files (no timings) and
# every document table, sorted.
dump() {
  sqlite3 "$1" "SELECT path, sha256, size, status, error, pages FROM files ORDER BY path;
    SELECT * FROM documents ORDER BY sha256; SELECT * FROM figures ORDER BY sha256, seq;
    SELECT * FROM indicators ORDER BY sha256, seq; SELECT * FROM findings ORDER BY sha256, seq;"
}
run() {  # jobs db → wall ms
  local t0 t1
  t0=$(ms)
  "$jx" check -q -j "$1" --db "$2" "$dir/corpus" >/dev/null || true
  t1=$(ms)
  echo $((t1 - t0))
}
t1=$(run 1 "$dir/j1.sqlite")
t2=$(run 2 "$dir/j2.sqlite")
pages=$(sqlite3 "$dir/j2.sqlite" "SELECT sum(pages) FROM files")
bad=$(sqlite3 "$dir/j2.sqlite" "SELECT count(*) FROM files WHERE status <> 'ok'")
good=$(sqlite3 "$dir/j2.sqlite" "SELECT count(*) FROM files WHERE status = 'ok'")
rss=$(sqlite3 "$dir/j2.sqlite" "SELECT max(max_rss_kb) FROM files")
[ "$(dump "$dir/j1.sqlite" | md5sum)" = "$(dump "$dir/j2.sqlite" | md5sum)" ] && same12=yes || same12=NO
t0=$(ms); "$jx" check -q -j 2 --db "$dir/j2.sqlite" "$dir/corpus" >/dev/null || true; tr=$(( $(ms) - t0 ))

# Killed at about a third of the run, then run again.
"$jx" check -q -j 2 --db "$dir/k.sqlite" "$dir/corpus" >/dev/null 2>&1 &
pid=$!
sleep "$(awk -v t="$t2" 'BEGIN { printf "%.2f", t / 3000 }')"
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
before=$(sqlite3 "$dir/k.sqlite" "SELECT count(*) FROM files")
"$jx" check -q -j 2 --db "$dir/k.sqlite" "$dir/corpus" >/dev/null || true
[ "$(dump "$dir/k.sqlite" | md5sum)" = "$(dump "$dir/j2.sqlite" | md5sum)" ] && samek=yes || samek=NO

# Twice the corpus: the peak per worker should not grow.
tools/make-corpus.sh "$dir/corpus2" $((2 * n)) 2>/dev/null
/usr/bin/time -f "%M" -o "$dir/mem2" "$jx" check -q -j 2 --db "$dir/d2.sqlite" "$dir/corpus2" >/dev/null || true
rss2=$(sqlite3 "$dir/d2.sqlite" "SELECT max(max_rss_kb) FROM files")
mem2=$(tail -1 "$dir/mem2")

# The PDFs alone, one core, against pdftotext -layout.
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
t0=$(ms); $pin "$jx" check -q -j 1 --no-db "$dir"/corpus/*.pdf >/dev/null 2>&1 || true; tj=$(( $(ms) - t0 ))
t0=$(ms); for f in "$dir"/corpus/*.pdf; do $pin pdftotext -layout "$f" - >/dev/null 2>&1 || true; done; tp=$(( $(ms) - t0 ))
npdf=$(ls "$dir"/corpus/*.pdf | wc -l)

awk -v n="$n" -v good="$good" -v bad="$bad" -v pages="$pages" -v t1="$t1" -v t2="$t2" \
    -v tr="$tr" -v rss="$rss" -v rss2="$rss2" -v mem2="$mem2" -v s12="$same12" \
    -v sk="$samek" -v before="$before" -v tj="$tj" -v tp="$tp" -v npdf="$npdf" 'BEGIN {
  printf "corpus: %d files (%d checked ok, %d failed with a reason), %d pages\n", n, good, bad, pages
  printf "--jobs 1: %6.1f s  %6.1f files/s  %6.1f pages/s\n", t1/1000, n/(t1/1000), pages/(t1/1000)
  printf "--jobs 2: %6.1f s  %6.1f files/s  %6.1f pages/s   (store equal to --jobs 1: %s)\n", t2/1000, n/(t2/1000), pages/(t2/1000), s12
  printf "unchanged re-run: %.2f s = %.1f%% of the first run\n", tr/1000, 100*tr/t2
  printf "killed after %d files and run again: store equal to a clean run: %s\n", before, sk
  printf "peak memory per worker: %.1f MB at %d files, %.1f MB at %d (whole run %.1f MB)\n", rss/1024, n, rss2/1024, 2*n, mem2/1024
  printf "PDFs only, one core: jxaudit %.1f s, pdftotext -layout %.1f s on %d files: ratio %.2f\n", tj/1000, tp/1000, npdf, tj/tp }'
