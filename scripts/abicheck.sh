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
# The opaque handles (`typedef struct mdt_x mdt_x;` in capi/mandate.h) are dropped from the
# dump: their layouts in capi/internal/ are hidden from callers and free to change. What stays
# is every exported function, public struct and enumerator. (abidw's --drop-private-types
# is not used: libabigail 2.2 loses the enumerators with it.)
handles=$(sed -n 's/^typedef struct \(mdt_[a-z0-9_]*\) \1;$/\1/p' capi/mandate.h | paste -sd'|')
printf '[suppress_type]\n  type_kind = struct\n  name_regexp = ^(%s)$\n  drop = yes\n' "$handles" \
  > "$build/abi-handles.ini"
# The experimental section of mandate.h (between `#if defined(MDT_EXPERIMENTAL)` and its
# `#endif`) is not frozen (README, ABI policy): its functions and types are left out too.
experimental=$(sed -n '/^#if defined(MDT_EXPERIMENTAL)/,/^#endif \/\*\*< MDT_EXPERIMENTAL/p' capi/mandate.h)
exp_functions=$(grep -o 'mdt_[a-z0-9_]*(' <<< "$experimental" | tr -d '(' | sort -u | paste -sd'|')
exp_types=$(grep -o '} mdt_[a-z0-9_]*;' <<< "$experimental" | sed 's/[};]//g; s/ //g' | sort -u | paste -sd'|')
if [ -n "$exp_functions" ]; then
  # Both forms: libabigail 2.2 drops the declaration by name and the ELF symbol by symbol name.
  for key in name_regexp symbol_name_regexp; do
    printf '[suppress_function]\n  %s = ^(%s)$\n  drop = yes\n' "$key" "$exp_functions" \
      >> "$build/abi-handles.ini"
  done
fi
if [ -n "$exp_types" ]; then
  printf '[suppress_type]\n  name_regexp = ^(%s)$\n  drop = yes\n' "$exp_types" \
    >> "$build/abi-handles.ini"
fi
abidw --no-corpus-path --short-locs --exported-interfaces-only \
  --suppressions "$build/abi-handles.ini" --out-file "$current" "$lib"
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
# abidiff's exit status is a bit field: 1/2 = tool error, 4 = ABI change, 8 = incompatible
# change. Added functions are not reported (--no-added-syms) and pass. Anything else fails:
# a removed function (8) or a changed signature, struct or enumerator (4). An appended field
# or enumerator is compatible by our rules but still a deliberate act: update the baseline.
if (( rc & 3 )); then
  cat "$build/abidiff.txt"; echo "abicheck: abidiff failed (status $rc)"; exit 1
fi
if (( rc != 0 )); then
  cat "$build/abidiff.txt"
  echo "abicheck: the ABI changed against $baseline (abidiff status $rc)."
  echo "Restore it; or, for an appended struct field or enumerator, update the baseline;"
  echo "or, for a break, bump MANDATE_SOVERSION and update the baseline (README, ABI policy)."
  exit 1
fi
echo "abicheck: ABI compatible with $baseline"
