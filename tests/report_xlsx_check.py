#!/usr/bin/python3
"""`mandate report --format xlsx` read back with python3-openpyxl (Debian): the workbook's
figures are the Markdown report's. Run by ctest (report_xlsx_reads_back):

    report_xlsx_check.py MANDATE_BIN SOURCE_DIR WORK_DIR

The Markdown is parsed generically (every table's rows), so that a change of the report's
wording moves both formats together. Exit 77 (skipped) without openpyxl.
"""
import datetime
import os
import re
import subprocess
import sys

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl is not installed: skipped")
    sys.exit(77)

BIN, SRC, WORK = sys.argv[1:4]
DATA = os.path.join(SRC, "examples", "data", "plan-2025.json")
AS_OF = "2025-12-15"


def run(*args):
    r = subprocess.run([os.path.join(BIN, "mandate"), "report", "--data", DATA, "--as-of", AS_OF,
                        "--since", "2025-09-23", *args], capture_output=True)
    assert r.returncode in (0, 1), r.stderr.decode()
    return r.stdout.decode()


def md_tables(md):
    """Every Markdown table as a list of rows (the header first), cells stripped."""
    tables, rows = [], []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                rows.append(cells)
        elif rows:
            tables.append(rows)
            rows = []
    return tables


def number(text):
    return int(text.replace(".", "").replace(",", ""))


def sheet_rows(ws):
    """The table under the header on row 4: (header, rows)."""
    values = list(ws.iter_rows(min_row=4, values_only=True))
    return list(values[0]), [list(r) for r in values[1:]]


def main():
    os.makedirs(WORK, exist_ok=True)
    md = run("--format", "md")
    out = os.path.join(WORK, "report.xlsx")
    run("--format", "xlsx", "--out", out)
    wb = openpyxl.load_workbook(out)
    names = wb.sheetnames
    assert names[:5] == ["Tổng hợp", "Theo cơ quan", "Quá hạn theo nhóm",
                         "Quá hạn theo cơ quan", "Sắp đến hạn"], names
    tables = md_tables(md)
    checked = 0

    # Totals: the Markdown's table of totals, label by label.
    _, totals = sheet_rows(wb["Tổng hợp"])
    xlsx_totals = {label: value for label, value in totals}
    md_totals = next(t for t in tables if t[0][0] == "Tổng số" and len(t) == 2)
    for label, value in zip(md_totals[0], md_totals[1]):
        assert xlsx_totals[label] == number(value), (label, xlsx_totals[label], value)
        checked += 1

    # Per agency: the Markdown's top agencies are rows of the per-agency sheet.
    header, agencies = sheet_rows(wb["Theo cơ quan"])
    by_name = {r[0]: dict(zip(header, r)) for r in agencies}
    top = next(t for t in tables if t[0][0] == "Cơ quan" and len(t[0]) == 4)
    for row in top[1:]:
        x = by_name[row[0]]
        for label, value in zip(top[0][1:], row[1:]):
            key = "Tổng số" if label == "nhiệm vụ" else label
            assert x[key] == number(value), (row[0], label, x[key], value)
            checked += 1

    # Overdue by group and by agency: the same rows as the Markdown's two tables.
    for sheet, first in (("Quá hạn theo nhóm", "Nhóm"), ("Quá hạn theo cơ quan", "Cơ quan")):
        _, rows = sheet_rows(wb[sheet])
        md_rows = next(t for t in tables if t[0][0] == first and len(t[0]) == 2)[1:]
        assert [(r[0], r[1]) for r in rows] == [(r[0], number(r[1])) for r in md_rows], sheet
        checked += len(rows)

    # The per-task sheet: every task assigned by the day, real dates, a filter, a frozen header.
    ws = wb["Nhiệm vụ"]
    header, tasks = sheet_rows(ws)
    assert header == ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn",
                      "Hạn", "Tình trạng", "Căn cứ xác định"], header
    assert ws.freeze_panes == "A5", ws.freeze_panes
    assert ws.auto_filter.ref == "A4:H%d" % (4 + len(tasks)), ws.auto_filter.ref
    statuses = {}
    for r in tasks:
        statuses[r[6]] = statuses.get(r[6], 0) + 1
        assert r[5] is None or isinstance(r[5], datetime.datetime), r
    for label in ("quá hạn, chậm muộn", "sắp đến hạn"):
        assert statuses.get(label, 0) == xlsx_totals[label], (label, statuses, xlsx_totals)
    # The report's "in progress" includes the tasks due soon.
    assert (statuses.get("đang thực hiện", 0) + statuses.get("sắp đến hạn", 0)
            == xlsx_totals["đang thực hiện"]), (statuses, xlsx_totals)
    overdue = [r for r in tasks if r[6] == "quá hạn, chậm muộn"]
    assert all(r[5] < datetime.datetime(2025, 12, 15) for r in overdue)
    print("xlsx report: %d figures equal the Markdown's; %d tasks, statuses %s"
          % (checked, len(tasks), statuses))


main()
