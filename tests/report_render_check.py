#!/usr/bin/env python3
"""ctest report_html_renders_in_chromium: the golden HTML report, rendered by headless
Chromium, shows what the report says.

Checks (1) the screenshot is a real picture: a PNG of the requested size, not blank;
(2) the DOM as Chromium parsed it keeps every heading, table row and chart bar of the source
(a malformed document would be restructured by the parser and lose or move some), with the
letterhead and the first programme's figures in the text. Exits 77 (skipped) when Chromium is not installed.

usage: report_render_check.py RENDER_SCRIPT GOLDEN.html WORKDIR
"""
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

render, golden, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
work.mkdir(parents=True, exist_ok=True)
png, dom_file = work / "report.png", work / "report.dom.html"
for f in (png, dom_file):
    f.unlink(missing_ok=True)
rc = subprocess.run(["bash", render, str(golden), str(png), str(dom_file), "1200x1800"]).returncode
if rc != 0:
    sys.exit(rc)

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


# (1) The screenshot: PNG signature, 1200x1800, and not a blank page.
data = png.read_bytes() if png.exists() else b""
check(data[:8] == b"\x89PNG\r\n\x1a\n", "screenshot is not a PNG")
if data[:8] == b"\x89PNG\r\n\x1a\n":
    width, height = struct.unpack(">II", data[16:24])
    check((width, height) == (1200, 1800), f"screenshot is {width}x{height}, not 1200x1800")
    idat = b"".join(data[i + 8:i + 8 + struct.unpack(">I", data[i:i + 4])[0]]
                    for i in [m.start() - 4 for m in re.finditer(b"IDAT", data)])
    raw = zlib.decompress(idat)
    # A blank page compresses to a few kilobytes of one filtered value; text and bars don't.
    check(len(set(raw)) > 32 and len(idat) > 30000, f"screenshot looks blank ({len(idat)} bytes)")

# (2) The parsed DOM against the source.
source = golden.read_text(encoding="utf-8")
dom = dom_file.read_text(encoding="utf-8") if dom_file.exists() else ""
check(len(dom) > 0, "Chromium dumped no DOM")
for tag in ("<h1", "<h2", "<h3", "<h4", "<p", "<tr", "<rect", "<svg"):
    want, got = source.count(tag), dom.count(tag)
    check(want > 0 and got == want, f"{tag}>: {want} in the report, {got} in Chromium's DOM")
for heading in re.findall(r"<h2>([^<]*)</h2>", source):
    check(heading in dom, f"heading missing from the DOM: {heading}")
for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Ngày 23 tháng 9 năm 2025",
               # As of 2025-09-23 the action programme (sections III and IV of the plan) has
               # 177 tasks, 172 in progress and 5 overdue.
               "có tổng số 177 nhiệm vụ giao cho 57 cơ quan",
               "172 nhiệm vụ đang thực hiện và 05 nhiệm vụ quá hạn, chậm muộn",
               "PHỤ LỤC 01. DANH SÁCH CÁC NHIỆM VỤ QUÁ HẠN"):
    check(phrase in dom, f"the DOM does not say: {phrase}")

for f in failures:
    print("FAIL:", f)
print(f"report rendered: {png} ({len(data)} bytes), {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
