#!/usr/bin/python3
"""Writes the bundled plan (examples/data/plan-2025.json) as an agency would send it in Excel.

    /usr/bin/python3 tests/data/xlsx/make_plan_workbook.py   (Debian python3-openpyxl)

plan-2025.xlsx: a title block (merged title cells, blank rows), a two-row header with the
plan tables' Vietnamese names ("Cơ quan" over "chủ trì" | "phối hợp"), merged group-heading
rows ("III. …" then "I. …") instead of a category column, assignment days and date deadlines
as real Excel dates (serial numbers with a date format). tests/dataset_xlsx_test.cpp loads it
and compares with the JSON.

plan-2025-1904.xlsx: the same in the 1904 date system (old Mac workbooks).

bad-cells.xlsx: the same with three bad cells (their references are asserted by the test):
KH25-II-2's day of assignment "32/13/2025", KH25-II-3's lead "Bộ Không Tồn Tại", and
KH25-II-4's id repeated as KH25-II-1's.
"""
import datetime
import json
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
HEADER_TOP = ["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Cơ quan", None, "Thời gian hoàn thành",
              "Ngày giao", "Nguồn", "Kết quả dự kiến", "Ghi chú"]
HEADER_SUB = [None, None, "chủ trì", "phối hợp", None, None, None, None, None]
WIDTH = len(HEADER_TOP)


def day(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d")


def task_cells(t):
    deadline = t["deadline"]
    if deadline.get("text"):
        due = deadline["text"]
    elif deadline.get("due"):
        due = day(deadline["due"])  # a date deadline: a real date cell
    else:
        due = None
    return [t["id"], t["title"], t.get("lead_text"), t.get("coordinators_text"), due,
            day(t["assigned"]) if "assigned" in t else None,
            "\n".join(t.get("sources", [])) or None, t.get("expected_result"), t.get("note")]


def write(tasks, path, epoch1904=False, bad=False):
    wb = Workbook()
    if epoch1904:
        wb.epoch = datetime.datetime(1904, 1, 1)  # writes <workbookPr date1904="1"/>
    ws = wb.active
    ws.title = "Kế hoạch"
    bold = Font(name="Times New Roman", bold=True)
    ws.append(["KẾ HOẠCH HOẠT ĐỘNG NĂM 2025 CỦA BAN CHỈ ĐẠO"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=WIDTH)
    ws.append([])
    ws.append(["(Kèm theo Kế hoạch số 01/KH-BCĐ ngày 15 tháng 01 năm 2025)"])
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=WIDTH)
    ws.append([])
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    for col in range(1, WIDTH + 1):
        if HEADER_SUB[col - 1] is None:
            ws.merge_cells(start_row=5, start_column=col, end_row=6, end_column=col)
    ws.merge_cells(start_row=5, start_column=3, end_row=5, end_column=4)
    for row in ws.iter_rows(min_row=1, max_row=6):
        for cell in row:
            cell.font = bold
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    groups = []
    rows = {}
    for t in tasks:
        path_parts = t["category"].split(" / ")
        common = 0
        while common < min(len(groups), len(path_parts)) and groups[common] == path_parts[common]:
            common += 1
        for heading in path_parts[common:]:
            ws.append([heading])
            r = ws.max_row
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=WIDTH)
            ws.cell(r, 1).font = bold
        groups = path_parts
        cells = task_cells(t)
        if bad and t["id"] == "KH25-II-2":
            cells[5] = "32/13/2025"
        if bad and t["id"] == "KH25-II-3":
            cells[2] = "Bộ Không Tồn Tại"
        if bad and t["id"] == "KH25-II-4":
            cells[0] = "KH25-II-1"
        ws.append(cells)
        rows[t["id"]] = ws.max_row
        for col in (5, 6):
            if isinstance(ws.cell(ws.max_row, col).value, datetime.datetime):
                ws.cell(ws.max_row, col).number_format = "DD/MM/YYYY"
    for letter, width in zip("ABCDEFGHI", (12, 60, 25, 25, 18, 12, 30, 20, 20)):
        ws.column_dimensions[letter].width = width
    wb.save(path)
    return rows


def main():
    with open(os.path.join(ROOT, "examples", "data", "plan-2025.json"), encoding="utf-8") as f:
        tasks = json.load(f)["dataset"]["tasks"]
    write(tasks, os.path.join(HERE, "plan-2025.xlsx"))
    write(tasks, os.path.join(HERE, "plan-2025-1904.xlsx"), epoch1904=True)
    rows = write(tasks, os.path.join(HERE, "bad-cells.xlsx"), bad=True)
    print(json.dumps({k: rows[k] for k in ("KH25-II-1", "KH25-II-2", "KH25-II-3", "KH25-II-4")}))


if __name__ == "__main__":
    main()
