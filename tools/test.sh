#!/usr/bin/env bash
# Builds and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh >/dev/null
ctest --test-dir build --output-on-failure -j"$(nproc)"
