"""The names of the C ABI's enumerations, read from the library (one source of truth)."""

from __future__ import annotations

from typing import Callable, Tuple

from ._lib import lib

__all__ = ["TASK_STATUSES", "STATUS_NAMES", "DEADLINE_KINDS", "FREQUENCIES", "EVENT_TYPES",
           "AGENCY_KINDS", "DAY_KINDS", "DIMENSIONS", "MEASURES", "REPORT_FORMATS",
           "REPORT_LANGUAGES", "NOT_YET_ASSIGNED"]


def _names(fn: Callable[[int], bytes], first_is_unknown: bool = False) -> Tuple[str, ...]:
    out = []
    i = 0
    while i < 256:
        name = fn(i).decode()
        if name == "unknown" and not (first_is_unknown and i == 0):
            break
        out.append(name)
        i += 1
    return tuple(out)


#: mdt_task_status 0.. (the names of ``mandate status``), without "not_yet_assigned".
TASK_STATUSES: Tuple[str, ...] = _names(lib.mdt_task_status_name)
#: Not a status: the task is assigned after the as-of day (MDT_TASK_NOT_YET_ASSIGNED).
NOT_YET_ASSIGNED: str = "not_yet_assigned"
#: Every name ``Dataset.status`` may return: the statuses, then "not_yet_assigned".
STATUS_NAMES: Tuple[str, ...] = TASK_STATUSES + (NOT_YET_ASSIGNED,)
#: mdt_deadline_kind 0.. ("unknown", "date", "before", "month", "quarter", ...).
DEADLINE_KINDS: Tuple[str, ...] = _names(lib.mdt_deadline_kind_name, first_is_unknown=True)
#: mdt_frequency 0.. ("weekly", "monthly", ...).
FREQUENCIES: Tuple[str, ...] = _names(lib.mdt_frequency_name)
#: mdt_event_type 0.. ("progress", "completed", "reopened", "deadline_changed", "cancelled").
EVENT_TYPES: Tuple[str, ...] = _names(lib.mdt_event_type_name)
#: mdt_agency_kind 0.. ("other", "ministry", ...).
AGENCY_KINDS: Tuple[str, ...] = _names(lib.mdt_agency_kind_name)
#: mdt_day_kind 0.. ("working", "weekend", "holiday", ...).
DAY_KINDS: Tuple[str, ...] = _names(lib.mdt_day_kind_name)
#: mdt_dimension 0.. (what ``Dataset.aggregate`` groups by: "lead", "coordinator", ...).
DIMENSIONS: Tuple[str, ...] = _names(lib.mdt_dimension_name)
#: mdt_measure 0.. ("total", the statuses, "completed", the rates).
MEASURES: Tuple[str, ...] = _names(lib.mdt_measure_name)
#: mdt_report_format 0..3, as ``mandate report --format``.
REPORT_FORMATS: Tuple[str, ...] = ("md", "html", "json", "csv")
#: mdt_report_language 0..1, as ``mandate report --lang``.
REPORT_LANGUAGES: Tuple[str, ...] = ("vi", "en")
