"""The public API: names, type hints, docstrings, reprs, dates, deadlines, calendar, agencies."""

import dataclasses
import datetime
import importlib.util
import inspect
import os
import subprocess
import sys
import tempfile
import unittest

import mandate
from support import BUNDLED

D = datetime.date

# The names issue 15 fixes (an interface: extend, never rename).
FIXED = ["__version__", "Error", "NotFound", "ParseError", "InvalidArgument", "Dataset",
         "Task", "TaskStatus", "Deadline", "parse_deadline", "extract_deadline",
         "resolve_agencies", "Calendar"]


def public_members(obj):
    for name, member in inspect.getmembers(obj):
        if name.startswith("_") and name not in ("__init__",):
            continue
        yield name, member


class SurfaceTest(unittest.TestCase):
    def test_fixed_names_exist(self):
        for name in FIXED:
            self.assertTrue(hasattr(mandate, name), name)
        for name in ("load", "status", "aggregate", "report", "tasks", "save", "status_frame",
                     "aggregate_frame", "problems"):
            self.assertTrue(hasattr(mandate.Dataset, name) or name == "problems", name)
        self.assertEqual(mandate.TaskStatus._fields, ("id", "status", "due", "reason"))
        fields = {f.name for f in dataclasses.fields(mandate.Task)}
        self.assertTrue({"id", "title", "lead", "coordinators", "category", "sources", "assigned",
                         "deadline_text"} <= fields)
        fields = {f.name for f in dataclasses.fields(mandate.Deadline)}
        self.assertTrue({"kind", "due", "milestones", "recurrence"} <= fields)
        self.assertEqual(mandate.STATUS_NAMES, ("completed_on_time", "completed_late", "overdue", "due_soon",
                                                "in_progress", "cancelled", "not_yet_assigned"))
        for sub in (mandate.NotFound, mandate.ParseError, mandate.InvalidArgument):
            self.assertTrue(issubclass(sub, mandate.Error))

    def test_every_public_name_is_documented_and_typed(self):
        missing_doc, missing_hint = [], []
        for name in mandate.__all__:
            obj = getattr(mandate, name)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            if not inspect.getdoc(obj):
                missing_doc.append(name)
            funcs = [(name, obj)] if inspect.isfunction(obj) else [
                (f"{name}.{m}", f) for m, f in public_members(obj)
                if inspect.isfunction(f) or isinstance(f, property)]
            for qual, f in funcs:
                if isinstance(f, property):
                    f = f.fget
                if f.__qualname__.split(".")[0] in ("tuple", "object", "Exception", "BaseException"):
                    continue
                if f.__module__ is None or not f.__module__.startswith("mandate"):
                    continue
                if not inspect.getdoc(f) and not qual.endswith("__init__"):
                    missing_doc.append(qual)
                sig = inspect.signature(f)
                for p in sig.parameters.values():
                    if p.name in ("self", "cls") or p.kind in (p.VAR_POSITIONAL,):
                        continue
                    if p.annotation is inspect.Parameter.empty:
                        missing_hint.append(f"{qual}({p.name})")
                if sig.return_annotation is inspect.Signature.empty and "NamedTuple" not in repr(f):
                    missing_hint.append(f"{qual} -> ?")
        self.assertEqual(missing_doc, [])
        self.assertEqual(missing_hint, [])

    @unittest.skipUnless(importlib.util.find_spec("mypy"), "mypy is not installed (Debian: python3-mypy)")
    def test_mypy_accepts_the_package_and_a_typed_user(self):
        user = (
            "import datetime\nfrom typing import Dict, List, Optional\nimport mandate\n"
            "with mandate.Dataset.load('plan.json') as ds:\n"
            "    rows: List[mandate.TaskStatus] = ds.status('2025-09-23')\n"
            "    due: Optional[datetime.date] = rows[0].due\n"
            "    groups: List[Dict[str, object]] = ds.aggregate(datetime.date(2025, 9, 23), by=('lead',))\n"
            "    text: str = ds.report('2025-09-23', since=None, format='md', lang='vi')\n"
            "d: mandate.Deadline = mandate.parse_deadline('Quý IV', year=2025)\n"
            "ids: List[str] = mandate.resolve_agencies('Bộ Tài chính')\n"
            "bad: int = ds.report('2025-09-23')\n")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "user.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(user)
            env = dict(os.environ, MYPYPATH=os.environ.get("PYTHONPATH", ""))  # source-tree runs
            mypy = [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-incremental"]
            package = subprocess.run([*mypy, "-p", "mandate"], capture_output=True, text=True, cwd=tmp, env=env)
            r = subprocess.run([*mypy, path], capture_output=True, text=True, cwd=tmp, env=env)
        self.assertEqual(package.returncode, 0, package.stdout + package.stderr)
        # The one wrong line of the user is caught through the package's hints (py.typed).
        errors = [line for line in r.stdout.splitlines() if ": error:" in line]
        self.assertEqual(len(errors), 1, r.stdout + r.stderr)
        self.assertIn("user.py:11", errors[0])

    def test_reprs_say_what_a_thing_is(self):
        with mandate.Dataset.load(BUNDLED) as ds:
            self.assertRegex(repr(ds), r"<mandate.Dataset 333 tasks from '.*plan-2025.json'>")
            task = next(ds.tasks())
            self.assertTrue(repr(task).startswith("Task('KH25-II-1'"))
            self.assertTrue(repr(ds.status("2025-09-23")[0]).startswith("TaskStatus(id="))
        self.assertEqual(repr(ds), "<mandate.Dataset closed>")
        self.assertEqual(repr(mandate.parse_deadline("Quý IV", year=2025)),
                         "Deadline('Quý IV', kind='quarter', due='2025-12-31')")
        with mandate.Calendar() as cal:
            self.assertRegex(repr(cal), r"<mandate.Calendar Vietnam, schedules 2020-20\d\d>")
        self.assertIn("MDT_ERR_NOT_FOUND", repr(mandate.NotFound("x", "MDT_ERR_NOT_FOUND", 3)))


class DatasetTest(unittest.TestCase):
    def test_load_tasks_and_len(self):
        with mandate.Dataset.load(BUNDLED) as ds:
            self.assertEqual(len(ds), 333)
            self.assertEqual(ds.problems, [])
            tasks = list(ds.tasks())
            self.assertEqual(len(tasks), 333)
            t = ds.task("KH25-III-1")
            self.assertEqual(t, tasks[t.index])
            self.assertIsInstance(t.lead, list)
            self.assertTrue(all(isinstance(a, str) for a in t.lead))
            self.assertIsInstance(t.assigned, D)
            self.assertTrue(t.deadline_text)
            self.assertEqual(t.deadline.text, t.deadline_text)
            self.assertIn(t.category, {x.category for x in tasks})

    def test_save_and_load_json_and_csv(self):
        import tempfile
        import pathlib
        with mandate.Dataset.load(BUNDLED) as ds, tempfile.TemporaryDirectory() as tmp:
            for name in ("copy.json", "copy.csv"):
                path = pathlib.Path(tmp) / name
                ds.save(path)
                with mandate.Dataset.load(path) as back:
                    self.assertEqual(len(back), len(ds))
                    if name.endswith(".json"):  # lossless (the CSV table keeps less)
                        self.assertEqual(back.counts("2025-09-23"), ds.counts("2025-09-23"))
                        self.assertEqual(back.aggregate("2025-09-23"), ds.aggregate("2025-09-23"))
            self.assertIn("id,title,lead", ds.to_csv().splitlines()[0])

    def test_build_a_dataset_and_classify(self):
        with mandate.Dataset() as ds:
            ds.add_task("T-1", "Nghị định", lead=["BKHCN"], deadline="Tháng 9/2025", assigned=D(2025, 4, 1))
            ds.add_task("T-2", "Hạ tầng", lead=["BTC"], deadline="Quý IV", plan_year=2025, assigned="2025-04-01")
            ds.add_task("T-3", "Sau", lead=["BTC"], deadline="2026", assigned="2025-12-01")
            ds.complete_task("T-1", "2025-09-20")
            ds.add_event("T-2", "progress", D(2025, 9, 1), percent=30, text="Đang làm")
            status = {s.id: s for s in ds.status(datetime.datetime(2025, 10, 1, 12, 0))}
            self.assertEqual(status["T-1"].status, "completed_on_time")
            self.assertEqual(status["T-1"].due, D(2025, 9, 30))
            self.assertEqual(status["T-2"].status, "in_progress")
            self.assertEqual(status["T-3"].status, "not_yet_assigned")
            self.assertEqual([s.id for s in ds.status("2025-10-01", include_not_yet_assigned=False)], ["T-1", "T-2"])
            c = ds.classify("T-2", "2025-10-01")
            self.assertEqual((c.status, c.reported_percent), ("in_progress", 30))
            self.assertEqual(ds.counts("2025-10-01")["not_yet_assigned"], 1)
            rows = ds.aggregate("2025-10-01", by=("lead", "status"))
            self.assertEqual(rows[0]["key"], {"lead": "BKHCN", "status": "completed_on_time"})
            self.assertEqual(ds.totals("2025-10-01")["total"], 2)

    def test_missing_occurrence_reports_are_not_lateness(self):
        with mandate.Dataset() as ds:
            ds.add_task("M-1", "Báo cáo", lead=["BKHCN"], deadline="Hằng tháng", assigned="2025-04-14")
            c = ds.classify("M-1", "2025-10-15")
            self.assertEqual((c.status, c.no_reports, c.not_reported, c.missed), ("in_progress", True, 6, 0))
            ds.add_event("M-1", "progress", "2025-04-20", text="Tháng 4")
            c = ds.classify("M-1", "2025-10-15")
            self.assertEqual((c.status, c.no_reports, c.met_on_time, c.missed), ("overdue", False, 1, 5))


class DeadlineTest(unittest.TestCase):
    def test_parse_and_extract(self):
        d = mandate.parse_deadline("Quý IV", year=2025)
        self.assertEqual((d.kind, d.due, d.text, d.recurrence, d.milestones), ("quarter", D(2025, 12, 31), "Quý IV", None, ()))
        r = mandate.parse_deadline("Trước ngày 25 hàng tháng")
        self.assertEqual(r.kind, "recurring")
        self.assertEqual(r.recurrence, mandate.Recurrence("monthly", 25, True))
        b = mandate.parse_deadline("Trước ngày 20/12/2025")
        self.assertEqual((b.kind, b.due, b.anchor), ("before", D(2025, 12, 19), D(2025, 12, 20)))
        rel = mandate.parse_deadline("trong vòng 30 ngày", assigned="2025-04-01")
        self.assertEqual(rel.kind, "relative")
        e = mandate.extract_deadline("(Bộ KHCN, hạn tháng 11/2025; Thông báo 45-TB/TGV ngày 30/9/2025)")
        self.assertEqual((e.kind, e.due), ("month", D(2025, 11, 30)))
        self.assertIsNotNone(e.span)
        self.assertEqual(mandate.extract_deadline("Không có hạn.").kind, "none")

    def test_multi_milestones(self):
        with mandate.Dataset.load(BUNDLED) as ds:
            multi = [t.deadline for t in ds.tasks() if t.deadline.kind == "multi"]
        self.assertTrue(multi)
        for d in multi:
            self.assertGreaterEqual(len(d.milestones), 2)
            self.assertTrue(all(isinstance(m, mandate.Milestone) for m in d.milestones))



class CalendarAndAgenciesTest(unittest.TestCase):
    def test_calendar(self):
        with mandate.Calendar() as cal:
            self.assertFalse(cal.is_working_day("2025-01-29"))
            self.assertEqual(cal.day_off_reason(D(2025, 1, 29)), "Tết Nguyên đán")
            self.assertIsNone(cal.day_off_reason(D(2025, 2, 3)))
            self.assertEqual(cal.add_working_days(D(2025, 1, 24), 1), D(2025, 2, 3))
            self.assertEqual(cal.next_working_day("2025-01-24"), D(2025, 2, 3))
            self.assertEqual(cal.working_days_between(D(2025, 1, 24), D(2025, 2, 10)), 6)
            self.assertEqual(cal.day_kind(D(2025, 4, 26)), "swapped_working_day")
            self.assertTrue(cal.working_day_reason(D(2025, 4, 26)))
            self.assertIn(D(2025, 1, 29), cal.days_off("2025-01-25", "2025-02-02"))
            self.assertIn(2025, cal.schedule_years())
        lunar = mandate.Calendar.lunar_from_solar("2025-01-29")
        self.assertEqual(lunar, mandate.LunarDate(2025, 1, 1, False))
        self.assertEqual(mandate.Calendar.lunar_to_solar(2025, 1, 1), D(2025, 1, 29))
        self.assertEqual(mandate.Calendar.lunar_leap_month(2025), 6)
        self.assertIsNone(mandate.Calendar.lunar_leap_month(2024))
        self.assertIn(mandate.Calendar.lunar_month_length(2025, 6, leap=True), (29, 30))
        with mandate.Calendar(rules_only=True) as rules:
            self.assertEqual(rules.schedule_years(), [])

    def test_agencies(self):
        self.assertEqual(mandate.resolve_agencies("Bộ KH&CN, Bộ Tài chính"), ["BKHCN", "BTC"])
        with mandate.Registry() as reg:
            self.assertGreaterEqual(len(reg), 56)
            r = reg.resolve("Bộ Công an, Bộ Lạ")
            self.assertEqual((r.ids, r.unresolved), (["BCA"], ["Bộ Lạ"]))
            self.assertEqual(reg[0].id, reg.ids()[0])
        self.assertEqual(mandate.resolve_agencies("Bộ Công an, Bộ Lạ", strict=False), ["BCA"])


class DatesTest(unittest.TestCase):
    def test_dates_in_and_out(self):
        with mandate.Dataset.load(BUNDLED) as ds:
            a = ds.counts("2025-09-23")
            self.assertEqual(a, ds.counts(D(2025, 9, 23)))
            self.assertEqual(a, ds.counts(datetime.datetime(2025, 9, 23, 23, 59)))
            with self.assertRaises(TypeError):
                ds.counts(20250923)  # type: ignore[arg-type]
            for s in ds.status("2025-09-23"):
                self.assertTrue(s.due is None or type(s.due) is D)


if __name__ == "__main__":
    unittest.main()
