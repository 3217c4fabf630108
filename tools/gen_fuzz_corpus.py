#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses, fuzz/corpus/<harness>/seed-<sha1>, from the
seed documents' real rows and phrases (the JSON Lines files in /work/shared/data) plus a few
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


def capi_program(steps, strings):
    code = b"".join(bytes(x) for x in steps)
    code += bytes([23]) * (-len(code) % 4)  # pad with a harmless step (23: problems)
    return bytes([len(code) // 4]) + code + strings


def gen_capi_sequence(d):
    """Programs for fuzz/capi_sequence_fuzzer.cpp: a byte N, then 4*N bytes of steps (opcode,
    two slots, then the argument bytes that opcode reads), then the strings, cut by 0x1f, that
    the calls take in turn."""
    plan = d["plan"]
    ids = agency_ids(d)
    rng = random.Random(9)
    out = []
    for n in range(24):
        rows = rng.sample(plan, 4)
        texts = []
        for r in rows:  # op 3 takes id, title, deadline phrase, lead id
            texts += [r["id"], r["title"][:60], r["deadline_text"], ids.get(r["lead"], "BKHCN")]
        steps = [[0, 0, 0, 0]]  # a new dataset in slot 0
        steps += [[3, 0, 0, 1, 100 + 10 * i, 3, 0] for i in range(4)]  # four tasks
        tail = [[5, 0, 0, 200, 1], [4, 0, 0, 150, 2, 50], [13, 0, 1, 7, 0, 0, 190, 0],
                [14, 0, 0, 5, 190, 0, 200, 0], [16, 0, 1], [18, 1, 2, 0, 3, 1, 0, 190, 0, 3, 8],
                [10, 0, 2, 1], [12, 0, 2, 19], [15, 0, 1, 190, 0, 3], [19, 0, 0, 0], [20, 0, 0, 0],
                [22, 0, 0, 11, 100, 0], [22, 0, 0, 5, 100, 0], [23, 0, 0], [9, 1, 2, 1],
                [8, 1, 0, 2], [6, 1, 0, 190, 0, 1], [7, 1, 0, 191, 0], [21, 1, 0, 50, 90, 200, 0,
                                                                         1, 190, 0, 60, 195, 0]]
        rng.shuffle(tail)
        steps += tail[: 6 + n % 10]
        out.append(capi_program(steps, "\x1f".join(texts).encode()))
    # Loading: a JSON dataset, a CSV table (opcodes 1 and 2), then everything on them.
    ds = {"documents": [], "goals": [], "targets": [], "tasks": plan_tasks(d, plan[:8])}
    js = dataset_json(ds).decode()
    table = csv_text([CSV_COLUMNS] + [[r["id"], r["title"], r["lead"], r["coordinators"],
                                       r["group"], r["note"], "14/04/2025", r["deadline_text"],
                                       "", "", ""] for r in plan[40:48]])
    for first in (1, 2):
        steps = [[first, 0, 0, 12], [14, 0, 0, 7, 190, 0], [16, 0, 1], [18, 1, 0, 0, 1, 0, 0, 190,
                                                                       0, 5, 1], [23, 0, 0]]
        out.append(capi_program(steps, (js if first == 1 else table).encode()))
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
    ap.add_argument("--data", default="/work/shared/data", type=pathlib.Path)
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
