#!/usr/bin/env bash
# Installs the Debian 12 packages the rendering farm uses, only when missing.
set -euo pipefail

packages=(
  python3 python3-docx python3-openpyxl python3-reportlab
  libreoffice-writer libreoffice-calc chromium poppler-utils
  fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "farm/install: need root or sudo for: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
echo "farm/install: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
