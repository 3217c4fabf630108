#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan) in build-fuzz/ and runs each for
# FUZZ_SECONDS (default 60) from a scratch copy of its checked-in corpus, one at a time.
# Prints the executions of each harness and the total; exits nonzero on the first crash,
# leaving the reproducer in build-fuzz/artifacts/<harness>/ (add it to fuzz/corpus/<harness>/
# as regress-<what> and fix the bug). Extra arguments are harness names to run (default: all).
#   FUZZ_SECONDS=10 scripts/fuzz.sh csv deadline
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD_DIR:-build-fuzz}

packages=(clang-14 libclang-rt-14-dev cmake ninja-build libabsl-dev libhowardhinnant-date-dev
          nlohmann-json3-dev libzip-dev libexpat1-dev libxlsxwriter-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "the fuzzers need these packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
cc=$(command -v clang-14 || command -v clang)
cxx=$(command -v clang++-14 || command -v clang++)
cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMANDATE_BUILD_FUZZERS=ON -DMANDATE_BUILD_TESTS=OFF \
  -DMANDATE_BUILD_BENCH=OFF -DMANDATE_BUILD_EXAMPLES=OFF -DMANDATE_WERROR=ON > /dev/null
cmake --build "$build" --target fuzzers --parallel "${MANDATE_JOBS:-$(nproc)}"

if [ $# -gt 0 ]; then
  harnesses=("$@")
else
  harnesses=()
  for f in fuzz/*_fuzzer.cpp; do
    n=$(basename "$f" _fuzzer.cpp)
    harnesses+=("$n")
  done
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
total=0
summary=()
for h in "${harnesses[@]}"; do
  # Per-harness libFuzzer flags (e.g. a larger -max_len) live in fuzz/<harness>.options.
  opts=(-max_len=4096)
  if [ -f "fuzz/$h.options" ]; then read -r -a opts < "fuzz/$h.options"; fi
  work="$build/corpus/$h" art="$build/artifacts/$h"
  rm -rf "$work" && mkdir -p "$work" "$art"
  cp fuzz/corpus/"$h"/* "$work"/
  log="$build/fuzz-$h.log"
  echo "== fuzz_$h: ${seconds}s ${opts[*]}"
  set +e
  "$build/bin/fuzz_$h" "${opts[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$art/" "$work" > "$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  execs=${execs:-0}
  total=$((total + execs))
  summary+=("$(printf '%-24s %12s execs' "$h" "$execs")")
  if [ $rc -ne 0 ]; then
    tail -60 "$log" >&2
    echo "fuzz_$h FAILED (exit $rc); reproducer: $(ls "$art" | head -1)" >&2
    printf '%s\n' "${summary[@]}"
    exit 1
  fi
  echo "${summary[-1]}"
done
echo "== fuzzing summary (${seconds}s per harness)"
printf '%s\n' "${summary[@]}"
printf '%-24s %12s execs\n' total "$total"
