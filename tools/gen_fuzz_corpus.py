#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses, fuzz/corpus/<harness>/seed-<sha1>, from the
seed documents' real rows and phrases (the JSON Lines files in tests/data/seed) plus a few
hand-made edge cases per harness.

Only files named seed-* are managed: a rerun deletes the old seeds and writes the new ones,
and leaves alone the crash reproducers (regress-*) that were added by hand. Deterministic:
the same data gives the same files. Usage: tools/gen_fuzz_corpus.py [--data DIR] [--out DIR]
"""
import argparse
import calendar
import hashlib
import io
import csv
import json
import pathlib
import random
import re

REPO = pathlib.Path(__file__).resolve().parent.parent


def load(data, name):
    with open(data / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def uniq(items):
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def csv_text(rows, delimiter=",", line_end="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=line_end)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


PLAN_COLUMNS = ["id", "section", "group", "row_no", "title", "lead", "coordinators",
                "expected_result", "deadline_text", "note"]


def gen_csv(d):
    """The first byte picks delimiter and limits (see fuzz/csv_fuzzer.cpp); 0 = ',' defaults."""
    plan = d["plan"]
    rng = random.Random(57)
    out = []
    delims = {0: ",", 1: ";", 2: "\t", 3: "|"}
    for i in range(0, len(plan), 12):  # ~21 chunks of real rows, various delimiters
        mode = i // 12 % 4
        rows = [PLAN_COLUMNS] + [[r[c] for c in PLAN_COLUMNS] for r in plan[i:i + 12]]
        text = csv_text(rows, delims[mode], "\r\n" if i % 24 else "\n")
        if i % 36 == 0:
            text = "\ufeff" + text
        out.append(bytes([mode]) + text.encode())
    # Small limits (mode bit 2) over short real rows.
    for r in rng.sample(plan, 10):
        mode = 4 | rng.randrange(256) & ~7
        out.append(bytes([mode & 0xFF]) + csv_text([[r["id"], r["lead"], r["deadline_text"]]]).encode())
    edge = [
        b'a,b,c\r\n1,"x, y",3\r\n',
        b'"multi\nline ""quoted""",2\n',
        b'"never closed,1\n2,3\n',
        b'a"b,c\n',
        b'"a"b,c\n',
        b"a,\x00,c\n",
        b"\xff\xfea\x00,\x00",
        b"\xef\xbb\xbf\"\",x\r",
        b"\xc0\xaf,\xed\xa0\x80\n",
        b",,,,\n\n\r\n,",
    ]
    out += [b"\x00" + e for e in edge]
    return out


def gen_agency_resolver(d):
    plan, appendix, prose = d["plan"], d["appendix"], d["prose"]
    cells = uniq([r["lead"] for r in plan] + [r["coordinators"] for r in plan])
    cells = [c for c in cells if c][::2]  # every other distinct cell keeps the corpus small
    # Sentence openings: the leading agencies of appendix bullets and prose items.
    cells += uniq([a["text"][:120] for a in appendix[:40]])
    cells += uniq([p["text"][:120] for p in prose[:20]])
    cells += ["Các bộ, ngành, địa phương", "UBND TP. Hà Nội", "Bộ KH&CN", "BO KH & CN",
              "Bo\u0302\u0323 Tài chính", "Bộ Nội vụ (của Bộ Lao động - Thương binh và Xã hội chuyển sang)",
              "Tài chính, Khoa học và Công nghệ; Công an", "\xa0Bộ Y tế\xa0", "-", ""]
    return [c.encode() for c in cells]


def gen_agency_registry_json(d):
    bundled = (REPO / "data" / "agencies.json").read_bytes()
    reg = json.loads(bundled)
    small = dict(reg)
    small["agencies"] = reg["agencies"][:3]
    small["collectives"] = []
    tiny = {"as_of": "2025-09-23", "agencies": [
        {"id": "A", "name": "Bộ A", "kind": "ministry", "aliases": ["BA"]}]}
    out = [bundled, json.dumps(small, ensure_ascii=False).encode(),
           json.dumps(tiny, ensure_ascii=False).encode(),
           b'{"agencies": [{"id": "X"}]}', b"[[[[[[[[[[[[", b'{"as_of": 1}', b"{}"]
    return out


def gen_text(d):
    plan, appendix, prose = d["plan"], d["appendix"], d["prose"]
    texts = uniq([r["deadline_text"] for r in plan])
    texts += [r["title"][:200] for r in plan[::25]]
    texts += [a["text"][:200] for a in appendix[::10]]
    texts += [p["text"][:200] for p in prose[::8]]
    texts = [t.encode() for t in texts]
    texts += [b"2025-12-31", b"31/12/2025", b"29-02-2024", b"0/0/0", b"31/12/99999",
              b"\xc0\x80", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xef\xbb\xbf",
              "đ Đ\u00a0KH&CN".encode(), "Bo\u0302\u0323".encode()]
    return texts


def gen_deadline(d):
    """First byte: bit 0 = extract from a sentence (else parse a phrase), bit 1 = plan year
    2025, bit 2 = inclusive "trước"; see fuzz/deadline_fuzzer.cpp."""
    plan, appendix, prose = d["plan"], d["appendix"], d["prose"]
    out = []
    for t in uniq([r["deadline_text"] for r in plan]):
        out.append(bytes([2]) + t.encode())
    for a in appendix[::2]:
        out.append(bytes([3]) + a["text"].encode())
    for p in prose[::2]:
        out.append(bytes([3]) + p["text"].encode())
    for t in ["trước ngày 20/12/2025", "Trước ngày 25 hàng tháng", "Quý IV", "Hằng tháng",
              "Hoàn thành theo lộ trình", "trong vòng 30 ngày làm việc", "0/0/0", "31/12/99999",
              "Tháng 13/2025", "31/02/2025", "Tháng 99999999999999999999/2025", "Quý MMMMMMM",
              "Hoan thanh truéc\n\nngay 15/11/2025S."]:
        out.append(bytes([6]) + t.encode())
    return out


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "fnv1a64:%016x" % h


def dataset_json(dataset, checksum=True):
    """The file as WriteDatasetJson lays it out (docs/dataset-format.md): the checksum is
    FNV-1a 64 of the payload's compact, key-sorted serialisation."""
    doc = {"schema_version": 1}
    if checksum:
        payload = json.dumps(dataset, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        doc["checksum"] = fnv1a64(payload.encode())
    doc["dataset"] = dataset
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False).encode()


def agency_ids(d):
    reg = json.loads((REPO / "data" / "agencies.json").read_bytes())
    return {a["name"]: a["id"] for a in reg["agencies"]}


def simple_deadline(text):
    m = re.fullmatch(r"Tháng (\d+)/(\d{4})", text)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
        last = calendar.monthrange(year, month)[1]
        return {"kind": "month", "text": text, "due": f"{year}-{month:02d}-{last:02d}"}
    if re.fullmatch(r"\d{4}", text):
        return {"kind": "year", "text": text, "due": f"{text}-12-31"}
    if text == "Thường xuyên":
        return {"kind": "ongoing", "text": text}
    return {"kind": "unknown", "text": text}


def plan_tasks(d, rows):
    ids = agency_ids(d)
    tasks = []
    for r in rows:
        t = {"id": r["id"], "title": r["title"], "deadline": simple_deadline(r["deadline_text"]),
             "lead_text": r["lead"], "coordinators_text": r["coordinators"],
             "category": " / ".join(x for x in (r["section"], r["group"]) if x)}
        if r["lead"] in ids:
            t["lead"] = [ids[r["lead"]]]
        if r["expected_result"]:
            t["expected_result"] = r["expected_result"]
        if r["note"]:
            t["note"] = r["note"]
        tasks.append(t)
    return tasks


def gen_dataset_json(d):
    """First byte: bit 0 strict, bit 1 checksum required, bit 2 re-sign the input before
    reading (fuzz/dataset_json_fuzzer.cpp)."""
    plan = d["plan"]
    out = []
    empty = {"documents": [], "goals": [], "targets": [], "tasks": []}
    for i in range(0, len(plan), 25):  # 10 files of real rows
        ds = dict(empty, tasks=plan_tasks(d, plan[i:i + 25]))
        out.append(bytes([i // 25 % 2]) + dataset_json(ds))
    rich = dict(empty)
    rich["tasks"] = plan_tasks(d, plan[100:103])
    rich["tasks"][0]["assigned"] = "2025-04-14"
    rich["tasks"][0]["history"] = [
        {"day": "2025-06-01", "type": "progress", "percent": 40, "text": "Đã trình dự thảo",
         "evidence": ["https://example.gov.vn/a"]},
        {"day": "2025-07-01", "type": "deadline_changed",
         "new_deadline": {"kind": "quarter", "text": "Quý IV", "due": "2025-12-31"},
         "document": "45-TB/TGV ngày 30/9/2025"},
        {"day": "2025-11-03", "type": "completed"}]
    rich["tasks"][1]["deadline"] = {"kind": "recurring", "text": "Trước ngày 25 hàng tháng",
                                    "recurrence": {"freq": "monthly", "before": True,
                                                   "day_of_period": 25}}
    rich["tasks"][1]["attributes"] = [["Ưu tiên", "cao"]]
    rich["tasks"][2]["deadline"] = {
        "kind": "multi", "text": "Tháng 9/2025 xong thí điểm; phát triển 2025 và những năm tiếp theo",
        "due": "2025-09-30", "milestones": [
            {"label": "Tháng 9/2025 xong thí điểm", "kind": "month", "due": "2025-09-30"},
            {"label": "2025 và những năm tiếp theo", "kind": "open_ended"}]}
    rich["targets"] = [{"id": "T1", "name": "Tỷ lệ hồ sơ trực tuyến", "unit": "%",
                        "direction": "at_least", "baseline": 40, "target": 80,
                        "responsible": ["BKHCN"], "baseline_day": "2024-12-31",
                        "deadline": {"kind": "year", "text": "2025", "due": "2025-12-31"},
                        "measurements": [{"day": "2025-06-30", "value": 55.5, "locality": "HNI"}]}]
    rich["goals"] = [{"id": "G1", "name": "Chuyển đổi số", "task_ids": [rich["tasks"][0]["id"]],
                      "target_ids": ["T1"]}]
    rich["documents"] = [{"id": "45-TB/TGV", "type": "TB", "number": "45", "issuer": "TGV",
                          "title": "Thông báo kết luận", "date": "2025-09-30"}]
    good = dataset_json(rich)
    out += [b"\x00" + good, b"\x03" + good, b"\x04" + dataset_json(rich, checksum=False),
            b"\x02" + dataset_json(rich, checksum=False), b"\x00" + good[: len(good) // 2],
            b"\x00" + good.replace(b"2025-11-03", b"2025-11-04"),
            b"\x04" + good.replace(b'"schema_version": 1', b'"schema_version": 2'),
            b"\x04" + good.replace(b'"percent": 40', b'"percent": 400'),
            b"\x00" + b"[" * 100 + b"]" * 100, b"\x00{}", b"\x00null"]
    return out


CSV_COLUMNS = ["id", "title", "lead", "coordinators", "category", "source", "assigned",
               "deadline", "completed", "progress", "note"]
CSV_COLUMNS_VI = ["Mã nhiệm vụ", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                  "Lĩnh vực", "Nguồn", "Ngày giao", "Thời hạn", "Ngày hoàn thành", "Tiến độ",
                  "Ghi chú"]


def gen_dataset_csv(d):
    """First byte: bit 0 strict, bit 1 plan year 2025, bit 2 export day (progress events),
    bits 3-7 problems listed (fuzz/dataset_csv_fuzzer.cpp)."""
    plan = d["plan"]
    rng = random.Random(71)
    out = []
    for i in range(0, len(plan), 25):
        header = CSV_COLUMNS if i % 50 == 0 else CSV_COLUMNS_VI
        rows = [header]
        for r in plan[i:i + 25]:
            done = rng.choice(["", "", "2025-11-03", "15/10/2025"])
            progress = rng.choice(["", "50%", "30"])
            rows.append([r["id"], r["title"], r["lead"], r["coordinators"], r["group"] or r["section"],
                         r["note"], "14/04/2025", r["deadline_text"], done, progress, ""])
        mode = 0xF8 | (i // 25 % 8)
        out.append(bytes([mode]) + ("\ufeff" + csv_text(rows)).encode())
    example = ("id,title,lead,coordinators,category,source,assigned,deadline,completed,progress,"
               "note,Ưu tiên\r\nKH25-IV-3,Xây dựng Nghị định về chuyển đổi số,Bộ Khoa học và "
               "Công nghệ,\"Bộ Tài chính, Bộ Công an\",2. Chuyển đổi số,45-TB/TGV ngày 30/9/2025,"
               "14/04/2025,Quý IV,2025-11-03,,12-TB/TGV ngày 14/4/2025,cao\r\n").encode()
    out += [b"\xff" + example, b"\xfe" + example,
            b"\xff" + example + example.split(b"\r\n")[1] + b"\r\n",  # duplicate id
            b"\xff" + example.replace(b"Qu\xc3\xbd IV", b"31/02/2025"),
            b"\xff" + example.replace(b"Khoa h\xe1\xbb\x8dc", b"Khoa hoc \xc0\xaf"),
            b"\xff" + b"id,title\r\n,no id\r\n", b"\xff" + b"\xff\xfei\x00d\x00"]
    return out


class CapiProgram:
    """A program for fuzz/capi_sequence_fuzzer.cpp (see its header comment): a byte N, then
    4*N bytes of steps (opcode, slot a, slot b, then the argument bytes that opcode reads),
    then the strings, cut by 0x1f, that the calls take in turn. Dates are 2 bytes, a signed
    little-endian offset from 2025-01-01; odd(i) picks the harness's odd date i (0 = none,
    1 = INT32_MAX, 2 = INT32_MIN + 1, 3 = 1899-12-31, 4 = 2201-01-01, 5 = 1900-01-01,
    6 = 2200-12-31, 7 = 1970-01-01). One method per opcode, named after it."""

    def __init__(self):
        self.code, self.strings = [], []

    @staticmethod
    def day(off):
        return [off & 0xFF, (off >> 8) & 0xFF]

    @staticmethod
    def odd(i):
        return [i, 0x80]

    def op(self, *parts, strings=()):
        code = []
        for p in parts:
            code += p if isinstance(p, list) else [p]
        self.code += code
        self.strings += list(strings)
        return self

    def new_dataset(self, a=0, b=0, f=0): return self.op(0, a, b, f)
    def load_json(self, text, a=0, b=1, f=64, plan=0, as_of=None):
        return self.op(1, a, b, f, plan, as_of or self.odd(0), strings=[text])
    def load_csv(self, text, a=0, b=1, f=64, plan=135, as_of=None):
        return self.op(2, a, b, f, plan, as_of or self.day(265), strings=[text])
    def add_task(self, tid, title, phrase, lead, a=0, b=0, f=3, assigned=103):
        d = self.day(assigned) if isinstance(assigned, int) else assigned
        return self.op(3, a, b, f, d, strings=[tid, title, phrase, lead])
    def progress(self, tid, day, percent, text="", a=0):
        return self.op(4, a, 0, self.day(day), percent & 0xFF, strings=[tid, text])
    def event(self, tid, sel, day, s1="", s2="", a=0, b=0):
        return self.op(5, a, b, sel, self.day(day), strings=[tid, s1, s2])
    def classify_task(self, task, day, opt=3, a=0, b=1):
        return self.op(6, a, b, task, self.day(day) if isinstance(day, int) else day, opt)
    def classify_all(self, day, opt=3, cap=255, a=0):
        return self.op(7, a, 0, self.day(day) if isinstance(day, int) else day, opt, cap)
    def iter_new(self, day, opt=3, a=0, b=2):
        return self.op(8, a, b, self.day(day), opt)
    def iter_next(self, f, a=2, b=1): return self.op(9, a, b, f)
    def aggregate(self, day, dims, f=0, opt=3, a=0, b=2):
        return self.op(10, a, b, self.day(day), len(dims), list(dims), f, opt)
    def aggregate_read(self, g, d, m, a=2): return self.op(11, a, 0, g, d, m)
    def rank(self, m, limit, cap, a=2): return self.op(12, a, 0, m, limit, cap)
    def change(self, frm, to, opt=3, cap=31, a=0, b=3):
        return self.op(13, a, b, self.day(frm), self.day(to), opt, cap)
    def lists(self, kind, day, days=30, level=1, opt=3, a=0, b=3):
        return self.op(14, a, b, kind, self.day(day), days & 0xFF, level & 0xFF, opt)
    def add_target(self, tid, name, unit, resp, f=2, base=40, target=80, a=0):
        return self.op(15, a, 0, f, self.day(-1), self.day(364), base, target,
                       strings=[tid, name, unit, resp])
    def measure(self, tid, day, value, locality="", f=0, a=0):
        return self.op(16, a, 0, self.day(day), value, f, strings=[tid, locality])
    def evaluate(self, tid, day, tol=20, f=1, locality="", a=0, b=3):
        return self.op(17, a, b, self.day(day), tol, f, strings=[tid, locality])
    def deadline(self, text, f=2, assigned=103, cap=12, a=1, b=1):
        return self.op(18, a, b, f, self.day(assigned), cap, strings=[text])
    def free(self, a, f=0): return self.op(19, a, 0, f)
    def write(self, f=1, a=0, b=1): return self.op(20, a, b, f)
    def read_task(self, index, tid, a=0, b=1): return self.op(21, a, b, index, strings=[tid])
    def misc(self, sel, x=0, day=265, s="", a=1, b=2):
        d = self.day(day) if isinstance(day, int) else day
        return self.op(22, a, b, sel, x, d, strings=[s])
    def problems(self, a=1): return self.op(23, a, 0)

    def bytes(self):
        code = bytes(self.code)
        code += bytes([23]) * (-len(code) % 4)  # a harmless step (23: problems)
        assert len(code) // 4 < 256, "program too long"
        texts = [t if isinstance(t, bytes) else t.encode() for t in self.strings]
        return bytes([len(code) // 4]) + code + b"\x1f".join(texts)


def gen_capi_sequence(d):
    """Programs for fuzz/capi_sequence_fuzzer.cpp: tasks from the plan's real rows with their
    real deadline phrases and lead agencies, events, then the reading calls in random order;
    JSON and CSV loads; and misuse (double free, freed and wrong-kind handles, NULLs, odd
    dates, tiny buffers, invalid UTF-8)."""
    plan = d["plan"]
    ids = agency_ids(d)
    rng = random.Random(9)
    P = CapiProgram
    out = []

    def with_tasks(rows, pr=None):
        pr = pr or P().new_dataset()
        for i, r in enumerate(rows):
            pr.add_task(r["id"], r["title"][:60], r["deadline_text"], ids.get(r["lead"], "BKHCN"),
                        f=3 if r["lead"] in ids else 2, assigned=103 + 3 * i)
        return pr

    tail = [
        lambda p, r: p.progress(r[0]["id"], 150, 50, "Đã trình dự thảo"),
        lambda p, r: p.event(r[1]["id"], 0, 200),                      # completed
        lambda p, r: p.event(r[2]["id"], 2 | 4, 180, "Quý IV", "lùi hạn"),  # deadline change
        lambda p, r: p.event(r[3]["id"], 1, 170, "thôi thực hiện", "45-TB/TGV"),  # cancelled
        lambda p, r: p.event(r[0]["id"], 3 | 0x20, 160, "Báo cáo", "https://example.gov.vn/a"),
        lambda p, r: p.classify_task(0, 265),
        lambda p, r: p.classify_task(2, 310, opt=0x20 | 3),
        lambda p, r: p.classify_all(265),
        lambda p, r: p.classify_all(330, cap=1),
        lambda p, r: p.iter_new(265).iter_next(3 | 64),
        lambda p, r: p.aggregate(265, [0]),
        lambda p, r: p.aggregate(265, [8]).aggregate_read(0, 0, 8).rank(9, 3, 8),
        lambda p, r: p.aggregate(300, [7, 5], f=2 | 4).aggregate_read(255, 1, 1),
        lambda p, r: p.aggregate(265, [3], f=8 | 16 | 32 | 64).rank(0, 0, 255),
        lambda p, r: p.change(180, 265),
        lambda p, r: p.lists(0, 265).lists(1, 265).lists(2, 265, days=60),
        lambda p, r: p.add_target("T1", "Tỷ lệ hồ sơ trực tuyến", "%", "BKHCN")
                      .measure("T1", 180, 55, "HNI").measure("T1", 200, 60)
                      .evaluate("T1", 265).evaluate("T1", 265, f=0, locality="HNI"),
        lambda p, r: p.deadline(r[0]["deadline_text"]),
        lambda p, r: p.deadline("Trước ngày 25 hàng tháng", cap=4),
        lambda p, r: p.deadline("Bộ KH&CN chủ trì, hoàn thành trước ngày 20/12/2025.", f=1 | 2),
        lambda p, r: p.write(1),
        lambda p, r: p.write(16).write(16 | 32 | 128).write(16 | 64).write(16 | 96),  # reports
        lambda p, r: p.read_task(1, r[1]["id"]),
        lambda p, r: p.misc(0).misc(2, 3, s="Bộ Tài chính, Các bộ, ngành, địa phương"),
        lambda p, r: p.misc(3, 0).misc(4, 5, 0).misc(4, 0x41, 120),
        lambda p, r: p.misc(5, 11, 265, "2025-02-30").misc(6, 3, s="deadline_changed"),
        lambda p, r: p.free(1).free(1),                                 # double free
    ]
    for n in range(24):
        rows = rng.sample(plan, 4 + n % 5)
        pr = with_tasks(rows)
        steps = tail[:]
        rng.shuffle(steps)
        for s in steps[: 6 + n % 10]:
            s(pr, rows)
        out.append(pr.bytes())
    # Loads: a JSON dataset and a CSV table, then everything on them.
    ds = {"documents": [], "goals": [], "targets": [], "tasks": plan_tasks(d, plan[:8])}
    js = dataset_json(ds).decode()
    table = csv_text([CSV_COLUMNS] + [[r["id"], r["title"], r["lead"], r["coordinators"],
                                       r["group"], r["note"], "14/04/2025", r["deadline_text"],
                                       "", "", ""] for r in plan[40:48]])
    for load in ("json", "csv"):
        pr = P()
        pr.load_json(js) if load == "json" else pr.load_csv(table)
        pr.problems(1).classify_all(265).aggregate(265, [0, 8]).aggregate_read(1, 1, 8)
        pr.lists(1, 265).write(1 | 16).read_task(0, plan[0]["id"]).classify_task(7, 265)
        out.append(pr.bytes())
    # A CSV with problems, strictly and not; a truncated JSON; a JSON with invalid UTF-8.
    bad = table.replace("14/04/2025", "31/02/2025", 1)
    out.append(P().load_csv(bad, f=64).problems(1).load_csv(bad, f=64 | 1).problems(1).bytes())
    out.append(P().load_json(js[: len(js) // 2]).problems(1).classify_all(265).bytes())
    out.append(P().load_json(js, f=64 | 2 | 4, plan=20).problems(1).bytes())  # tiny limits
    out.append(P().load_json(js.encode().replace("Bộ".encode(), b"B\xc0\xaf", 1)).problems(1).bytes())
    # Misuse: freed and wrong-kind handles, NULLs, odd dates, tiny buffers.
    rows = plan[10:13]
    pr = with_tasks(rows)
    pr.free(0).classify_all(265).add_task("X-1", "t", "Quý IV", "BKHCN")  # freed dataset
    pr.free(0).free(0, f=0x80)                                         # double free, free(NULL)
    pr.misc(0, a=1).classify_all(265, a=1).free(1, f=3).misc(2, a=1)   # registry as a dataset
    pr.new_dataset(0, f=2).new_dataset(0, 1, f=1)                     # NULL out; registry of slot 1
    pr.classify_all(P.odd(1), a=0).classify_task(0, P.odd(2), a=0)
    pr.aggregate(265, [12, 0], a=0).rank(14, 0, 0).misc(5, 3, P.odd(6))
    pr.deadline("Tháng 13/2025", f=16).deadline("", f=128).iter_next(5, a=3)
    out.append(pr.bytes())
    # Invalid UTF-8 and NUL bytes in strings.
    pr = P().new_dataset()
    pr.add_task(b"KH-\xc0\xaf", "Ti\x00tle", "Quý IV", "BKHCN")
    pr.add_task("KH-1", "Tiêu đề", b"Th\xe1ng 10/2025", "BKHCN")
    pr.deadline(b"tr\xc6\xb0\xe1\xbb\x9bc ng\xe0y", a=0).read_task(0, b"\xff\xfe")
    pr.misc(6, 0, s=b"\xed\xa0\x80").misc(2, a=1, s=b"B\xe1\xbb")
    out.append(pr.bytes())
    return out


GENERATORS = {
    "csv": gen_csv,
    "agency_resolver": gen_agency_resolver,
    "agency_registry_json": gen_agency_registry_json,
    "text": gen_text,
    "deadline": gen_deadline,
    "dataset_json": gen_dataset_json,
    "dataset_csv": gen_dataset_csv,
    "capi_sequence": gen_capi_sequence,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=pathlib.Path(__file__).resolve().parent.parent / "tests/data/seed", type=pathlib.Path)
    ap.add_argument("--out", default=REPO / "fuzz" / "corpus", type=pathlib.Path)
    args = ap.parse_args()
    d = {"plan": load(args.data, "plan-2025-tasks.jsonl"),
         "appendix": load(args.data, "appendix-2025-items.jsonl"),
         "prose": load(args.data, "prose-items.jsonl")}
    total = 0
    for name, gen in GENERATORS.items():
        if not (REPO / "fuzz" / f"{name}_fuzzer.cpp").exists():
            continue  # no harness (yet): no corpus
        target = args.out / name
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob("seed-*"):
            old.unlink()
        files = uniq(gen(d))
        for data in files:
            (target / f"seed-{hashlib.sha1(data).hexdigest()[:16]}").write_bytes(data)
        total += len(files)
        print(f"{name}: {len(files)} seeds")
    print(f"total: {total}")


if __name__ == "__main__":
    main()
