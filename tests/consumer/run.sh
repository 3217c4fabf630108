#!/usr/bin/env bash
# Builds and runs an outside program against an installed mandate, as a user would.
#   run.sh install BUILD PREFIX              cmake --install --strip, then checks the tree
#   run.sh LANG LINK METHOD PREFIX WORK      LANG c|cxx, LINK shared|static, METHOD cmake|pkgconfig
# A static build must not need libmandate.so at run time; a shared one must (readelf).
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)
if [ "$1" = install ]; then
  build=$2 prefix=$3
  rm -rf "$prefix"
  cmake --install "$build" --prefix "$prefix" --strip > /dev/null
  for f in include/mandate.h include/mandate_version.h include/mandate.hpp lib/libmandate.a \
           lib/cmake/mandate/mandateConfig.cmake lib/cmake/mandate/mandateStaticTargets.cmake \
           lib/pkgconfig/mandate.pc bin/mandate share/doc/mandate/LICENSE; do
    [ -e "$prefix/$f" ] || { echo "missing from install: $f"; exit 1; }
  done
  ls "$prefix"/lib/libmandate.so.* > /dev/null
  # Stripped: no symbol table beyond the dynamic one.
  if readelf -S "$prefix"/lib/libmandate.so.*.*.* | grep -q '\.symtab'; then
    echo "the installed shared library is not stripped"; exit 1
  fi
  if objdump -h "$prefix/lib/libmandate.a" | grep -q '\.debug'; then
    echo "the installed archive keeps its debug sections"; exit 1
  fi
  echo "installed into $prefix"
  exit 0
fi
lang=$1 link=$2 method=$3 prefix=$4 work=$5
rm -rf "$work" && mkdir -p "$work"
exe="$work/consumer"
if [ "$method" = cmake ]; then
  cmake_lang=$([ "$lang" = c ] && echo C || echo CXX)
  cmake -S "$src" -B "$work" -DCMAKE_PREFIX_PATH="$prefix" -DCONSUMER_LANG="$cmake_lang" \
    -DCONSUMER_LINK="$link" > "$work/configure.log" || { cat "$work/configure.log"; exit 1; }
  cmake --build "$work" > "$work/build.log" || { cat "$work/build.log"; exit 1; }
else
  export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
  if [ "$lang" = c ]; then
    compile=(cc -std=c99 -Wall -Werror "$src/consumer.c")
  else
    compile=(c++ -std=c++20 -Wall -Werror "$src/consumer.cpp")  # mandate.hpp needs C++20
  fi
  if [ "$link" = static ]; then
    # -l:libmandate.a picks the archive where the shared library sits beside it.
    libs=$(pkg-config --static --libs mandate)
    "${compile[@]}" $(pkg-config --static --cflags mandate) ${libs/-lmandate/-l:libmandate.a} -o "$exe"
  else
    "${compile[@]}" $(pkg-config --cflags --libs mandate) -o "$exe"
  fi
fi
needs=$(readelf -d "$exe" | grep -c 'NEEDED.*libmandate' || true)
if [ "$link" = static ] && [ "$needs" != 0 ]; then echo "static build needs libmandate.so"; exit 1; fi
if [ "$link" = shared ] && [ "$needs" = 0 ]; then echo "shared build does not use libmandate.so"; exit 1; fi
LD_LIBRARY_PATH="$prefix/lib" "$exe"
echo "consumer $lang/$link/$method OK"
