#!/usr/bin/env bash
# Installs the freshly built library into a scratch prefix and builds two outside
# projects against it: C++ through find_package(mandate), C through pkg-config.
set -euo pipefail
build=$1 work=$2
src=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
for f in include/mandate.h include/mandate_version.h include/mandate.hpp lib/libmandate.a \
         lib/cmake/mandate/mandateConfig.cmake lib/pkgconfig/mandate.pc; do
  [ -e "$work/prefix/$f" ] || { echo "missing from install: $f"; exit 1; }
done
ls "$work/prefix"/lib/libmandate.so.* > /dev/null
cmake -S "$src" -B "$work/cxx" -DCMAKE_PREFIX_PATH="$work/prefix" > "$work/cxx.log"
cmake --build "$work/cxx" >> "$work/cxx.log"
"$work/cxx/consumer_cxx"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
cc -std=c99 -Wall -Werror "$src/consumer.c" $(pkg-config --cflags --libs mandate) -o "$work/consumer_c"
LD_LIBRARY_PATH="$work/prefix/lib" "$work/consumer_c"
echo "consumer OK"
