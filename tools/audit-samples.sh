#!/usr/bin/env bash
# The main job on the bundled samples: builds if needed, audits every report in
# samples/ (findings on the terminal, out/check.json, out/check.sarif, and the store
# out/jxaudit.sqlite), and writes the store's summary out/summary.xlsx, the
# normalized workbook out/audit.xlsx and the rebuilt tables out/tables.xlsx.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh >/dev/null
mkdir -p out
status=0
build/jxaudit check --db out/jxaudit.sqlite samples/*.txt samples/fixtures/*.txt samples/pdf/*_ruled.pdf samples/real/*.pdf || status=$?
build/jxaudit check --no-db --format json samples/*.txt -o out/check.json || true
build/jxaudit check --no-db --format sarif samples/*.txt -o out/check.sarif || true
build/jxaudit report --db out/jxaudit.sqlite -o out/summary.xlsx
build/jxaudit extract samples/*.txt -o out/audit.xlsx
build/jxaudit tables samples/*.txt -o out/tables.xlsx
echo
echo "wrote out/jxaudit.sqlite, out/summary.xlsx, out/check.json, out/check.sarif, out/audit.xlsx and out/tables.xlsx"
# check exits 1 when it finds errors, which these real reports have; only a
# report that could not be read (2) makes this script fail.
if [ "$status" -ge 2 ]; then exit "$status"; fi
