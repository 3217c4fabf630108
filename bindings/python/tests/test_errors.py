"""Every error path raises the Error subclass of its status with the library's message."""

import datetime
import json
import os
import pathlib
import tempfile
import threading
import unittest

import mandate
from support import BUNDLED, CLI, cli, cli_fails


class ErrorTest(unittest.TestCase):
    def assertLibraryError(self, cls, status, fn, *args, **kw):
        with self.assertRaises(cls) as e:
            fn(*args, **kw)
        err = e.exception
        self.assertIsInstance(err, mandate.Error)
        self.assertEqual(err.status, status)
        self.assertTrue(str(err).strip(), f"{status}: empty message")
        self.assertEqual(str(err), err.message)
        self.assertNotIn("tuple.index", str(err))
        return err

    def test_loading(self):
        with tempfile.TemporaryDirectory() as tmp:
            missing = os.path.join(tmp, "nope.json")
            err = self.assertLibraryError(mandate.NotFound, "MDT_ERR_NOT_FOUND", mandate.Dataset.load, missing)
            self.assertIn(missing, str(err))
            self.assertIsInstance(err, LookupError)
            bad = pathlib.Path(tmp) / "bad.json"
            bad.write_text('{"schema_version": 1, "dataset": {"tasks": [', encoding="utf-8")
            err = self.assertLibraryError(mandate.Corrupt, "MDT_ERR_CORRUPT", mandate.Dataset.load, bad)
            if CLI:  # the command prints the same message
                self.assertIn(str(err), cli_fails("validate", "--data", bad))
            csv = pathlib.Path(tmp) / "bad.csv"
            csv.write_text("", encoding="utf-8")
            with self.assertRaises(mandate.Error) as e:
                mandate.Dataset.load(csv)
            self.assertIn("empty", str(e.exception))
            if CLI:
                self.assertIn(str(e.exception), cli_fails("status", "--data", csv, "--as-of", "2025-09-23"))
            csv.write_text('id,title,lead\n"abc,x\n', encoding="utf-8")
            with mandate.Dataset.load(csv) as ds:  # read, with problems (as `mandate validate`)
                self.assertIn("quoted field is never closed", " ".join(p.message for p in ds.problems))
            with self.assertRaises(mandate.InvalidArgument) as e:
                mandate.Dataset.load(csv, strict=True)
            self.assertTrue(str(e.exception))
            with self.assertRaises(mandate.Error) as e:
                mandate.Dataset.load(tmp)
            self.assertIn("is a directory", str(e.exception))
            with mandate.Dataset.load(BUNDLED) as ds:
                with self.assertRaises(mandate.Error) as e:
                    ds.save(os.path.join(tmp, "no", "such", "dir.json"))
                self.assertIn("no/such", str(e.exception))
            text = json.loads(BUNDLED.read_text(encoding="utf-8"))
            text["dataset"]["tasks"].append(dict(text["dataset"]["tasks"][0]))
            text.pop("checksum")  # edited by hand: no checksum (optional unless required)
            dup = pathlib.Path(tmp) / "dup.json"
            dup.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
            with self.assertRaises(mandate.Error) as e:
                mandate.Dataset.load(dup, strict=True)
            self.assertTrue(str(e.exception))
            with mandate.Dataset.load(dup) as ds:  # not strict: the duplicate is a problem
                self.assertTrue(ds.problems)
                self.assertTrue(all(p.record and p.message for p in ds.problems))
                self.assertTrue(any("KH25-II-1" in p.record + p.message for p in ds.problems), ds.problems)

    def test_hand_edited_json_and_format_by_content(self):
        """Issue 19: a hand edit is a checksum problem, not a lock-out; strict refuses it as
        Corrupt; a CSV named .txt (or JSON named .csv) is read by its content."""
        with tempfile.TemporaryDirectory() as tmp:
            edited = pathlib.Path(tmp) / "edited.json"
            text = BUNDLED.read_text(encoding="utf-8").replace('"title": "', '"title": "(sửa) ', 1)
            edited.write_text(text, encoding="utf-8")
            with mandate.Dataset.load(edited) as ds:
                self.assertEqual(len(ds.problems), 1, ds.problems)
                p = ds.problems[0]
                self.assertEqual((p.record, p.field), ("file", "checksum"))
                self.assertIn("edited by hand or damaged", p.message)
                self.assertIn("validate --fix", p.message)
                ds.save(edited)  # saving re-signs it
            with mandate.Dataset.load(edited, strict=True) as ds:
                self.assertEqual(ds.problems, [])
            edited.write_text(text, encoding="utf-8")
            err = self.assertLibraryError(mandate.Corrupt, "MDT_ERR_CORRUPT", mandate.Dataset.load, edited, strict=True)
            self.assertIn("checksum mismatch", str(err))
            txt = pathlib.Path(tmp) / "tasks.txt"
            txt.write_text("\ufeffid;title;lead\nT1;Một;Bộ Tài chính\n", encoding="utf-8")
            with mandate.Dataset.load(txt) as ds:
                self.assertEqual(len(ds), 1)
                self.assertEqual([p.record for p in ds.problems if p.record != "header"], [])
            named_csv = pathlib.Path(tmp) / "plan.csv"
            named_csv.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
            with mandate.Dataset.load(named_csv) as ds:
                self.assertEqual(ds.problems, [])

    def test_dates(self):
        with mandate.Dataset.load(BUNDLED) as ds:
            self.assertLibraryError(mandate.InvalidArgument, "MDT_ERR_INVALID_ARGUMENT", ds.status, "2025-02-30")
            self.assertLibraryError(mandate.ParseError, "MDT_ERR_PARSE", ds.report, "23/09/2025")
            self.assertLibraryError(mandate.OutOfRange, "MDT_ERR_OUT_OF_RANGE", ds.counts, datetime.date(2300, 1, 1))
            err = self.assertLibraryError(mandate.InvalidArgument, "MDT_ERR_INVALID_ARGUMENT",
                                          ds.report, "2025-09-23", since="2025-10-01")
            self.assertIn("after", str(err))

    def test_deadlines_agencies_and_tasks(self):
        err = self.assertLibraryError(mandate.ParseError, "MDT_ERR_PARSE", mandate.parse_deadline, "Quý IV")
        self.assertIn("plan year", str(err))
        if CLI:  # mandate deadline reports the same message
            out, _ = cli("deadline", stdin='"Quý IV"\n', ok=(0, 1))
            self.assertEqual(json.loads(out.decode().splitlines()[0])["error"], str(err))
        err = self.assertLibraryError(mandate.NotFound, "MDT_ERR_NOT_FOUND", mandate.resolve_agencies, "Bộ Lạ")
        if CLI:
            out, _ = cli("agencies", stdin='"Bộ Lạ"\n', ok=(0, 1))
            self.assertEqual(json.loads(out.decode().splitlines()[0])["error"], str(err))
        self.assertLibraryError(mandate.NotFound, "MDT_ERR_NOT_FOUND", mandate.resolve_agencies, "")
        with mandate.Dataset() as ds:
            ds.add_task("T-1", "x", lead=["BKHCN"], deadline="2025")
            err = self.assertLibraryError(mandate.AlreadyExists, "MDT_ERR_ALREADY_EXISTS", ds.add_task, "T-1", "again")
            self.assertIn("T-1", str(err))
            err = self.assertLibraryError(mandate.ParseError, "MDT_ERR_PARSE", ds.add_task, "T-2", "x",
                                          deadline="Tháng 13/2025")
            self.assertIn("13", str(err))
            self.assertLibraryError(mandate.Error, "MDT_ERR_INVALID_ARGUMENT", ds.add_task, "T-3", "x", lead=["NOPE"])
            self.assertLibraryError(mandate.NotFound, "MDT_ERR_NOT_FOUND", ds.complete_task, "nope", "2025-01-01")
            self.assertLibraryError(mandate.NotFound, "MDT_ERR_NOT_FOUND", ds.task, "nope")
            self.assertLibraryError(mandate.InvalidArgument, "MDT_ERR_INVALID_ARGUMENT", ds.add_task_json,
                                    {"id": "J-2", "title": "no deadline"})
        with self.assertRaises(mandate.InvalidHandle):
            len(ds)
        self.assertLibraryError(mandate.ParseError, "MDT_ERR_PARSE", mandate.Calendar().add_schedule, "{")
        self.assertLibraryError(mandate.InvalidArgument, "MDT_ERR_INVALID_ARGUMENT",
                                mandate.Calendar.lunar_to_solar, 2024, 6, 1, leap=True)

    def test_misspelt_names_list_the_valid_choices(self):
        with mandate.Dataset.load(BUNDLED) as ds:
            for call, valid in ((lambda: ds.report("2025-09-23", format="pdf"), "'md', 'html', 'json', 'csv'"),
                                (lambda: ds.report("2025-09-23", lang="fr"), "'vi', 'en'"),
                                (lambda: ds.aggregate("2025-09-23", by=("leed",)), "'lead', 'coordinator'"),
                                (lambda: ds.add_event("KH25-II-1", "done", "2025-01-01"), "'progress'"),
                                (lambda: ds.status_frame("2025-09-23", dates="text"), "'date', 'datetime64'")):
                with self.assertRaises(ValueError) as e:
                    call()
                self.assertIn("expected one of", str(e.exception))
                self.assertIn(valid, str(e.exception))
                self.assertIsInstance(e.exception, mandate.InvalidArgument)

    def test_one_class_per_status(self):
        from mandate._errors import error_for
        from mandate._lib import lib

        classes = set()
        for code in range(1, 14):
            e = error_for(code)
            self.assertEqual(e.status, lib.mdt_status_name(code).decode())
            self.assertEqual(type(e).status, e.status)
            self.assertEqual(e.code, code)
            classes.add(type(e))
        self.assertEqual(len(classes), 13)
        self.assertTrue(all(issubclass(c, mandate.Error) and c.__name__ in mandate.__all__ for c in classes))

    def test_messages_stay_with_their_thread(self):
        results = {}

        def fail(i):
            try:
                mandate.Dataset.load(f"/nonexistent-{i}.json")
            except mandate.Error as e:
                results[i] = str(e)

        threads = [threading.Thread(target=fail, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for i in range(8):
            self.assertIn(f"/nonexistent-{i}.json", results[i])


if __name__ == "__main__":
    unittest.main()
