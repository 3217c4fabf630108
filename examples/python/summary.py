#!/usr/bin/env python3
"""Prints the summary counts of a dataset as of a day, exactly as examples/c/summary.c does:

    summary.py [DATASET.json|.csv] [YYYY-MM-DD]

Uses the installed package (pip install ./bindings/python, see the README); from a
checkout without it, it falls back to bindings/python/src with MANDATE_LIBRARY.
"""
import pathlib
import sys

try:
    import mandate
except ImportError:  # not installed: the package in this checkout (needs MANDATE_LIBRARY)
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python" / "src"))
    import mandate

DEFAULT = pathlib.Path(__file__).resolve().parent.parent / "data" / "plan-2025.json"


def main(argv):
    path = argv[1] if len(argv) > 1 else str(DEFAULT)
    day = argv[2] if len(argv) > 2 else "2025-09-23"
    try:
        with mandate.Dataset.load(path) as ds:
            for p in ds.problems:
                print(f"summary: {p.record}: {p.field}: {p.message}", file=sys.stderr)
            counts = ds.counts(day)
    except mandate.Error as e:
        print(f"summary: {path}: {e}", file=sys.stderr)
        return 1
    print(f"as_of {day}")
    print(f"total {counts['total']}")
    for name in mandate.TASK_STATUSES:
        print(f"{name} {counts[name]}")
    print(f"not_yet_assigned {counts['not_yet_assigned']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
