"""Tests of the ctypes binding, run by ctest with the system python3 (unittest only).

Environment (set by tests/CMakeLists.txt): MANDATE_LIBRARY, MANDATE_SUMMARY_C (the C
example), MANDATE_CORE_COUNTS (the C++ core's counts), MANDATE_SEED_DATASET (the seed plan
as a dataset file), MANDATE_SEED_DIR (tests/data/seed).
"""
import datetime
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import mandate  # noqa: E402

SEED = os.environ.get("MANDATE_SEED_DATASET")
D = datetime.date


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


class SummaryTest(unittest.TestCase):
    @unittest.skipUnless(SEED and os.environ.get("MANDATE_SUMMARY_C"), "needs the ctest environment")
    def test_c_python_and_core_print_the_same_counts(self):
        here = pathlib.Path(__file__).resolve().parent
        for day in ("2025-03-31", "2025-09-23", "2026-01-15"):
            core = run(os.environ["MANDATE_CORE_COUNTS"], SEED, day)
            c = run(os.environ["MANDATE_SUMMARY_C"], SEED, day)
            py = run(sys.executable, str(here / "summary.py"), SEED, day)
            self.assertEqual(c, core, day)
            self.assertEqual(py, core, day)
            self.assertIn("total ", core)
        # Not a vacuous comparison: the counts differ by day and several statuses occur.
        with mandate.Dataset.load_json(SEED) as ds:
            sep = ds.counts(D(2025, 9, 23))
            self.assertEqual(sep["total"] + sep["not_yet_assigned"], 248)
            self.assertGreater(sep["completed_on_time"], 0)
            self.assertGreater(sep["in_progress"], 0)
            self.assertGreater(sep["cancelled"], 0)
            self.assertNotEqual(ds.counts(D(2026, 1, 15)), sep)

    def test_summary_reports_a_missing_file(self):
        here = pathlib.Path(__file__).resolve().parent
        p = subprocess.run([sys.executable, str(here / "summary.py"), "/nonexistent.json"],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 1)
        self.assertIn("/nonexistent.json", p.stderr)


class DatasetTest(unittest.TestCase):
    def make(self):
        ds = mandate.Dataset()
        ds.add_task("T-1", "Xây dựng Nghị định", lead=["BKHCN"], deadline="Tháng 9/2025",
                    assigned=D(2025, 4, 1))
        ds.add_task("T-2", "Hạ tầng số", lead=["BTC"], deadline="Quý IV", plan_year=2025,
                    assigned="2025-04-01")
        ds.add_task("T-3", "Báo cáo", deadline="Hằng tháng", assigned=D(2025, 1, 1))
        ds.complete("T-1", D(2025, 9, 20))
        ds.add_event("T-2", "progress", D(2025, 9, 1), percent=30, text="Đang làm",
                     evidence=["https://nq57.vn/1"])
        return ds

    def test_tasks_events_and_classification(self):
        with self.make() as ds:
            self.assertEqual(len(ds), 3)
            self.assertEqual(ds.task_id(ds.find("T-2")), "T-2")
            self.assertEqual(ds.task_title(0), "Xây dựng Nghị định")
            c = ds.classify_task("T-1", D(2025, 10, 1))
            self.assertEqual(c.status, "completed_on_time")
            self.assertEqual(c.due, D(2025, 9, 30))
            self.assertEqual(c.completed, D(2025, 9, 20))
            self.assertTrue(c.reason)
            c2 = ds.classify_task(1, D(2025, 10, 1))
            self.assertEqual(c2.status, "in_progress")
            self.assertEqual(c2.reported_percent, 30)
            rows = list(ds.classify(D(2025, 10, 1)))
            self.assertEqual([r[0] for r in rows], [0, 1, 2])
            self.assertEqual(rows[0][1], "completed_on_time")
            self.assertEqual([r[1] for r in rows], ds.statuses(D(2025, 10, 1)))
            counts = ds.counts(D(2025, 10, 1))
            self.assertEqual(counts["total"], 3)
            self.assertEqual(sum(counts[s] for s in mandate.TASK_STATUSES), 3)
            self.assertEqual(ds.classify_task("T-1", D(2025, 3, 1)).status, "not_yet_assigned")

    def test_errors_carry_the_status_and_the_message(self):
        with self.make() as ds:
            with self.assertRaises(mandate.Error) as e:
                ds.add_task("T-1", "again")
            self.assertEqual(e.exception.name, "MDT_ERR_ALREADY_EXISTS")
            self.assertIn("T-1", e.exception.message)
            with self.assertRaises(mandate.Error) as e:
                ds.add_task("T-9", "x", deadline="Tháng 13/2025")
            self.assertEqual(e.exception.name, "MDT_ERR_PARSE")
            self.assertIn("13", str(e.exception))
            with self.assertRaises(mandate.Error) as e:
                ds.complete("nope", D(2025, 1, 1))
            self.assertEqual(e.exception.status, 3)  # MDT_ERR_NOT_FOUND
            with self.assertRaises(mandate.Error) as e:
                ds.counts("2025-02-30")
            self.assertEqual(e.exception.name, "MDT_ERR_INVALID_ARGUMENT")
            with self.assertRaises(mandate.Error):
                ds.counts(D(2300, 1, 1))
        with self.assertRaises(ValueError):
            len(ds)  # closed by the context manager

    def test_json_round_trip_and_problems(self):
        with self.make() as ds, tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "d.json"
            ds.save_json(path)
            with mandate.Dataset.load_json(path) as back:
                self.assertEqual(len(back), 3)
                self.assertEqual(back.problems, [])
                self.assertEqual(back.counts(D(2025, 10, 1)), ds.counts(D(2025, 10, 1)))
            text = ds.to_json()
            doc = json.loads(text)
            self.assertEqual(doc["schema_version"], 1)
            with mandate.Dataset.read_json(text) as again:
                self.assertEqual(len(again), 3)
            with self.assertRaises(mandate.Error) as e:
                mandate.Dataset.read_json(text[: len(text) // 2])
            self.assertEqual(e.exception.name, "MDT_ERR_CORRUPT")
            # The task object of the dataset format, as save_json writes it.
            task = dict(doc["dataset"]["tasks"][0], id="J-1", title="Từ JSON")
            idx = ds.add_task_json(task)
            self.assertEqual(ds.task_id(idx), "J-1")
            self.assertEqual(ds.classify_task("J-1", D(2025, 10, 1)).status, "completed_on_time")
            with self.assertRaises(mandate.Error) as e:
                ds.add_task_json({"id": "J-2", "title": "no deadline"})
            self.assertIn("deadline", e.exception.message)

    def test_report_equals_the_golden_files(self):
        repo = pathlib.Path(__file__).resolve().parents[2]
        with mandate.Dataset.load_json(repo / "examples/data/plan-2025.json") as ds:
            for fmt in mandate.REPORT_FORMATS:
                text = ds.report(D(2025, 9, 23), since=D(2025, 7, 20), format=fmt)
                golden = (repo / f"tests/golden/report-2025-09-23.{fmt}").read_bytes()
                self.assertEqual(text.encode("utf-8"), golden, fmt)
            en = ds.report("2025-09-23", since="2025-07-20", lang="en")
            self.assertTrue(en.startswith("# Summary report"))
            with self.assertRaises(mandate.Error) as e:
                ds.report(D(2025, 9, 23), format="pdf")
            self.assertIn("options.format", str(e.exception))
            with self.assertRaises(mandate.Error) as e:
                ds.report(D(2025, 9, 23), since=D(2025, 10, 1))
            self.assertIn("after as_of", str(e.exception))

    def test_aggregate_and_top(self):
        with self.make() as ds:
            agg = ds.aggregate(D(2025, 10, 1), by=["lead"])
            groups = dict(agg)
            self.assertEqual(groups[("BKHCN",)]["completed_on_time"], 1)
            self.assertEqual(groups[("BTC",)]["in_progress"], 1)
            self.assertEqual(agg.totals["total"], 3)
            top = agg.top("total", limit=1)
            self.assertEqual(len(top), 1)
            agg.close()

    def test_readers_and_a_writer_on_threads(self):
        with self.make() as ds:
            errors = []

            def reader():
                try:
                    for _ in range(50):
                        c = ds.counts(D(2025, 10, 1))
                        assert c["total"] + c["not_yet_assigned"] >= 3
                except Exception as e:  # noqa: BLE001
                    errors.append(e)

            def writer():
                for i in range(100):
                    ds.add_task(f"W-{i}", "Thêm", deadline="2025")

            threads = [threading.Thread(target=reader) for _ in range(3)]
            threads.append(threading.Thread(target=writer))
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            self.assertEqual(len(ds), 103)


class HelpersTest(unittest.TestCase):
    def test_registry_calendar_deadline(self):
        with mandate.Registry() as reg:
            self.assertGreaterEqual(len(reg), 56)
            ids, unresolved = reg.resolve("Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an, Bộ Lạ")
            self.assertEqual(sorted(ids), ["BCA", "BVHTTDL"])
            self.assertEqual(unresolved, ["Bộ Lạ"])
        with mandate.Calendar() as cal:
            self.assertFalse(cal.is_working_day(D(2025, 1, 29)))
            self.assertEqual(cal.day_off_reason(D(2025, 1, 29)), "Tết Nguyên đán")
            self.assertIsNone(cal.day_off_reason(D(2025, 2, 3)))
            self.assertEqual(cal.add_working_days(D(2025, 1, 24), 1), D(2025, 2, 3))
            # 3..7 February (Saturday 8/2/2025 was not worked back: Tết 2025 had no swap).
            self.assertEqual(cal.working_days_between(D(2025, 1, 24), D(2025, 2, 10)), 6)
        with mandate.Deadline.parse("Quý IV", plan_year=2025) as d:
            self.assertEqual((d.kind, d.due, d.text), ("quarter", D(2025, 12, 31), "Quý IV"))
        with mandate.Deadline.extract("(Bộ KHCN, hạn tháng 11/2025; Thông báo 45-TB/TGV ngày 30/9/2025)") as d:
            self.assertEqual(d.due, D(2025, 11, 30))
        with self.assertRaises(mandate.Error) as e:
            mandate.Deadline.parse("Quý IV")
        self.assertIn("plan year", e.exception.message)
        self.assertTrue(mandate.version())

    def test_calendar_data(self):
        with mandate.Calendar() as cal:
            years = cal.schedule_years()
            self.assertEqual(years, sorted(years))
            self.assertIn(2025, years)
            self.assertEqual(years[-1], 2026)
            self.assertEqual(cal.day_kind(D(2025, 2, 3)), "working")
            self.assertEqual(cal.day_kind(D(2025, 2, 9)), "weekend")
            self.assertEqual(cal.day_kind(D(2025, 1, 29)), "holiday")
            self.assertEqual(cal.day_kind(D(2025, 5, 2)), "swapped_day_off")
            self.assertEqual(cal.day_kind(D(2025, 4, 26)), "swapped_working_day")
            self.assertEqual(cal.day_kind(D(2026, 4, 27)), "substitute_day_off")
        with mandate.Calendar(rules_only=True) as rules:
            self.assertEqual(rules.schedule_years(), [])
        self.assertEqual(mandate.Calendar.lunar_leap_month(2025), 6)
        self.assertIsNone(mandate.Calendar.lunar_leap_month(2024))
        self.assertIn(mandate.Calendar.lunar_month_length(2025, 6, leap=True), (29, 30))


class LastErrorTest(unittest.TestCase):
    def test_a_failed_load_raises_with_the_real_message(self):
        # The binding reads and frees the problems list after the failed call: the message
        # must survive those successful calls (mdt_last_error keeps it until the next failure).
        with self.assertRaises(mandate.Error) as e:
            mandate.Dataset.load_json("/nope.json")
        self.assertEqual(e.exception.name, "MDT_ERR_NOT_FOUND")
        self.assertIn("/nope.json", e.exception.message)
        self.assertTrue(e.exception.message.strip())

    def test_init_functions_give_the_macro_defaults(self):
        o = mandate._AggregateOptions()
        self.assertEqual(mandate._c.mdt_aggregate_options_init(mandate.ctypes.byref(o), 1), 0)
        self.assertEqual((o.version, o.threads, o.assigned_from, bool(o.classify)),
                         (1, 1, mandate.NO_DATE, False))
        c = mandate._ClassifyOptions()
        self.assertEqual(mandate._c.mdt_classify_options_init(mandate.ctypes.byref(c), 1), 0)
        self.assertEqual((c.soon_days, c.baseline), (7, 0))
        self.assertNotEqual(mandate._c.mdt_classify_options_init(mandate.ctypes.byref(c), 99), 0)


class FieldsTest(unittest.TestCase):
    """Every task field through the C ABI equals the JSON export of the same dataset."""

    def make(self):
        ds = mandate.Dataset.load_json(pathlib.Path(__file__).resolve().parent.parent / "data" / "plan-2025.json")
        ds.add_task("F-1", "Đủ trường", lead=["BKHCN", "BTC"], coordinators=["BCA"],
                    sources=["45-TB/TGV ngày 30/9/2025"], category="2. Chuyển đổi số",
                    deadline="Quý III", plan_year=2025, assigned=D(2025, 4, 14))
        ds.add_event("F-1", "deadline_changed", D(2025, 9, 1), new_deadline="Tháng 12/2025", plan_year=2025)
        ds.complete("F-1", D(2025, 10, 20))
        return ds

    @staticmethod
    def expected(task, day):
        def parse(s):
            return datetime.date.fromisoformat(s) if s else None
        due = parse(task["deadline"].get("due"))
        completed = None
        for ev in task.get("history", []):
            if parse(ev["day"]) > day:
                break
            if ev["type"] == "completed":
                completed = parse(ev["day"])
            elif ev["type"] == "reopened":
                completed = None
            elif ev["type"] == "deadline_changed":
                due = parse(ev["new_deadline"].get("due"))
        return due, completed

    def test_task_getters_and_columns_equal_the_json_export(self):
        day = D(2025, 10, 25)
        with self.make() as ds:
            tasks = json.loads(ds.to_json())["dataset"]["tasks"]
            cols = ds.columns(day)
            statuses = ds.statuses(day)
            self.assertEqual(len(cols["id"]), len(tasks))
            for i, t in enumerate(tasks):
                due, completed = self.expected(t, day)
                one = ds.task(i, as_of=day)
                self.assertEqual(one["id"], t["id"])
                self.assertEqual(one["lead"], t.get("lead", []))
                self.assertEqual(one["coordinators"], t.get("coordinators", []))
                self.assertEqual(one["sources"], t.get("sources", []))
                self.assertEqual(one["category"], t.get("category", ""))
                self.assertEqual(one["assigned"], datetime.date.fromisoformat(t["assigned"]) if t.get("assigned") else None)
                self.assertEqual(one["completed"], completed)
                self.assertEqual(one["status"], statuses[i])
                self.assertEqual(cols["id"][i], t["id"])
                self.assertEqual(cols["assigned"][i], one["assigned"])
                self.assertEqual(cols["completed"][i], completed)
                self.assertEqual(cols["status"][i], statuses[i])
                self.assertEqual(sorted(cols["lead"][i]), sorted(t.get("lead", [])))
                self.assertEqual(sorted(cols["coordinators"][i]), sorted(t.get("coordinators", [])))
                if t["deadline"]["kind"] not in ("relative", "open_ended"):
                    self.assertEqual(one["due"], due, t["id"])
                    self.assertEqual(cols["due"][i], due, t["id"])
            f1 = ds.task("F-1", as_of=day)
            self.assertEqual((f1["due"], f1["completed"], f1["status"]),
                             (D(2025, 12, 31), D(2025, 10, 20), "completed_on_time"))
            self.assertEqual(ds.task("F-1", as_of=D(2025, 8, 1))["due"], D(2025, 9, 30))


if __name__ == "__main__":
    unittest.main()
