#!/usr/bin/python3
"""`mandate report --format xlsx` read back with python3-openpyxl (Debian): the workbook's
figures are the Markdown report's. Run by ctest (report_xlsx_reads_back):

    report_xlsx_check.py MANDATE_BIN SOURCE_DIR WORK_DIR

The Markdown is parsed generically (every table's rows), so that a change of the report's
wording moves both formats together. Exit 77 (skipped) without openpyxl.
"""
import datetime
import json
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






def sheet_rows(ws):
    """The table under the header on row 4: (header, rows)."""
    values = list(ws.iter_rows(min_row=4, values_only=True))
    return list(values[0]), [list(r) for r in values[1:]]


def main():
    os.makedirs(WORK, exist_ok=True)
    js = json.loads(run("--format", "json"))
    out = os.path.join(WORK, "report.xlsx")
    run("--format", "xlsx", "--out", out)
    wb = openpyxl.load_workbook(out)
    names = wb.sheetnames
    assert names[:5] == ["Tổng hợp", "Theo cơ quan", "Quá hạn theo nhóm",
                         "Quá hạn theo cơ quan", "Sắp đến hạn"], names
    checked = 0

    # Totals: the report's figures (its JSON rendering states what the Markdown's sentences
    # say), label by label; "đang thực hiện" includes the tasks due soon, as the text counts.
    _, totals = sheet_rows(wb["Tổng hợp"])
    xlsx_totals = {label: value for label, value in totals}
    t = js["totals"]
    want = {"Tổng số": t["total"], "đã hoàn thành": t["completed"],
            "hoàn thành đúng hạn": t["completed_on_time"],
            "hoàn thành quá hạn": t["completed_late"],
            "đang thực hiện": t["in_progress"] + t["due_soon"], "sắp đến hạn": t["due_soon"],
            "quá hạn, chậm muộn": t["overdue"]}
    for label, value in want.items():
        assert xlsx_totals[label] == value, (label, xlsx_totals[label], value)
        checked += 1

    # Per agency: every agency of the report, in its order, with its counts.
    header, agencies = sheet_rows(wb["Theo cơ quan"])
    assert [r[0] for r in agencies] == [a["name"] for a in js["by_agency"]]
    for row, a in zip(agencies, js["by_agency"]):
        x = dict(zip(header, row))
        assert (x["Tổng số"], x["đã hoàn thành"], x["quá hạn, chậm muộn"]) == \
            (a["total"], a["completed"], a["overdue"]), (row, a)
        checked += 3

    # Overdue by group and by agency: the same rows as the report's.
    for sheet, key in (("Quá hạn theo nhóm", "overdue_by_category"),
                       ("Quá hạn theo cơ quan", "overdue_by_agency")):
        _, rows = sheet_rows(wb[sheet])
        assert [(r[0], r[1]) for r in rows] == [(g["label"], g["count"]) for g in js[key]], sheet
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
    print("xlsx report: %d figures equal the report's; %d tasks, statuses %s"
          % (checked, len(tasks), statuses))


main()
