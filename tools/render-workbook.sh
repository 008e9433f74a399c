#!/usr/bin/env bash
# Pictures of the extract workbook as LibreOffice prints it: the first page of
# the 问题清单 and the flagged table of a project self-evaluation with errors
# and warnings (xlsx → PDF → PNG), into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh --only libreoffice-calc poppler-utils fonts-noto-cjk
[ -x build/jxaudit ] || tools/build.sh >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build/jxaudit extract -q -o "$tmp/x.xlsx" samples/001_20b715a24a62e05c.txt \
  samples/fixtures/web_copy_pipes.txt samples/fixtures/results_national_self.txt
soffice --headless "-env:UserInstallation=file://$tmp/profile" --convert-to pdf \
  --outdir "$tmp" "$tmp/x.xlsx" >/dev/null 2>&1
pages=$(pdfinfo "$tmp/x.pdf" | awk '/^Pages:/ {print $2}')
# The first page whose text holds $1.
page_with() {
  for p in $(seq 1 "$pages"); do
    if pdftotext -f "$p" -l "$p" "$tmp/x.pdf" - | grep -q "$1"; then
      echo "$p"
      return
    fi
  done
  echo "no page holds $1" >&2
  exit 1
}
mkdir -p docs
p=$(page_with 复核意见)
pdftoppm -r 110 -png -singlefile -f "$p" -l "$p" "$tmp/x.pdf" docs/workbook-problems
p=$(page_with 'results_national_self.txt —')
pdftoppm -r 110 -png -singlefile -f "$p" -l "$p" "$tmp/x.pdf" docs/workbook-flagged
echo "docs/workbook-problems.png docs/workbook-flagged.png"
