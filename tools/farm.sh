#!/usr/bin/env bash
# Rendering farm: renders the text samples into PDFs through several
# producers with seeded settings and compares jxaudit's findings on them.
#   tools/farm.sh render --seed N --count K --out DIR [--keep-sources]
#                        [--producers P,...]
#   tools/farm.sh report --bin build/jxaudit DIR
#   tools/farm.sh full --seed N [--count K] [--out DIR]
#   tools/farm.sh subset --from DIR --out samples/farm [--max 40]
#   tools/farm.sh repeat --seed N [--count K] [--producers P,...]
#                                 (same seed twice: same bytes?)
# Installs what it needs (tools/farm/install.sh); builds jxaudit when
# build/jxaudit is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/farm/install.sh
if [ ! -x build/jxaudit ]; then
  tools/build.sh >/dev/null
fi
exec /usr/bin/python3 tools/farm/farm.py "$@"
