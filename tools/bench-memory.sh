#!/usr/bin/env bash
# Peak memory and time of every command on large text inputs: a tab grid of
# 2000 × 1000 cells, a million short rows and one long sentence line, each also
# at twice the size to show how cost grows. Prints input, command, peak RSS of
# the largest process (MB) and wall time.
#   tools/bench-memory.sh [BINARY] [SCALE...]   (BINARY defaults to build-release/jxaudit,
#                                                SCALE to "1 2")
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build-release/jxaudit}
shift || true
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 2)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_inputs() {  # scale
  python3 - "$work" "$1" <<'EOF'
import sys
work, k = sys.argv[1], int(sys.argv[2])
# 2000·k rows of 1000 small numbers under a header, each row labelled.
with open(f"{work}/grid{k}.txt", "w") as f:
    f.write("项目\t" + "\t".join(f"列{j}" for j in range(999)) + "\n")
    for i in range(2000 * k):
        f.write(f"行{i}\t" + "\t".join(str((i * 7 + j * 13) % 1000) for j in range(999)) + "\n")
# 1,000,000·k short rows.
with open(f"{work}/rows{k}.txt", "w") as f:
    for i in range(1000000 * k):
        f.write(f"a{i % 100}\t{i % 10}\n")
# One sentence line of about 9 MB·k.
with open(f"{work}/line{k}.txt", "w") as f:
    f.write("收入预算，" + "其中财政拨款12.5万元，" * (300000 * k) + "\n")
EOF
}

run() {  # label command args...
  local label=$1
  shift
  local out="$work/out" t="$work/time"
  /usr/bin/time -v "$bin" "$@" >"$out" 2>"$t" || true
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$t")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$t")
  printf '%-12s %-40s %8s MB %10s\n' "$label" "$*" "$rss" "$wall"
}

for k in "${scales[@]}"; do
  make_inputs "$k"
  for input in grid rows line; do
    f="$work/$input$k.txt"
    size=$(du -m --apparent-size "$f" | cut -f1)
    label="$input×$k(${size}M)"
    common=(--no-db -q -j 1 --patterns patterns)
    run "$label" check "${common[@]}" "$f"
    run "$label" check "${common[@]}" --format json "$f"
    run "$label" tables "${common[@]}" --format json "$f"
    run "$label" tables "${common[@]}" --format markdown "$f"
    run "$label" extract "${common[@]}" --format json "$f"
    run "$label" extract "${common[@]}" --format csv "$f"
    run "$label" extract "${common[@]}" -o "$work/x.xlsx" "$f"
    run "$label" tables "${common[@]}" -o "$work/t.xlsx" "$f"
  done
  rm -f "$work"/*.txt
done
