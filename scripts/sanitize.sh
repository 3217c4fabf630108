#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/, then the
# concurrency tests under ThreadSanitizer, in build-tsan/.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
BUILD_DIR=build-asan bash scripts/setup.sh -DCMAKE_BUILD_TYPE=Debug -DMANDATE_SANITIZE=address,undefined \
  -DMANDATE_BUILD_BENCH=OFF -DMANDATE_WERROR=ON
ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)"

# The concurrency tests under ThreadSanitizer, in build-tsan/ (only the test runner and the C ABI thread
# program are built).
# A test that runs threads carries Parallel, Thread or Concurren(t|cy) in its name: that is
# how it is picked here, and --no-tests=error fails the run if the pattern stops matching.
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMANDATE_SANITIZE=thread \
  -DMANDATE_BUILD_BENCH=OFF -DMANDATE_BUILD_EXAMPLES=OFF -DMANDATE_WERROR=ON > /dev/null
cmake --build build-tsan --target mandate_tests capi_threads --parallel "${MANDATE_JOBS:-$(nproc)}"
ctest --test-dir build-tsan --output-on-failure --no-tests=error -R 'Parallel|Thread|Concurren|capi_threads'
