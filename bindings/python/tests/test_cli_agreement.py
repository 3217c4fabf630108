"""Dataset.status, aggregate, totals and report equal the mandate command's output, on the
bundled dataset and on a generated one (bench/generate.h, MANDATE_AGREEMENT_TASKS tasks,
100,000 by default)."""

import os
import subprocess
import tempfile
import unittest

import mandate
from support import BENCHTOOL, BUNDLED, CLI, REPO, cli, cli_aggregate, cli_status

DAYS = ("2025-03-31", "2025-09-23", "2026-01-15")
GROUPINGS = ("lead", "lead,status", "category", "due_month", "coordinator", "agency_kind,deadline_kind",
             "source", "assigned_month")


@unittest.skipUnless(CLI, "needs MANDATE_CLI (the mandate command)")
class BundledTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ds = mandate.Dataset.load(BUNDLED)

    @classmethod
    def tearDownClass(cls):
        cls.ds.close()

    def test_status_equals_the_cli(self):
        for day in DAYS:
            ours = self.ds.status(day, include_not_yet_assigned=False)
            self.assertEqual(ours, cli_status(BUNDLED, day), day)
            every = self.ds.status(day)
            self.assertEqual(len(every), len(self.ds))
            self.assertEqual([s for s in every if s.status != "not_yet_assigned"], ours)

    def test_aggregate_equals_the_cli(self):
        for day in DAYS:
            for by in GROUPINGS:
                theirs = cli_aggregate(BUNDLED, day, by)
                self.assertEqual(self.ds.aggregate(day, by=tuple(by.split(","))), theirs["groups"], (day, by))
                self.assertEqual(self.ds.totals(day), theirs["totals"], (day, by))
        theirs = cli_aggregate(BUNDLED, "2025-09-23", "lead", "--include-coordinators", "--soon-days", "30",
                               "--assigned-from", "2025-01-01", "--assigned-to", "2025-06-30")
        ours = self.ds.aggregate("2025-09-23", by=("lead",), soon_days=30, include_coordinators=True,
                                 assigned_from="2025-01-01", assigned_to="2025-06-30")
        self.assertEqual(ours, theirs["groups"])

    def test_report_is_byte_for_byte_the_cli(self):
        for fmt in mandate.REPORT_FORMATS:
            for lang in mandate.REPORT_LANGUAGES:
                for since in (None, "2025-07-20"):
                    args = ["report", "--data", BUNDLED, "--as-of", "2025-09-23", "--format", fmt, "--lang", lang]
                    if since:
                        args += ["--since", since]
                    expected, _ = cli(*args)
                    text = self.ds.report("2025-09-23", since=since, format=fmt, lang=lang)
                    self.assertEqual(text.encode("utf-8"), expected, (fmt, lang, since))
        for fmt in mandate.REPORT_FORMATS:  # and the golden files ctest checks the CLI against
            golden = (REPO / f"tests/golden/report-2025-09-23.{fmt}").read_bytes()
            self.assertEqual(self.ds.report("2025-09-23", since="2025-07-20", format=fmt).encode(), golden)


@unittest.skipUnless(CLI and BENCHTOOL, "needs MANDATE_CLI and MANDATE_BENCHTOOL (the workload generator)")
class GeneratedTest(unittest.TestCase):
    """The workload of bench/README.md: several leads, coordinators, recurring deadlines,
    completions on time and late, deadline changes."""

    N = int(os.environ.get("MANDATE_AGREEMENT_TASKS", "100000"))

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.csv = os.path.join(cls.tmp.name, f"tasks-{cls.N}.csv")
        subprocess.run([BENCHTOOL, "generate", "--n", str(cls.N), "--csv", cls.csv], check=True,
                       capture_output=True)
        cls.ds = mandate.Dataset.load(cls.csv)

    @classmethod
    def tearDownClass(cls):
        cls.ds.close()
        cls.tmp.cleanup()

    def test_loaded_whole(self):
        self.assertEqual(len(self.ds), self.N)
        self.assertEqual(self.ds.problems, [])

    def test_status_equals_the_cli(self):
        day = "2025-09-23"
        ours = self.ds.status(day, include_not_yet_assigned=False)
        theirs = cli_status(self.csv, day)
        self.assertEqual(len(ours), len(theirs))
        self.assertEqual(ours, theirs)
        seen = {s.status for s in ours}
        self.assertTrue({"completed_on_time", "completed_late", "overdue", "due_soon", "in_progress"} <= seen, seen)

    def test_aggregate_equals_the_cli(self):
        for day, by in (("2025-09-23", "lead"), ("2025-09-23", "lead,status"), ("2025-06-30", "coordinator"),
                        ("2025-09-23", "deadline_kind,due_month")):
            theirs = cli_aggregate(self.csv, day, by)
            self.assertEqual(self.ds.aggregate(day, by=tuple(by.split(","))), theirs["groups"], by)
            self.assertEqual(self.ds.totals(day), theirs["totals"], by)

    def test_report_equals_the_cli(self):
        expected, _ = cli("report", "--data", self.csv, "--as-of", "2025-09-23", "--since", "2025-07-20",
                          "--format", "json", "--lang", "en")
        self.assertEqual(self.ds.report("2025-09-23", since="2025-07-20", format="json", lang="en").encode(),
                         expected)


if __name__ == "__main__":
    unittest.main()
