#!/usr/bin/env bash
# Instructions per report, counted with callgrind over every process (the
# parent and its forked workers), for one or more jxaudit binaries in one run:
# a load on the machine moves wall time, not these counts.
#   tools/bench-count.sh BINARY [BINARY...]
#   COMMANDS="extract tables" tools/bench-count.sh build-release/jxaudit REF
# Per report is (cost over 30 copies of samples/*.txt - cost over 10 copies)
# / 100: the fixed start-up cost is taken out. Each copy has a name of its own.
# Commands: check (--no-db), json (check --no-db --format json),
# tables (tables -o out.xlsx), extract (extract -o out.xlsx), all -j 1.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,10p "$0"; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 2; }
commands=${COMMANDS:-check json tables extract}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 10 30; do
  mkdir "$work/in$n"
  for i in $(seq "$n"); do
    for f in samples/*.txt; do cp "$f" "$work/in$n/$i-$(basename "$f")"; done
  done
done
# Total instructions of one run, all processes.
count() {  # binary, copies, command
  local bin=$1 n=$2 cmd=$3 out="$work/cg" args
  rm -rf "$out" "$work/run"
  mkdir "$out" "$work/run"
  case $cmd in
    check) args=(check --no-db -j 1 -q "$work/in$n") ;;
    json) args=(check --no-db --format json -j 1 -q "$work/in$n") ;;
    tables) args=(tables -j 1 -q -o "$work/run/out.xlsx" "$work/in$n") ;;
    extract) args=(extract -j 1 -q -o "$work/run/out.xlsx" "$work/in$n") ;;
    *) echo "unknown command $cmd" >&2; exit 2 ;;
  esac
  (cd "$work/run" && valgrind --tool=callgrind --trace-children=yes \
    --dump-before=fork --callgrind-out-file="$out/callgrind.out.%p" \
    "$bin" "${args[@]}" >/dev/null 2>"$work/valgrind.err") || [ $? -le 1 ] ||
    { cat "$work/valgrind.err" >&2; exit 1; }
  cat "$out"/callgrind.out.* | awk '/^totals:/ { s += $2 } END { printf "%.0f\n", s }'
}
printf '%-10s %12s %12s %10s  %s\n' command "10 copies" "30 copies" "per report" binary
for cmd in $commands; do
  for bin in "$@"; do
    a=$(count "$(realpath "$bin")" 10 "$cmd")
    b=$(count "$(realpath "$bin")" 30 "$cmd")
    awk -v c="$cmd" -v a="$a" -v b="$b" -v bin="$bin" 'BEGIN {
      printf "%-10s %11.1fM %11.1fM %9.2fM  %s\n", c, a / 1e6, b / 1e6, (b - a) / 100 / 1e6, bin }'
  done
done
