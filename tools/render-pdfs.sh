#!/usr/bin/env bash
# Regenerates samples/pdf/ from samples/*.txt (see tools/render_pdfs.py).
# Needs LibreOffice and friends; the tests only need the committed PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
need=(libreoffice-writer python3-docx python3-pikepdf qpdf poppler-utils fonts-noto-cjk)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
cmake -S . -B build -G Ninja >/dev/null
cmake --build build >/dev/null
/usr/bin/python3 tools/render_pdfs.py build/jxaudit samples/pdf
