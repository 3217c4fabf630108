#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses, fuzz/corpus/<harness>/seed-<sha1>, from the
seed documents' real rows and phrases (the JSON Lines files in /work/shared/data) plus a few
hand-made edge cases per harness.

Only files named seed-* are managed: a rerun deletes the old seeds and writes the new ones,
and leaves alone the crash reproducers (regress-*) that were added by hand. Deterministic:
the same data gives the same files. Usage: tools/gen_fuzz_corpus.py [--data DIR] [--out DIR]
"""
import argparse
import hashlib
import io
import csv
import json
import pathlib
import random

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


GENERATORS = {
    "csv": gen_csv,
    "agency_resolver": gen_agency_resolver,
    "agency_registry_json": gen_agency_registry_json,
    "text": gen_text,
    "deadline": gen_deadline,
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
