#!/usr/bin/env bash
# The ABI check (as zlib-ng's test/abicheck.sh): builds the shared library, dumps its ABI
# with libabigail's abidw and compares it with the stored baseline abi/mandate.abi using
# abidiff. Fails on any incompatible change (a removed function, a changed signature, a
# changed struct or enum value); additions are compatible and only reported.
#
#   scripts/abicheck.sh            check against the baseline
#   scripts/abicheck.sh --update   rewrite the baseline (deliberately; see README "ABI policy")
#
# BUILD_DIR (default build/, as scripts/test.sh leaves it: RelWithDebInfo, so with the DWARF
# abidw reads) is reused; only the shared library is (re)built.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
baseline=abi/mandate.abi
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja > /dev/null
cmake --build "$build" --target mandate > /dev/null
lib="$build/lib/libmandate.so"
current="$build/mandate.abi"
# Only the public header's types count (--drop-private-types): the handles' layouts in
# capi/internal/ are opaque to callers and free to change.
abidw --no-corpus-path --short-locs --header-file capi/mandate.h \
  --header-file "$build/generated/mandate_version.h" --drop-private-types \
  --out-file "$current" "$lib"
if [ "${1:-}" = "--update" ]; then
  cp "$current" "$baseline"
  echo "abicheck: baseline $baseline updated from $lib"
  exit 0
fi
[ -f "$baseline" ] || { echo "abicheck: no baseline $baseline (run scripts/abicheck.sh --update)"; exit 1; }
set +e
abidiff --no-added-syms "$baseline" "$current" > "$build/abidiff.txt"
rc=$?
set -e
# abidiff's exit status is a bit field: 4 = ABI change, 8 = incompatible ABI change,
# 1/2 = tool error. Compatible changes (4 alone, e.g. an added function) pass.
if (( rc & 3 )); then
  cat "$build/abidiff.txt"; echo "abicheck: abidiff failed (status $rc)"; exit 1
fi
if (( rc & 8 )); then
  cat "$build/abidiff.txt"
  echo "abicheck: INCOMPATIBLE ABI change against $baseline (abidiff status $rc)."
  echo "Restore compatibility, or bump MANDATE_SOVERSION and update the baseline (README, ABI policy)."
  exit 1
fi
if (( rc & 4 )); then
  cat "$build/abidiff.txt"
  echo "abicheck: compatible ABI change (additions); consider updating the baseline"
fi
echo "abicheck: ABI compatible with $baseline"
