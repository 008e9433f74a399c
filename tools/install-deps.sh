#!/usr/bin/env bash
# Installs the Debian 12 packages jxaudit builds and tests with, when missing.
# Usage: tools/install-deps.sh [--only PACKAGE...]   (--only: those instead,
# for the tools that need more, such as the rendering farm)
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libicu-dev libre2-dev libxlsxwriter-dev libpoppler-private-dev
  libboost-program-options-dev nlohmann-json3-dev libsqlite3-dev libssl-dev catch2
  unzip libzip-dev libxml2-dev
  python3 python3-jsonschema
  libreoffice-calc libreoffice-writer poppler-utils
)
if [ "${1:-}" = "--only" ]; then
  shift
  packages=("$@")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "${0##*/}: need root or sudo for: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
echo "${0##*/}: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
