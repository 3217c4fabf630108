"""examples/python against the installed package: summary.py prints what the C example and
the C++ core print; overdue_chart.py draws its chart (or says matplotlib is missing)."""

import os
import subprocess
import sys
import tempfile
import unittest

from support import BUNDLED, CLI, HAVE_PANDAS, REPO, cli_aggregate

EXAMPLES = REPO / "examples" / "python"
SEED = os.environ.get("MANDATE_SEED_DATASET")


def run(*cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True, **kw).stdout


class SummaryTest(unittest.TestCase):
    @unittest.skipUnless(SEED and os.environ.get("MANDATE_SUMMARY_C") and os.environ.get("MANDATE_CORE_COUNTS"),
                         "needs the ctest environment (the C example, the core's counts, the seed dataset)")
    def test_python_c_and_core_print_the_same_counts(self):
        for day in ("2025-03-31", "2025-09-23", "2026-01-15"):
            core = run(os.environ["MANDATE_CORE_COUNTS"], SEED, day)
            c = run(os.environ["MANDATE_SUMMARY_C"], SEED, day)
            py = run(sys.executable, EXAMPLES / "summary.py", SEED, day)
            self.assertEqual(c, core, day)
            self.assertEqual(py, core, day)
            self.assertIn("total ", core)

    @unittest.skipUnless(CLI, "needs MANDATE_CLI")
    def test_summary_of_the_bundled_dataset_equals_the_cli_totals(self):
        out = run(sys.executable, EXAMPLES / "summary.py", cwd="/")
        counts = dict(line.split(" ", 1) for line in out.splitlines())
        totals = cli_aggregate(BUNDLED, "2025-09-23", "lead")["totals"]
        self.assertEqual(int(counts["total"]), totals["total"])
        self.assertEqual(int(counts["overdue"]), totals["overdue"])

    def test_summary_reports_a_missing_file(self):
        p = subprocess.run([sys.executable, str(EXAMPLES / "summary.py"), "/nonexistent.json"],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 1)
        self.assertIn("summary: /nonexistent.json: cannot open /nonexistent.json", p.stderr)


@unittest.skipUnless(HAVE_PANDAS, "pandas is not installed (Debian: python3-pandas)")
class ChartTest(unittest.TestCase):
    def test_chart_or_a_clear_note(self):
        try:
            import matplotlib  # noqa: F401
            have_mpl = True
        except ImportError:
            have_mpl = False
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "chart.png")
            text = run(sys.executable, EXAMPLES / "overdue_chart.py", BUNDLED, "2025-09-23", "--out", out, cwd=tmp)
            self.assertIn("overdue tasks by lead agency as of 2025-09-23", text)
            if have_mpl:
                with open(out, "rb") as f:
                    self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
            # Without matplotlib: the table and a note, exit 0.
            code = ("import runpy, sys; sys.modules['matplotlib'] = None; "
                    f"sys.argv = ['overdue_chart.py', {str(BUNDLED)!r}, '--out', {out + '.none.png'!r}]; "
                    f"runpy.run_path({str(EXAMPLES / 'overdue_chart.py')!r}, run_name='__main__')")
            p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("matplotlib is not installed", p.stdout)
            self.assertFalse(os.path.exists(out + ".none.png"))


if __name__ == "__main__":
    unittest.main()
