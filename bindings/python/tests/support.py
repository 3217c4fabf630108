"""Shared by the tests: where the repository, the command and the generator are."""

import json
import os
import pathlib
import subprocess
from typing import Any, List, Tuple

import mandate

REPO = pathlib.Path(os.environ.get("MANDATE_REPO") or pathlib.Path(__file__).resolve().parents[3])
BUNDLED = REPO / "examples" / "data" / "plan-2025.json"
CLI = os.environ.get("MANDATE_CLI", "")
BENCHTOOL = os.environ.get("MANDATE_BENCHTOOL", "")

try:
    import pandas  # noqa: F401

    HAVE_PANDAS = True
except ImportError:
    HAVE_PANDAS = False


def cli(*args: Any, ok: Tuple[int, ...] = (0,), stdin: str = "") -> Tuple[bytes, str]:
    """Runs the mandate command: (stdout bytes, stderr text)."""
    r = subprocess.run([CLI, *[str(a) for a in args]], input=stdin.encode(), capture_output=True)
    if r.returncode not in ok:
        raise AssertionError(f"mandate {args}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout, r.stderr.decode("utf-8", "replace")


def cli_fails(*args: Any) -> str:
    """The stderr of a mandate command that must fail with exit 2."""
    r = subprocess.run([CLI, *[str(a) for a in args]], capture_output=True)
    if r.returncode != 2:
        raise AssertionError(f"mandate {args}: exit {r.returncode}, expected 2")
    return r.stderr.decode("utf-8", "replace")


def cli_json_lines(*args: Any) -> List[Any]:
    out, _ = cli(*args)
    return [json.loads(line) for line in out.decode().splitlines() if line]


def cli_status(path: Any, day: str) -> List[mandate.TaskStatus]:
    """``mandate status`` as TaskStatus values."""
    import datetime

    rows = cli_json_lines("status", "--data", path, "--as-of", day)
    return [mandate.TaskStatus(r["id"], r["status"],
                               datetime.date.fromisoformat(r["due"]) if r["due"] else None, r["reason"])
            for r in rows]


def cli_aggregate(path: Any, day: str, by: str, *extra: str) -> Any:
    out, _ = cli("aggregate", "--data", path, "--as-of", day, "--by", by, *extra)
    return json.loads(out)
