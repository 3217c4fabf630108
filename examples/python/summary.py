#!/usr/bin/env python3
"""Prints the summary counts of a dataset as of a day, exactly as examples/c/summary.c does:

    summary.py [DATASET.json] [YYYY-MM-DD]
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import mandate  # noqa: E402

DEFAULT = pathlib.Path(__file__).resolve().parent.parent / "data" / "plan-2025.json"


def main(argv):
    path = argv[1] if len(argv) > 1 else str(DEFAULT)
    day = argv[2] if len(argv) > 2 else "2025-09-23"
    try:
        with mandate.Dataset.load_json(path) as ds:
            for record, field, message in ds.problems:
                print(f"summary: {record}: {field}: {message}", file=sys.stderr)
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
