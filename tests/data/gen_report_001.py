#!/usr/bin/env python3
"""Generates tests/data/report-001.json: a dataset whose report as of 2025-09-23 (since
2025-07-20) states seed 001's published figures (sections I.1 and II.1):

  Programme 1 (NQ71 + conclusion notices): 679 tasks for 56 agencies (22 central, 34
  provinces); 270 completed (180 on time), 382 in progress, 27 overdue; top five
  297/175/163/138/129; window 73 assigned = 50 completed + 23 overdue; the 27 overdue in six
  themes (infrastructure 17 = 06 NQ71 + 11 TBKL, ...) and 001's per-agency overdue list.
  Kế hoạch 02: 70 tasks for 56 agencies; 45 completed (27 on time), 23 in progress, 02
  overdue; window 12 = 10 completed (08 on time) + 02 overdue. 16 commune criteria: 12/16
  above 95%, 21/34 localities meet all, two weak criteria, five weakest localities.

Deterministic; run from anywhere:  python3 tests/data/gen_report_001.py"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent.parent
agencies = json.loads((root / "data" / "agencies.json").read_text(encoding="utf-8"))["agencies"]
CENTRAL = [a["id"] for a in agencies if a["kind"] in ("ministry", "ministry_level", "government_agency")]
PROVINCES = [a["id"] for a in agencies if a["kind"] == "province"]
assert len(CENTRAL) == 22 and len(PROVINCES) == 34
ALL = CENTRAL + PROVINCES
BY_NAME = {}
for a in agencies:
    BY_NAME[a["name"]] = a["id"]
    if a.get("short_name"):
        BY_NAME.setdefault(a["short_name"], a["id"])

NQ71 = "Nghị quyết 71/NQ-CP ngày 01/4/2025"
TBKL = "Thông báo số 05-TB/BCĐTW ngày 04/07/2025"
KH02 = "Kế hoạch số 02-KH/BCĐTW"
COLLECTIVE = "Các bộ, ngành, địa phương"

# 001 II.1.a: the agencies of the 27 overdue tasks (registry spelling of VASS: "xã hội").
OVERDUE_AGENCIES = [
    ("Bộ Giáo dục và Đào tạo", 7), ("Bộ Công an", 5), ("Bộ Tài chính", 5),
    ("Thành phố Hà Nội", 5), ("Cao Bằng", 4), ("Vĩnh Long", 4), ("Bộ Xây dựng", 3),
    ("Bộ Công Thương", 3), ("Bộ Nội vụ", 3), ("Thái Nguyên", 1), ("Quảng Trị", 3),
    ("Lào Cai", 3), ("Ninh Bình", 3), ("Đồng Nai", 3), ("Điện Biên", 3), ("Thanh Hóa", 2),
    ("Thành phố Hồ Chí Minh", 2), ("Gia Lai", 2), ("Lai Châu", 2),
    ("Viện Hàn lâm Khoa học xã hội Việt Nam", 2), ("Lạng Sơn", 2), ("Thành phố Hải Phòng", 1),
    ("Nghệ An", 1), ("Bộ Y tế", 1), ("Bộ Tư pháp", 1), ("Quảng Ninh", 1), ("Quảng Ngãi", 1),
    ("Ngân hàng Nhà nước Việt Nam", 1), ("Bộ Ngoại giao", 1), ("Bộ Khoa học và Công nghệ", 1),
]
# 001 II.1.a: the 27 overdue tasks by theme and document.
OVERDUE_THEMES = [("Về hạ tầng", NQ71, 6), ("Về hạ tầng", TBKL, 11),
                  ("Về công tác chỉ đạo điều hành", TBKL, 1), ("Về nhân lực", TBKL, 1),
                  ("Về chuyển đổi số trong doanh nghiệp", TBKL, 2), ("Về thể chế", TBKL, 5),
                  ("Về chuyển đổi số trong hệ thống chính trị", TBKL, 1)]
TOP_FIVE = {"BKHCN": 297, "BTC": 175, "BCA": 163, "BGDDT": 138, "BNNMT": 129}
OTHER_CATEGORY = "Về khoa học, công nghệ và đổi mới sáng tạo"

tasks = []


def task(prefix, n, title, lead, category, source, assigned, due, completed=None,
         lead_text=None):
    t = {"id": f"{prefix}-{n:03d}", "title": f"{title} {n}", "lead": lead,
         "lead_text": lead_text or ", ".join(a["name"] for a in agencies if a["id"] in lead),
         "category": category, "sources": [source], "assigned": assigned,
         "deadline": {"kind": "date", "due": due, "text": "ngày " + "/".join(
             str(int(x)) for x in reversed(due.split("-")))}}
    if completed:
        t["history"] = [{"day": completed, "type": "completed"}]
    tasks.append(t)


def spread(incidences, slots):
    """Gives each agency its count of distinct slots, fewest-filled slots first."""
    leads = [[] for _ in range(slots)]
    for agency, k in sorted(incidences, key=lambda x: -x[1]):
        order = sorted(range(slots), key=lambda i: (len(leads[i]), i))
        for i in order[:k]:
            leads[i].append(agency)
    return leads


def programme_one():
    # Statuses as of 2025-09-23. Window tasks are assigned 2025-08-01 (after 2025-07-20).
    plan = ([("overdue", "2025-08-01", "2025-09-10", None)] * 23 +
            [("overdue", "2025-04-01", "2025-09-10", None)] * 4 +
            [("done", "2025-08-01", "2025-09-10", "2025-09-05")] * 40 +   # window, on time
            [("done", "2025-08-01", "2025-08-20", "2025-09-05")] * 10 +   # window, late
            [("done", "2025-04-01", "2025-06-30", "2025-06-20")] * 140 +  # on time
            [("done", "2025-04-01", "2025-06-30", "2025-07-15")] * 80 +   # late
            [("open", "2025-04-01", "2025-12-31", None)] * 382)
    assert len(plan) == 679
    themes = [(c, s) for c, s, k in OVERDUE_THEMES for _ in range(k)]
    overdue_leads = spread([(BY_NAME[n], k) for n, k in OVERDUE_AGENCIES], 27)
    quota = {a: (TOP_FIVE.get(a) or (40 if a in CENTRAL else 12)) for a in ALL}
    for leads in overdue_leads:
        for a in leads:
            quota[a] -= 1
    collective = 3
    for a in ALL:
        quota[a] -= collective
    rest = len(plan) - 27 - collective
    total = sum(quota.values())
    three = total - 2 * rest  # tasks with three leads, the others two
    assert 0 <= three <= rest and min(quota.values()) >= 0, (three, rest)
    n = 0
    for i, (state, assigned, due, completed) in enumerate(plan):
        n += 1
        if i < 27:
            category, source = themes[i]
            task("CT", n, "Nhiệm vụ quá hạn", sorted(overdue_leads[i]), category, source,
                 assigned, due)
            continue
        source = NQ71 if n % 2 else TBKL
        if state == "open" and collective > 0:
            collective -= 1
            task("CT", n, "Nhiệm vụ chung", ALL, OTHER_CATEGORY, source, assigned, due,
                 lead_text=COLLECTIVE)
            continue
        k = 3 if three > 0 else 2
        three -= k == 3
        lead = sorted(sorted(quota, key=lambda a: (-quota[a], a))[:k])
        for a in lead:
            quota[a] -= 1
        task("CT", n, "Nhiệm vụ", lead, OTHER_CATEGORY, source, assigned, due, completed)
    assert all(v == 0 for v in quota.values()), quota


def programme_two():
    plan = ([("overdue", "2025-08-01", "2025-09-10", None)] * 2 +
            [("done", "2025-08-01", "2025-09-10", "2025-09-05")] * 8 +
            [("done", "2025-08-01", "2025-08-20", "2025-09-05")] * 2 +
            [("done", "2025-04-01", "2025-06-30", "2025-06-20")] * 19 +
            [("done", "2025-04-01", "2025-06-30", "2025-07-15")] * 16 +
            [("open", "2025-04-01", "2025-12-31", None)] * 23)
    assert len(plan) == 70
    for i, (state, assigned, due, completed) in enumerate(plan):
        if i == len(plan) - 1:  # the collective task: every ministry, sector and locality
            task("KH02", i + 1, "Nhiệm vụ Kế hoạch 02", ALL,
                 "Về chuyển đổi số trong hệ thống chính trị", KH02, assigned, due,
                 lead_text=COLLECTIVE)
        else:
            task("KH02", i + 1, "Nhiệm vụ Kế hoạch 02", [PROVINCES[i % 34]],
                 "Về chuyển đổi số trong hệ thống chính trị", KH02, assigned, due, completed)


MEETING_ALL = ["Bắc Ninh", "Cà Mau", "Thành phố Đà Nẵng", "Đắk Lắk", "Đồng Nai", "Gia Lai",
               "Thành phố Hà Nội", "Thành phố Hồ Chí Minh", "Thành phố Huế", "Hưng Yên",
               "Lạng Sơn", "Lào Cai", "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ninh",
               "Quảng Trị", "Sơn La", "Tây Ninh", "Thanh Hóa", "Tuyên Quang"]
WEAKEST = ["Cao Bằng", "Điện Biên", "Đồng Tháp", "Lai Châu", "Vĩnh Long"]
QUEUE = "Trang bị máy lấy số xếp hàng tự động"
SCREEN = "Trang bị màn hình hiển thị số thứ tự"


def criteria():
    meeting = {BY_NAME[n] for n in MEETING_ALL}
    weakest = {BY_NAME[n] for n in WEAKEST}
    assert len(meeting) == 21 and len(weakest) == 5
    # National figures: 12 above 95%, four not (the two weak ones of 001, two near misses).
    national = [99.8, 99.6, 99.5, 99.2, 98.9, 98.7, 98.1, 97.6, 97.2, 96.8, 96.1, 95.4,
                93.5, 94.1, 89.22, 88.38]
    names = [f"Tiêu chí {i + 1}" for i in range(14)] + [QUEUE, SCREEN]
    out = []
    for c in range(16):
        m = [{"day": "2025-09-20", "value": national[c]}]
        for p in PROVINCES:
            if p in meeting:
                v = 100
            elif p in weakest:
                v = 40 if c >= 14 else 90
            else:
                v = 98 if c in (12, 13) else 100
            m.append({"day": "2025-09-20", "value": v, "locality": p})
        out.append({"id": f"XA-{c + 1:02d}", "name": names[c], "unit": "%",
                    "direction": "at_least", "baseline": 0, "target": 100,
                    "responsible": [], "deadline": "2025-12-31",
                    "family": "commune-criteria", "measurements": m})
    return out


def checksum(payload):
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    h = 0xcbf29ce484222325
    for b in data.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"fnv1a64:{h:016x}"


programme_one()
programme_two()
dataset = {"documents": [], "goals": [], "targets": criteria(), "tasks": tasks}
out = {"schema_version": 1, "checksum": checksum(dataset), "dataset": dataset}
(root / "tests" / "data" / "report-001.json").write_text(
    json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
