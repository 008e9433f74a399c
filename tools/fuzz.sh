#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan, UBSan) and runs each for a while,
# seeded from samples/ and tests/. A crash leaves its input in
# build-fuzz/artifacts/<target>/; fix it, then keep the input in
# tests/fuzz/regressions/<target>/ so the test suite replays it.
# Usage: tools/fuzz.sh [seconds per target] [target...]   (default 60; all)
# FUZZ_JOBS=N runs N targets at a time (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(text number layout pdf patterns docx xlsx html)
jobs=${FUZZ_JOBS:-1}
build=build-fuzz
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -g -O1"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="$flags" -DJXAUDIT_FUZZ=ON -DJXAUDIT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" >"$build/build.log" 2>&1 || { tail -30 "$build/build.log" >&2; exit 1; }
run_one() {
  local t=$1
  local corpus="$build/corpus/$t" art="$build/artifacts/$t/"
  mkdir -p "$corpus" "$art"
  local seeds=()
  [ -d "tests/fuzz/regressions/$t" ] && seeds+=("tests/fuzz/regressions/$t")
  case $t in
    text) seeds+=(samples tests/malformed samples/fixtures) ;;
    number) seeds+=(tests/fuzz/seeds/number) ;;
    layout) seeds+=(tests/fuzz/seeds/layout) ;;
    pdf) seeds+=(samples/pdf) ;;
    patterns) seeds+=(tests/fuzz/seeds/patterns patterns) ;;
    docx | xlsx | html) seeds+=(tests/office/converted) ;;
  esac
  echo "fuzz: $t for ${secs}s" >&2
  if ! "$build/fuzz_$t" "$corpus" "${seeds[@]}" -max_total_time="$secs" -timeout=20 \
      -rss_limit_mb=2048 -max_len=262144 -artifact_prefix="$art" -print_final_stats=1 \
      >"$build/fuzz_$t.log" 2>&1; then
    echo "fuzz: $t found a failure; see $build/fuzz_$t.log and $art" >&2
    return 1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/fuzz_$t.log" | sed "s/^/  $t /" >&2 || true
}
status=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
