#!/usr/bin/env bash
# The Debian packages of cmake/packaging.cmake, tried as a user would:
#   package_check.sh BUILD WORK
# builds them with `cpack -G DEB`, checks that the runtime package's Depends (from
# dpkg-shlibdeps) name the C/C++ runtime and Abseil and nothing else, that the files are
# stripped, then builds and runs a C consumer against the packages' contents. As root, it also
# installs both packages with dpkg, builds the consumer against /usr, and removes them again.
set -euo pipefail
build=$(cd "$1" && pwd) work=$2
src=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" > cpack.log) || { cat "$work/cpack.log"; exit 1; }
runtime=$(ls "$work"/libmandate[0-9]*_*.deb) dev=$(ls "$work"/libmandate-dev_*.deb)
depends=$(dpkg-deb -f "$runtime" Depends)
echo "$(basename "$runtime"): Depends: $depends"
echo "$(basename "$dev"): Depends: $(dpkg-deb -f "$dev" Depends)"
for want in libc6 libstdc++6 libgcc-s1 libabsl; do
  grep -q "$want" <<< "$depends" || { echo "Depends lacks $want"; exit 1; }
done
if grep -q date <<< "$depends"; then echo "Depends names date: $depends"; exit 1; fi
dpkg-deb -x "$runtime" "$work/root" && dpkg-deb -x "$dev" "$work/root"
lib=$(ls "$work"/root/usr/lib/*/libmandate.so.*.*.* 2>/dev/null || ls "$work"/root/usr/lib/libmandate.so.*.*.*)
if readelf -S "$lib" | grep -q '\.symtab'; then echo "$lib is not stripped"; exit 1; fi
ls -l "$runtime" "$dev" "$lib"
libdir=$(dirname "$lib")
PKG_CONFIG_PATH="$libdir/pkgconfig" cc -std=c99 -Wall -Werror "$src/consumer/consumer.c" \
  $(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs mandate) -o "$work/consumer"
LD_LIBRARY_PATH="$libdir" "$work/consumer"
if [ "$(id -u)" -eq 0 ] && command -v dpkg > /dev/null; then
  name_runtime=$(dpkg-deb -f "$runtime" Package) name_dev=$(dpkg-deb -f "$dev" Package)
  dpkg -i "$runtime" "$dev" > "$work/dpkg.log"
  trap 'dpkg -r "$name_dev" "$name_runtime" > /dev/null' EXIT
  cc -std=c99 -Wall -Werror "$src/consumer/consumer.c" $(pkg-config --cflags --libs mandate) \
    -o "$work/consumer-installed"
  "$work/consumer-installed"
  /usr/bin/mandate --version
  echo "installed with dpkg, built against /usr, removed"
else
  echo "not root: the dpkg install step is skipped"
fi
echo "debian packages OK"
