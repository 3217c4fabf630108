#!/usr/bin/env bash
# Renders an HTML report in headless Chromium (Debian's `chromium`): a screenshot, and the
# DOM as the browser parsed it. Used by the ctest `report_html_renders_in_chromium` and to
# refresh docs/report-2025-09-23.png.
#   scripts/render_report.sh REPORT.html OUT.png [OUT.dom.html] [WIDTHxHEIGHT]
# Exits 77 (ctest's skip code) when Chromium is not installed: it is not a build dependency
# (apt-get install chromium fonts-noto-core to run the check).
set -euo pipefail
html=$1 png=$2 dom=${3:-} size=${4:-1200x1800}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "render_report: chromium not installed; skipped" >&2
  exit 77
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# The flags keep Chromium off the network (this machine's network is closed) and out of the
# user's profile.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --window-size="${size/x/,}")
url="file://$(realpath "$html")"
timeout 120 "$browser" "${flags[@]}" --screenshot="$png" "$url" > /dev/null 2>&1
if [ -n "$dom" ]; then
  timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" > "$dom" 2> /dev/null
fi
