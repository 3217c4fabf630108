"""pandas frames: status_frame and aggregate_frame equal the list API; pandas is optional."""

import datetime
import os
import subprocess
import sys
import unittest

import mandate
from support import BUNDLED, HAVE_PANDAS

DAY = "2025-09-23"


@unittest.skipUnless(HAVE_PANDAS, "pandas is not installed (Debian: python3-pandas)")
class FramesTest(unittest.TestCase):
    def test_status_frame_equals_the_task_api(self):
        import pandas as pd

        with mandate.Dataset.load(BUNDLED) as ds:
            df = ds.status_frame(DAY)
            self.assertIsInstance(df, pd.DataFrame)
            self.assertEqual(list(df.columns), ["id", "status", "assigned", "due", "completed", "lead", "coordinators"])
            self.assertEqual(len(df), len(ds))
            status = ds.status(DAY)
            self.assertEqual(df["id"].tolist(), [s.id for s in status])
            self.assertEqual(df["status"].astype(str).tolist(), [s.status for s in status])
            self.assertEqual(list(df["status"].cat.categories), list(mandate.STATUS_NAMES))
            tasks = list(ds.tasks())
            self.assertEqual(df["assigned"].tolist(), [t.assigned for t in tasks])
            self.assertEqual([sorted(x) for x in df["lead"]], [sorted(t.lead) for t in tasks])
            self.assertEqual([sorted(x) for x in df["coordinators"]], [sorted(t.coordinators) for t in tasks])
            for s, due in zip(status, df["due"]):
                self.assertTrue(due is None or type(due) is datetime.date)
            counts = df["status"].value_counts()
            for name, n in ds.counts(DAY).items():
                if name != "total":
                    self.assertEqual(counts.get(name, 0), n, name)
            d64 = ds.status_frame(DAY, dates="datetime64")
            self.assertEqual(str(d64["assigned"].dtype)[:10], "datetime64")
            self.assertEqual([None if pd.isna(x) else x.date() for x in d64["assigned"]], df["assigned"].tolist())

    def test_status_frame_of_an_empty_and_a_multi_lead_dataset(self):
        with mandate.Dataset() as ds:
            self.assertEqual(len(ds.status_frame(DAY)), 0)
            ds.add_task("A", "a", lead=["BTC", "BKHCN", "BCA"], deadline="2025", assigned="2025-01-01")
            ds.add_task("B", "b", deadline="2025")
            df = ds.status_frame(DAY)
            self.assertEqual(df["lead"].tolist(), [("BCA", "BTC", "BKHCN"), ()])  # registry order
            self.assertEqual(df["assigned"].tolist(), [datetime.date(2025, 1, 1), None])

    def test_aggregate_frame_equals_aggregate(self):
        with mandate.Dataset.load(BUNDLED) as ds:
            rows = ds.aggregate(DAY, by=("lead", "status"))
            df = ds.aggregate_frame(DAY, by=("lead", "status"))
            self.assertEqual(len(df), len(rows))
            self.assertEqual(df["lead"].tolist(), [r["key"]["lead"] for r in rows])
            self.assertEqual(df["total"].tolist(), [r["total"] for r in rows])
            self.assertEqual(df["overdue"].sum(), sum(r["overdue"] for r in rows))
            self.assertTrue(df["on_time_rate"].isna().all())


class WithoutPandasTest(unittest.TestCase):
    def test_a_clear_import_error(self):
        code = ("import sys; sys.modules['pandas'] = None\n"
                "import mandate\n"
                f"ds = mandate.Dataset.load({str(BUNDLED)!r})\n"
                "print(len(ds.status(" + repr(DAY) + ")))\n"
                "try:\n    ds.status_frame(" + repr(DAY) + ")\n"
                "except ImportError as e:\n    print(e)\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = out.stdout.splitlines()
        self.assertEqual(lines[0], "333")
        self.assertIn("need pandas", lines[1])
        self.assertIn("python3-pandas", lines[1])


if __name__ == "__main__":
    unittest.main()
