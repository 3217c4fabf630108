#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
BUILD_DIR=build-asan bash scripts/setup.sh -DCMAKE_BUILD_TYPE=Debug -DMANDATE_SANITIZE=address,undefined \
  -DMANDATE_BUILD_BENCH=OFF -DMANDATE_WERROR=ON
ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)"
