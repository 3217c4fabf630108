#!/usr/bin/env python3
"""Overdue tasks by lead agency, as a chart: a notebook-style script (run it whole, or cell
by cell in an editor that knows `# %%` cells: VS Code, Spyder, Jupytext).

    overdue_chart.py [DATASET] [YYYY-MM-DD] [--out CHART.png] [--top N]

Needs pandas (Debian: python3-pandas) and, for the chart, matplotlib (python3-matplotlib);
without matplotlib it prints the table and says so.
"""
# %% Settings
import argparse
import pathlib
import sys

try:
    import mandate
except ImportError:  # not installed: the package in this checkout (needs MANDATE_LIBRARY)
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python" / "src"))
    import mandate

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("data", nargs="?", default=str(pathlib.Path(__file__).resolve().parent.parent / "data" / "plan-2025.json"))
parser.add_argument("as_of", nargs="?", default="2025-09-23")
parser.add_argument("--out", default="overdue-by-agency.png", help="where the chart goes (PNG, SVG, PDF)")
parser.add_argument("--top", type=int, default=15, help="agencies shown")
args = parser.parse_args()

# %% Counts per lead agency as of the day (the numbers of `mandate aggregate --by lead`)
with mandate.Dataset.load(args.data) as ds:
    frame = ds.aggregate_frame(args.as_of, by=("lead",))
frame["lead"] = frame["lead"].fillna("(none)")
overdue = frame[frame["overdue"] > 0].sort_values(["overdue", "lead"], ascending=[False, True]).head(args.top)
print(f"overdue tasks by lead agency as of {args.as_of} ({int(frame['overdue'].sum())} in all; a task "
      "with several leads counts for each)")
print(overdue[["lead", "overdue", "total", "overdue_rate"]].to_string(index=False))

# %% The chart
try:
    import matplotlib
except ImportError:
    print("note: matplotlib is not installed (Debian: apt-get install python3-matplotlib; "
          "or pip install matplotlib): no chart drawn, the table above has the numbers")
    sys.exit(0)
matplotlib.use("Agg")  # files only: works without a display
import matplotlib.pyplot as plt  # noqa: E402

fig, ax = plt.subplots(figsize=(8, 0.4 * len(overdue) + 1.5))
ax.barh(overdue["lead"][::-1], overdue["overdue"][::-1], color="#c0392b")
ax.set_xlabel("overdue tasks")
ax.set_title(f"Overdue tasks by lead agency, as of {args.as_of}")
for y, value in enumerate(overdue["overdue"][::-1]):
    ax.text(value, y, f" {value}", va="center")
fig.tight_layout()
fig.savefig(args.out)
print(f"chart written to {args.out}")
