#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages), then configures and builds into BUILD_DIR
# (default build/). Extra CMake arguments pass through: scripts/setup.sh -DMANDATE_WERROR=ON
# MANDATE_TARGETS="a b" builds only those targets (scripts/main.sh: the library and the
# command); MANDATE_SKIP_OPTIONAL=1 skips the optional packages.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(cmake ninja-build g++ pkg-config tzdata python3 libabsl-dev libhowardhinnant-date-dev
          nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev abigail-tools dpkg-dev doxygen
          # office files: the zip of .xlsx/.docx, the workbook's XML, .xlsx reports (README)
          libzip-dev libexpat1-dev libxlsxwriter-dev
          # the tests that read the .xlsx and .docx back, and write the plan workbook
          python3-openpyxl python3-docx
          # the Python package (bindings/python): its wheel, a venv, frames, the chart, type check
          python3-venv python3-pip python3-setuptools python3-wheel python3-build python3-numpy
          python3-pandas python3-matplotlib python3-mypy)
# Optional: only the render tests use them (each is skipped without them): the HTML report in
# Chromium; the .docx report through LibreOffice to PDF, then pdftoppm to PNG.
optional=(chromium fonts-noto-core libreoffice-writer-nogui poppler-utils)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
if [ "$(id -u)" -eq 0 ] && [ "${MANDATE_SKIP_OPTIONAL:-0}" != 1 ]; then
  for p in "${optional[@]}"; do installed "$p" || missing+=("$p"); done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "mandate needs these packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja "$@" > /dev/null
targets=()
for t in ${MANDATE_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$build" --parallel "${MANDATE_JOBS:-$(nproc)}" "${targets[@]}"
