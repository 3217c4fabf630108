#!/usr/bin/env bash
# ThreadSanitizer run of the C ABI thread test: a sub-build of the shared library with
# -fsanitize=thread in BUILD/tsan (incremental after the first run), then capi_threads.c
# compiled against it and run. Usage: tsan.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1 build=$2/tsan
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMANDATE_SANITIZE=thread \
  -DMANDATE_BUILD_TESTS=OFF -DMANDATE_BUILD_BENCH=OFF -DMANDATE_BUILD_EXAMPLES=OFF > "$build.log" 2>&1 ||
  { cat "$build.log"; exit 1; }
cmake --build "$build" --target mandate >> "$build.log" 2>&1 || { tail -50 "$build.log"; exit 1; }
cc -std=c99 -O1 -g -fsanitize=thread -pthread -Wall -Werror -I"$src/capi" -I"$build/generated" \
  "$src/tests/capi_programs/capi_threads.c" -L"$build/lib" -lmandate -Wl,-rpath,"$build/lib" \
  -o "$build/capi_threads_tsan"
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" "$build/capi_threads_tsan"
