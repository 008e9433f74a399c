#!/usr/bin/env bash
# Behaviour check for a refactor: runs two jxaudit builds on every file in
# samples/ and tests/ (check, tables and extract, all as JSON) and reports any
# difference apart from version fields.
#   tools/same-output.sh OLD_BINARY [NEW_BINARY]   (NEW defaults to build/jxaudit)
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: tools/same-output.sh OLD_BINARY [NEW_BINARY]}
new=${2:-build/jxaudit}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find samples tests -type f ! -name '*.cc' ! -name '*.h' ! -name '*.md' | sort)
strip() { sed -E 's/"version": *"[^"]*"/"version": ""/g'; }
diffs=0
for f in "${files[@]}"; do
  for cmd in check tables extract; do
    a="$work/a" b="$work/b"
    "$old" "$cmd" --no-db --format json -q -j 1 --patterns patterns "$f" 2>"$a.err" | strip >"$a" || true
    "$new" "$cmd" --no-db --format json -q -j 1 --patterns patterns "$f" 2>"$b.err" | strip >"$b" || true
    if ! cmp -s "$a" "$b" || ! cmp -s "$a.err" "$b.err"; then
      echo "differs: $cmd $f"
      diff <(cat "$a" "$a.err") <(cat "$b" "$b.err") | head -20 || true
      diffs=$((diffs + 1))
    fi
  done
done
echo "${#files[@]} files, 3 commands each: $diffs differences"
[ "$diffs" -eq 0 ]
