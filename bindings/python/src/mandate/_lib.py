"""Loading libmandate and declaring the C ABI (capi/mandate.h) to ctypes.

Where the library comes from, first match wins:

1. ``MANDATE_LIBRARY``: a path to ``libmandate.so`` (any build, for development);
2. the copy bundled in the wheel, next to this file (``libmandate.so.1``);
3. the system loader (``ctypes.util.find_library("mandate")``, e.g. the Debian package).

The binding is written for ABI 1 (``mdt_abi_version()``) and refuses another.
Private module: the public names are re-exported by ``mandate``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pathlib
from typing import Any, Callable, List, Optional, Tuple

ABI = 1  # the ABI (SOVERSION) this binding is written for
NO_DATE = -(2**31)  # MDT_NO_DATE
NUL_TERMINATED = ctypes.c_size_t(-1).value
AGGREGATE_TOTALS = ctypes.c_size_t(-1).value
_HERE = pathlib.Path(__file__).resolve().parent


def _candidates() -> List[str]:
    env = os.environ.get("MANDATE_LIBRARY")
    if env:
        return [env]
    found = [str(p) for p in sorted(_HERE.glob("libmandate.so*")) + sorted(_HERE.glob("libmandate*.dylib"))]
    system = ctypes.util.find_library("mandate")
    if system:
        found.append(system)
    return found


def _load() -> ctypes.CDLL:
    tried = _candidates()
    if not tried:
        raise ImportError(
            "mandate: libmandate not found: the wheel bundles it next to this module "
            f"({_HERE}), and neither MANDATE_LIBRARY nor the system loader names one; "
            "reinstall the package (pip install ./bindings/python) or set MANDATE_LIBRARY "
            "to the path of libmandate.so")
    errors = []
    for path in tried:
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append(f"{path}: {e}")
    raise ImportError("mandate: cannot load libmandate: " + "; ".join(errors))


lib = _load()
PATH: str = getattr(lib, "_name", "")

P = ctypes.c_void_p
PP = ctypes.POINTER(ctypes.c_void_p)
c_char_pp = ctypes.POINTER(ctypes.c_char_p)
size_t = ctypes.c_size_t
i32 = ctypes.c_int32
u32 = ctypes.c_uint32
u64 = ctypes.c_uint64
i32p = ctypes.POINTER(i32)
u32p = ctypes.POINTER(u32)
u64p = ctypes.POINTER(u64)
sizep = ctypes.POINTER(size_t)
intp = ctypes.POINTER(ctypes.c_int)
doublep = ctypes.POINTER(ctypes.c_double)


# ---- structs (each starts with uint32_t version; filled by its mdt_*_init) ----------------

class DeadlineContext(ctypes.Structure):
    _fields_ = [("version", u32), ("plan_year", i32), ("assigned", i32),
                ("inclusive_before", i32), ("calendar", P)]


class ClassifyOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("soon_days", i32), ("baseline", i32)]


class StatusCounts(ctypes.Structure):
    _fields_ = [("version", u32), ("status_count", u32), ("total", u64),
                ("by_status", u64 * 16), ("not_yet_assigned", u64)]


class TaskInput(ctypes.Structure):
    _fields_ = [("version", u32), ("id", ctypes.c_char_p), ("title", ctypes.c_char_p),
                ("lead", c_char_pp), ("lead_count", size_t),
                ("coordinators", c_char_pp), ("coordinator_count", size_t),
                ("partners", c_char_pp), ("partner_count", size_t),
                ("lead_text", ctypes.c_char_p), ("coordinators_text", ctypes.c_char_p),
                ("sources", c_char_pp), ("source_count", size_t),
                ("category", ctypes.c_char_p), ("expected_result", ctypes.c_char_p),
                ("deadline", P), ("deadline_text", ctypes.c_char_p),
                ("deadline_context", ctypes.POINTER(DeadlineContext)), ("assigned", i32),
                ("note", ctypes.c_char_p)]


class EventInput(ctypes.Structure):
    _fields_ = [("version", u32), ("type", i32), ("date", i32), ("percent", i32),
                ("text", ctypes.c_char_p), ("evidence", c_char_pp), ("evidence_count", size_t),
                ("new_deadline", P), ("new_deadline_text", ctypes.c_char_p),
                ("new_deadline_context", ctypes.POINTER(DeadlineContext)),
                ("document", ctypes.c_char_p)]


class DeadlineInfo(ctypes.Structure):
    _fields_ = [("version", u32), ("kind", i32), ("text", P), ("text_len", size_t),
                ("due", i32), ("anchor", i32), ("first_due", i32), ("relative_days", i32),
                ("relative_working_days", i32), ("has_recurrence", i32), ("frequency", i32),
                ("day_of_period", u32), ("recurrence_before", i32), ("milestone_count", size_t),
                ("explanation_count", size_t), ("span_begin", size_t), ("span_end", size_t)]


class ClassificationInfo(ctypes.Structure):
    _fields_ = [("version", u32), ("task", u32), ("status", i32), ("due", i32),
                ("deadline_kind", i32), ("completed", i32), ("decisive_event", i32),
                ("reason", P), ("reason_len", size_t), ("has_baseline_status", i32),
                ("baseline_status", i32), ("behind_schedule", i32),
                ("expected_percent", ctypes.c_double), ("reported_percent", i32),
                ("milestone_count", size_t), ("occurrence_count", size_t),
                ("met_on_time", i32), ("met_late", i32), ("missed", i32)]


class LoadOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("registry", P), ("strict", i32), ("require_checksum", i32),
                ("plan_year", i32), ("as_of", i32), ("max_bytes", u64), ("max_problems", u64)]


class AggregateOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("classify", ctypes.POINTER(ClassifyOptions)),
                ("by", i32p), ("by_count", size_t), ("category_level", i32),
                ("include_coordinators", i32), ("assigned_from", i32), ("assigned_to", i32),
                ("completed_from", i32), ("completed_to", i32), ("due_from", i32),
                ("due_to", i32), ("threads", i32), ("max_groups", u64)]


class ReportOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("since", i32), ("soon_days", i32), ("format", i32),
                ("language", i32), ("criteria_threshold", ctypes.c_double)]


class RankOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("measure", i32), ("descending", i32), ("limit", u64),
                ("include_none", i32)]


class LunarDate(ctypes.Structure):
    _fields_ = [("year", i32), ("month", u32), ("day", u32), ("is_leap_month", i32)]


def _fn(name: str, *argtypes: Any, restype: Any = ctypes.c_int) -> Callable[..., Any]:
    f = getattr(lib, name)
    f.argtypes = list(argtypes)
    f.restype = restype
    return f


# ---- prototypes ------------------------------------------------------------------------
_fn("mdt_version_number", restype=i32)
_fn("mdt_abi_version", restype=i32)
_fn("mdt_version", restype=ctypes.c_char_p)
_fn("mdt_last_error", restype=ctypes.c_char_p)
_fn("mdt_clear_error", restype=None)
_fn("mdt_status_name", ctypes.c_int, restype=ctypes.c_char_p)
_fn("mdt_string_free", P, restype=None)
for _enum in ("task_status", "deadline_kind", "frequency", "event_type", "agency_kind",
              "target_direction", "day_kind", "dimension", "measure", "target_status"):
    _fn(f"mdt_{_enum}_name", ctypes.c_int, restype=ctypes.c_char_p)
_fn("mdt_date_parse", i32p, ctypes.c_char_p, size_t)
_fn("mdt_date_from_ymd", i32p, i32, u32, u32)
# registry and resolution
_fn("mdt_registry_bundled", PP)
_fn("mdt_registry_from_file", PP, ctypes.c_char_p)
_fn("mdt_registry_free", P, restype=None)
_fn("mdt_registry_agency_count", sizep, P)
_fn("mdt_registry_agency", c_char_pp, c_char_pp, intp, P, size_t)
_fn("mdt_registry_find_name", sizep, P, ctypes.c_char_p, size_t)
_fn("mdt_registry_resolve", PP, P, ctypes.c_char_p, size_t)
_fn("mdt_resolution_free", P, restype=None)
_fn("mdt_resolution_agency_count", sizep, P)
_fn("mdt_resolution_agency", sizep, c_char_pp, P, size_t)
_fn("mdt_resolution_unresolved_count", sizep, P)
_fn("mdt_resolution_unresolved", PP, sizep, P, size_t)
_fn("mdt_resolution_collective_count", sizep, P)
_fn("mdt_resolution_collective", PP, sizep, P, size_t)
# calendar
_fn("mdt_calendar_new", PP, ctypes.c_int)
_fn("mdt_calendar_free", P, restype=None)
_fn("mdt_calendar_add_schedule", P, ctypes.c_char_p, size_t)
_fn("mdt_calendar_is_working_day", intp, P, i32)
_fn("mdt_calendar_day_off_reason", PP, sizep, P, i32)
_fn("mdt_calendar_working_day_reason", PP, sizep, P, i32)
_fn("mdt_calendar_add_working_days", i32p, P, i32, i32)
_fn("mdt_calendar_working_days_between", i32p, P, i32, i32)
_fn("mdt_calendar_next_working_day", i32p, P, i32)
_fn("mdt_calendar_days_off", i32p, size_t, sizep, P, i32, i32)
_fn("mdt_calendar_schedule_years", i32p, size_t, sizep, P)
_fn("mdt_calendar_day_kind", i32p, P, i32)
_fn("mdt_lunar_from_solar", ctypes.POINTER(LunarDate), i32)
_fn("mdt_lunar_to_solar", i32p, ctypes.POINTER(LunarDate))
_fn("mdt_lunar_leap_month", u32p, i32)
_fn("mdt_lunar_month_length", u32p, i32, u32, i32)
# deadlines
_fn("mdt_deadline_parse", PP, ctypes.c_char_p, size_t, ctypes.POINTER(DeadlineContext))
_fn("mdt_deadline_extract", PP, ctypes.c_char_p, size_t, ctypes.POINTER(DeadlineContext))
_fn("mdt_deadline_free", P, restype=None)
_fn("mdt_deadline_get_info", ctypes.POINTER(DeadlineInfo), P)
_fn("mdt_deadline_milestone", PP, sizep, intp, i32p, P, size_t)
_fn("mdt_deadline_explanation", PP, sizep, P, size_t)
_fn("mdt_deadline_occurrences", i32p, size_t, sizep, P, i32, i32)
_fn("mdt_deadline_effective_due", i32p, P, i32)
# datasets
_fn("mdt_dataset_new", PP, P)
_fn("mdt_dataset_free", P, restype=None)
_fn("mdt_dataset_load_json", PP, PP, ctypes.c_char_p, ctypes.POINTER(LoadOptions))
_fn("mdt_dataset_read_json", PP, PP, ctypes.c_char_p, size_t, ctypes.POINTER(LoadOptions))
_fn("mdt_dataset_load_csv", PP, PP, ctypes.c_char_p, ctypes.POINTER(LoadOptions))
_fn("mdt_dataset_read_csv", PP, PP, ctypes.c_char_p, size_t, ctypes.POINTER(LoadOptions))
_fn("mdt_dataset_save_json", P, ctypes.c_char_p)
_fn("mdt_dataset_save_csv", P, ctypes.c_char_p)
_fn("mdt_dataset_write_json", PP, sizep, P)
_fn("mdt_dataset_write_csv", PP, sizep, P)
_fn("mdt_problems_free", P, restype=None)
_fn("mdt_problems_count", sizep, P)
_fn("mdt_problems_get", c_char_pp, c_char_pp, c_char_pp, P, size_t)
_fn("mdt_dataset_add_task", u32p, P, ctypes.POINTER(TaskInput))
_fn("mdt_dataset_add_task_json", u32p, P, ctypes.c_char_p, size_t)
_fn("mdt_dataset_add_event", P, ctypes.c_char_p, ctypes.POINTER(EventInput))
_fn("mdt_dataset_complete_task", P, ctypes.c_char_p, i32)
_fn("mdt_dataset_cancel_task", P, ctypes.c_char_p, i32, ctypes.c_char_p, ctypes.c_char_p)
_fn("mdt_dataset_task_count", sizep, P)
_fn("mdt_dataset_find_task", u32p, P, ctypes.c_char_p)
for _field in ("id", "title", "category"):
    _fn(f"mdt_dataset_task_{_field}", PP, sizep, P, u32)
for _list in ("lead", "coordinator", "source"):
    _fn(f"mdt_dataset_task_{_list}_count", sizep, P, u32)
    _fn(f"mdt_dataset_task_{_list}", PP, sizep, P, u32, size_t)
_fn("mdt_dataset_task_deadline", PP, P, u32)
_fn("mdt_dataset_task_assigned", i32p, P, u32)
_fn("mdt_dataset_task_due", i32p, P, u32, i32)
_fn("mdt_dataset_task_completed", i32p, P, u32, i32)
_fn("mdt_dataset_task_status", i32p, P, u32, i32, ctypes.POINTER(ClassifyOptions))
_fn("mdt_dataset_registry", PP, P)
# columns
_fn("mdt_dataset_columns", PP, P, i32, ctypes.POINTER(ClassifyOptions))
_fn("mdt_task_columns_free", P, restype=None)
_fn("mdt_task_columns_count", sizep, i32p, P)
_fn("mdt_task_columns_ids", ctypes.POINTER(u64p), PP, P)
_fn("mdt_task_columns_days", ctypes.POINTER(i32p), ctypes.POINTER(i32p), ctypes.POINTER(i32p), P)
_fn("mdt_task_columns_status", ctypes.POINTER(i32p), P)
_fn("mdt_task_columns_leads", ctypes.POINTER(u64p), ctypes.POINTER(u32p), P)
_fn("mdt_task_columns_coordinators", ctypes.POINTER(u64p), ctypes.POINTER(u32p), P)
# classification
_fn("mdt_classify_task", PP, P, u32, i32, ctypes.POINTER(ClassifyOptions))
_fn("mdt_classification_free", P, restype=None)
_fn("mdt_classification_get_info", ctypes.POINTER(ClassificationInfo), P)
_fn("mdt_classification_no_reports", i32p, i32p, P)
_fn("mdt_classify_count", ctypes.POINTER(StatusCounts), P, i32, ctypes.POINTER(ClassifyOptions))
_fn("mdt_classify_all", i32p, size_t, sizep, P, i32, ctypes.POINTER(ClassifyOptions))
# aggregation and reports
_fn("mdt_aggregate", PP, P, i32, ctypes.POINTER(AggregateOptions))
_fn("mdt_aggregate_result_free", P, restype=None)
_fn("mdt_aggregate_group_count", sizep, P)
_fn("mdt_aggregate_dimension_count", sizep, P)
_fn("mdt_aggregate_counts", ctypes.POINTER(StatusCounts), P, size_t)
_fn("mdt_aggregate_label", PP, sizep, P, size_t, size_t)
_fn("mdt_aggregate_measure", doublep, P, size_t, ctypes.c_int)
_fn("mdt_aggregate_rank", sizep, size_t, sizep, P, ctypes.POINTER(RankOptions))
_fn("mdt_report", PP, sizep, P, i32, ctypes.POINTER(ReportOptions))
for _name, _struct in (("load_options", LoadOptions), ("classify_options", ClassifyOptions),
                       ("deadline_context", DeadlineContext), ("task_input", TaskInput),
                       ("event_input", EventInput), ("aggregate_options", AggregateOptions),
                       ("report_options", ReportOptions), ("rank_options", RankOptions),
                       ("deadline_info", DeadlineInfo), ("status_counts", StatusCounts),
                       ("classification_info", ClassificationInfo)):
    _fn(f"mdt_{_name}_init", ctypes.POINTER(_struct), u32)

if lib.mdt_abi_version() != ABI:
    raise ImportError(
        f"mandate: {PATH} is libmandate {lib.mdt_version().decode()} with ABI "
        f"{lib.mdt_abi_version()}; this binding is written for ABI {ABI}")


def init(struct_type: Any) -> Any:
    """A struct filled with its defaults by the library's mdt_*_init (version 1)."""
    from ._errors import check  # noqa: PLC0415 (circular at import time)

    name = {LoadOptions: "load_options", ClassifyOptions: "classify_options",
            DeadlineContext: "deadline_context", TaskInput: "task_input",
            EventInput: "event_input", AggregateOptions: "aggregate_options",
            ReportOptions: "report_options", RankOptions: "rank_options",
            DeadlineInfo: "deadline_info", StatusCounts: "status_counts",
            ClassificationInfo: "classification_info"}[struct_type]
    s = struct_type()
    check(getattr(lib, f"mdt_{name}_init")(ctypes.byref(s), 1))
    return s


def take_string(ptr: Optional[int], length: int) -> Optional[str]:
    """An allocated string result: copied, then freed with mdt_string_free."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr, length).decode("utf-8")
    finally:
        lib.mdt_string_free(ptr)


def borrowed(ptr: Optional[int], length: int) -> Optional[str]:
    """A lent string result (valid while its handle lives): copied."""
    return None if not ptr else ctypes.string_at(ptr, length).decode("utf-8")


def encode(text: Optional[str]) -> Optional[bytes]:
    """UTF-8 bytes of an optional string."""
    return None if text is None else str(text).encode("utf-8")


def string_array(items: Any) -> Tuple[Any, int]:
    """A (char**, count) pair for a sequence of strings (keep the array alive)."""
    raw = [str(i).encode("utf-8") for i in (items or [])]
    return (ctypes.c_char_p * max(1, len(raw)))(*raw), len(raw)
