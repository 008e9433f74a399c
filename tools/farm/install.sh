#!/usr/bin/env bash
# Installs the Debian 12 packages the rendering farm uses, only when missing.
set -euo pipefail
exec "$(dirname "$0")/../install-deps.sh" --only \
  python3 python3-docx python3-openpyxl python3-reportlab \
  libreoffice-writer libreoffice-calc chromium wkhtmltopdf poppler-utils \
  fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
