"""A Python binding of the mandate C ABI with ctypes (standard library only).

The shared library is found through the MANDATE_LIBRARY environment variable (a path to
libmandate.so), else in the build tree next to this file (build/lib/), else by the system
loader. The binding checks the runtime major version when it loads.

    import datetime, mandate
    with mandate.Dataset.load_json("examples/data/plan-2025.json") as ds:
        print(ds.counts(datetime.date(2025, 9, 23)))

Errors raise mandate.Error (status code, status name and mdt_last_error()). Handles are
closed by context managers, close(), or when garbage collected.
"""

import ctypes
import ctypes.util
import datetime
import math
import os
import pathlib

__all__ = [
    "Error", "Dataset", "Registry", "Calendar", "Deadline", "Classification", "Aggregate",
    "TASK_STATUSES", "DEADLINE_KINDS", "DIMENSIONS", "MEASURES", "library", "version",
]

# Fixed forever, as in mandate.h.
TASK_STATUSES = ("completed_on_time", "completed_late", "overdue", "due_soon", "in_progress",
                 "cancelled")
NOT_YET_ASSIGNED = -1
DEADLINE_KINDS = ("unknown", "date", "before", "month", "quarter", "half", "year", "recurring",
                  "ongoing", "roadmap", "open_ended", "multi", "relative", "none")
DIMENSIONS = ("lead", "coordinator", "agency_kind", "category", "source", "due_month",
              "assigned_month", "deadline_kind", "status")
MEASURES = ("total", "completed_on_time", "completed_late", "overdue", "due_soon", "in_progress",
            "cancelled", "completed", "completion_rate", "on_time_rate", "overdue_rate")
EVENT_TYPES = ("progress", "completed", "reopened", "deadline_changed", "cancelled")
NO_DATE = -(2 ** 31)
NUL_TERMINATED = ctypes.c_size_t(-1).value
_EPOCH = datetime.date(1970, 1, 1)
_ABI = 1  # the ABI (SOVERSION) this binding is written for
DAY_KINDS = ("working", "weekend", "holiday", "substitute_day_off", "swapped_day_off",
             "swapped_working_day")  # mdt_day_kind values 0..5


def _find_library():
    env = os.environ.get("MANDATE_LIBRARY")
    if env:
        return env
    here = pathlib.Path(__file__).resolve().parent
    for build in ("build", "build-asan"):
        for name in ("libmandate.so", "libmandate.dylib"):
            p = here.parent.parent / build / "lib" / name
            if p.exists():
                return str(p)
    found = ctypes.util.find_library("mandate")
    if found:
        return found
    raise OSError("libmandate not found: set MANDATE_LIBRARY to the shared library's path")


library = ctypes.CDLL(_find_library())
_c = library

P = ctypes.c_void_p
c_char_pp = ctypes.POINTER(ctypes.c_char_p)
size_t = ctypes.c_size_t
i32 = ctypes.c_int32
u32 = ctypes.c_uint32
u64 = ctypes.c_uint64


class _DeadlineContext(ctypes.Structure):
    _fields_ = [("version", u32), ("plan_year", i32), ("assigned", i32),
                ("inclusive_before", i32), ("calendar", P)]

    @classmethod
    def make(cls, plan_year=None, assigned=None, inclusive_before=False, calendar=None):
        return cls(1, plan_year or 0, _to_day(assigned), 1 if inclusive_before else 0,
                   calendar._h if calendar is not None else None)


class _ClassifyOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("soon_days", i32), ("baseline", i32)]

    @classmethod
    def make(cls, soon_days=7, baseline=False):
        return cls(1, soon_days, 1 if baseline else 0)


class _StatusCounts(ctypes.Structure):
    _fields_ = [("version", u32), ("status_count", u32), ("total", u64),
                ("by_status", u64 * 16), ("not_yet_assigned", u64)]


class _TaskInput(ctypes.Structure):
    _fields_ = [("version", u32), ("id", ctypes.c_char_p), ("title", ctypes.c_char_p),
                ("lead", c_char_pp), ("lead_count", size_t),
                ("coordinators", c_char_pp), ("coordinator_count", size_t),
                ("partners", c_char_pp), ("partner_count", size_t),
                ("lead_text", ctypes.c_char_p), ("coordinators_text", ctypes.c_char_p),
                ("sources", c_char_pp), ("source_count", size_t),
                ("category", ctypes.c_char_p), ("expected_result", ctypes.c_char_p),
                ("deadline", P), ("deadline_text", ctypes.c_char_p),
                ("deadline_context", ctypes.POINTER(_DeadlineContext)), ("assigned", i32),
                ("note", ctypes.c_char_p)]


class _EventInput(ctypes.Structure):
    _fields_ = [("version", u32), ("type", i32), ("date", i32), ("percent", i32),
                ("text", ctypes.c_char_p), ("evidence", c_char_pp), ("evidence_count", size_t),
                ("new_deadline", P), ("new_deadline_text", ctypes.c_char_p),
                ("new_deadline_context", ctypes.POINTER(_DeadlineContext)),
                ("document", ctypes.c_char_p)]


class _DeadlineInfo(ctypes.Structure):
    _fields_ = [("version", u32), ("kind", i32), ("text", ctypes.c_void_p),
                ("text_len", size_t), ("due", i32), ("anchor", i32), ("first_due", i32),
                ("relative_days", i32), ("relative_working_days", i32), ("has_recurrence", i32),
                ("frequency", i32), ("day_of_period", u32), ("recurrence_before", i32),
                ("milestone_count", size_t), ("explanation_count", size_t),
                ("span_begin", size_t), ("span_end", size_t)]


class _ClassificationInfo(ctypes.Structure):
    _fields_ = [("version", u32), ("task", u32), ("status", i32), ("due", i32),
                ("deadline_kind", i32), ("completed", i32), ("decisive_event", i32),
                ("reason", ctypes.c_void_p), ("reason_len", size_t),
                ("has_baseline_status", i32), ("baseline_status", i32),
                ("behind_schedule", i32), ("expected_percent", ctypes.c_double),
                ("reported_percent", i32), ("milestone_count", size_t),
                ("occurrence_count", size_t), ("met_on_time", i32), ("met_late", i32),
                ("missed", i32)]


class _LoadOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("registry", P), ("strict", i32), ("require_checksum", i32),
                ("plan_year", i32), ("as_of", i32), ("max_bytes", u64), ("max_problems", u64)]


class _AggregateOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("classify", ctypes.POINTER(_ClassifyOptions)),
                ("by", ctypes.POINTER(i32)), ("by_count", size_t),
                ("category_level", i32), ("include_coordinators", i32),
                ("assigned_from", i32), ("assigned_to", i32), ("completed_from", i32),
                ("completed_to", i32), ("due_from", i32), ("due_to", i32), ("threads", i32),
                ("max_groups", u64)]


class _ReportOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("since", i32), ("soon_days", i32), ("format", i32),
                ("language", i32), ("criteria_threshold", ctypes.c_double)]


class _RankOptions(ctypes.Structure):
    _fields_ = [("version", u32), ("measure", i32), ("descending", i32),
                ("limit", u64), ("include_none", i32)]


def _fn(name, *argtypes, restype=ctypes.c_int):
    f = getattr(_c, name)
    f.argtypes = list(argtypes)
    f.restype = restype
    return f


_fn("mdt_version_number", restype=i32)
_fn("mdt_version", restype=ctypes.c_char_p)
_fn("mdt_last_error", restype=ctypes.c_char_p)
_fn("mdt_clear_error", restype=None)
_fn("mdt_status_name", ctypes.c_int, restype=ctypes.c_char_p)
_fn("mdt_string_free", P, restype=None)
_fn("mdt_task_status_name", ctypes.c_int, restype=ctypes.c_char_p)
_fn("mdt_date_parse", ctypes.POINTER(i32), ctypes.c_char_p, size_t)
_fn("mdt_registry_bundled", ctypes.POINTER(P))
_fn("mdt_registry_from_file", ctypes.POINTER(P), ctypes.c_char_p)
_fn("mdt_registry_free", P, restype=None)
_fn("mdt_registry_agency_count", ctypes.POINTER(size_t), P)
_fn("mdt_registry_find_name", ctypes.POINTER(size_t), P, ctypes.c_char_p, size_t)
_fn("mdt_registry_agency", c_char_pp, c_char_pp, ctypes.POINTER(ctypes.c_int), P, size_t)
_fn("mdt_registry_resolve", ctypes.POINTER(P), P, ctypes.c_char_p, size_t)
_fn("mdt_resolution_free", P, restype=None)
_fn("mdt_resolution_agency_count", ctypes.POINTER(size_t), P)
_fn("mdt_resolution_agency", ctypes.POINTER(size_t), c_char_pp, P, size_t)
_fn("mdt_resolution_unresolved_count", ctypes.POINTER(size_t), P)
_fn("mdt_resolution_unresolved", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P, size_t)
_fn("mdt_calendar_new", ctypes.POINTER(P), ctypes.c_int)
_fn("mdt_calendar_free", P, restype=None)
_fn("mdt_calendar_is_working_day", ctypes.POINTER(ctypes.c_int), P, i32)
_fn("mdt_calendar_add_working_days", ctypes.POINTER(i32), P, i32, i32)
_fn("mdt_calendar_working_days_between", ctypes.POINTER(i32), P, i32, i32)
_fn("mdt_calendar_day_off_reason", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P, i32)
_fn("mdt_deadline_parse", ctypes.POINTER(P), ctypes.c_char_p, size_t, ctypes.POINTER(_DeadlineContext))
_fn("mdt_deadline_extract", ctypes.POINTER(P), ctypes.c_char_p, size_t, ctypes.POINTER(_DeadlineContext))
_fn("mdt_deadline_free", P, restype=None)
_fn("mdt_deadline_get_info", ctypes.POINTER(_DeadlineInfo), P)
_fn("mdt_dataset_new", ctypes.POINTER(P), P)
_fn("mdt_dataset_free", P, restype=None)
_fn("mdt_dataset_load_json", ctypes.POINTER(P), ctypes.POINTER(P), ctypes.c_char_p, ctypes.POINTER(_LoadOptions))
_fn("mdt_dataset_read_json", ctypes.POINTER(P), ctypes.POINTER(P), ctypes.c_char_p, size_t, ctypes.POINTER(_LoadOptions))
_fn("mdt_dataset_load_csv", ctypes.POINTER(P), ctypes.POINTER(P), ctypes.c_char_p, ctypes.POINTER(_LoadOptions))
_fn("mdt_dataset_save_json", P, ctypes.c_char_p)
_fn("mdt_dataset_write_json", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P)
_fn("mdt_problems_free", P, restype=None)
_fn("mdt_problems_count", ctypes.POINTER(size_t), P)
_fn("mdt_problems_get", c_char_pp, c_char_pp, c_char_pp, P, size_t)
_fn("mdt_dataset_add_task", ctypes.POINTER(u32), P, ctypes.POINTER(_TaskInput))
_fn("mdt_dataset_add_task_json", ctypes.POINTER(u32), P, ctypes.c_char_p, size_t)
_fn("mdt_dataset_add_event", P, ctypes.c_char_p, ctypes.POINTER(_EventInput))
_fn("mdt_dataset_task_count", ctypes.POINTER(size_t), P)
_fn("mdt_dataset_find_task", ctypes.POINTER(u32), P, ctypes.c_char_p)
_fn("mdt_dataset_task_id", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P, u32)
_fn("mdt_dataset_task_title", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P, u32)
_fn("mdt_classify_count", ctypes.POINTER(_StatusCounts), P, i32, ctypes.POINTER(_ClassifyOptions))
_fn("mdt_classify_all", ctypes.POINTER(i32), size_t, ctypes.POINTER(size_t), P, i32, ctypes.POINTER(_ClassifyOptions))
_fn("mdt_classify_task", ctypes.POINTER(P), P, u32, i32, ctypes.POINTER(_ClassifyOptions))
_fn("mdt_classification_free", P, restype=None)
_fn("mdt_classification_get_info", ctypes.POINTER(_ClassificationInfo), P)
_fn("mdt_classification_iter_new", ctypes.POINTER(P), P, i32, ctypes.POINTER(_ClassifyOptions))
_fn("mdt_classification_iter_free", P, restype=None)
_fn("mdt_classification_iter_next", ctypes.POINTER(ctypes.c_int), ctypes.POINTER(u32), ctypes.POINTER(ctypes.c_int), P)
_fn("mdt_aggregate", ctypes.POINTER(P), P, i32, ctypes.POINTER(_AggregateOptions))
_fn("mdt_aggregate_result_free", P, restype=None)
_fn("mdt_aggregate_group_count", ctypes.POINTER(size_t), P)
_fn("mdt_aggregate_dimension_count", ctypes.POINTER(size_t), P)
_fn("mdt_aggregate_counts", ctypes.POINTER(_StatusCounts), P, size_t)
_fn("mdt_aggregate_label", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P, size_t, size_t)
_fn("mdt_aggregate_measure", ctypes.POINTER(ctypes.c_double), P, size_t, ctypes.c_int)
_fn("mdt_report", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P, i32, ctypes.POINTER(_ReportOptions))
_fn("mdt_aggregate_rank", ctypes.POINTER(size_t), size_t, ctypes.POINTER(size_t), P, ctypes.POINTER(_RankOptions))
for _name, _struct in (("load_options", "_LoadOptions"), ("classify_options", "_ClassifyOptions"),
                       ("deadline_context", "_DeadlineContext"), ("task_input", "_TaskInput"),
                       ("event_input", "_EventInput"), ("aggregate_options", "_AggregateOptions"),
                       ("report_options", "_ReportOptions"), ("rank_options", "_RankOptions"),
                       ("deadline_info", "_DeadlineInfo"), ("status_counts", "_StatusCounts"),
                       ("classification_info", "_ClassificationInfo")):
    _fn(f"mdt_{_name}_init", ctypes.POINTER(globals()[_struct]), u32)
_u64p, _u32p, _i32p = ctypes.POINTER(u64), ctypes.POINTER(u32), ctypes.POINTER(i32)
_fn("mdt_dataset_registry", ctypes.POINTER(P), P)
_fn("mdt_dataset_task_category", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P, u32)
for _list in ("lead", "coordinator", "source"):
    _fn(f"mdt_dataset_task_{_list}_count", ctypes.POINTER(size_t), P, u32)
    _fn(f"mdt_dataset_task_{_list}", ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size_t), P, u32, size_t)
_fn("mdt_dataset_task_assigned", _i32p, P, u32)
_fn("mdt_dataset_task_due", _i32p, P, u32, i32)
_fn("mdt_dataset_task_completed", _i32p, P, u32, i32)
_fn("mdt_dataset_task_status", _i32p, P, u32, i32, ctypes.POINTER(_ClassifyOptions))
_fn("mdt_dataset_columns", ctypes.POINTER(P), P, i32, ctypes.POINTER(_ClassifyOptions))
_fn("mdt_task_columns_free", P, restype=None)
_fn("mdt_task_columns_count", ctypes.POINTER(size_t), _i32p, P)
_fn("mdt_task_columns_ids", ctypes.POINTER(_u64p), ctypes.POINTER(ctypes.c_void_p), P)
_fn("mdt_task_columns_days", ctypes.POINTER(_i32p), ctypes.POINTER(_i32p), ctypes.POINTER(_i32p), P)
_fn("mdt_task_columns_status", ctypes.POINTER(_i32p), P)
_fn("mdt_task_columns_leads", ctypes.POINTER(_u64p), ctypes.POINTER(_u32p), P)
_fn("mdt_task_columns_coordinators", ctypes.POINTER(_u64p), ctypes.POINTER(_u32p), P)
_fn("mdt_calendar_schedule_years", _i32p, size_t, ctypes.POINTER(size_t), P)
_fn("mdt_calendar_day_kind", _i32p, P, i32)
_fn("mdt_lunar_leap_month", _u32p, i32)
_fn("mdt_lunar_month_length", _u32p, i32, u32, i32)


class Error(Exception):
    """A failed mdt_ call: .status (int), .name ("MDT_ERR_PARSE") and .message."""

    def __init__(self, status, message):
        self.status = status
        self.name = _c.mdt_status_name(status).decode()
        self.message = message
        super().__init__(f"{self.name}: {message}")


def _check(status):
    if status != 0:
        raise Error(status, _c.mdt_last_error().decode("utf-8", "replace"))


def _b(text):
    return None if text is None else text.encode("utf-8")


def _to_day(value):
    if value is None:
        return NO_DATE
    if isinstance(value, str):
        d = i32()
        raw = value.encode()
        _check(_c.mdt_date_parse(ctypes.byref(d), raw, len(raw)))
        return d.value
    if isinstance(value, datetime.datetime):
        value = value.date()
    return (value - _EPOCH).days


def _from_day(days):
    return None if days == NO_DATE else _EPOCH + datetime.timedelta(days=days)


def _take_string(ptr, length):
    """An allocated string result: copied, then freed with mdt_string_free."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr, length).decode("utf-8")
    finally:
        _c.mdt_string_free(ptr)


def _borrowed(ptr, length):
    return None if not ptr else ctypes.string_at(ptr, length).decode("utf-8")


def _strings(items):
    items = [i.encode("utf-8") for i in (items or [])]
    arr = (ctypes.c_char_p * max(1, len(items)))(*items)
    return arr, len(items)


def version():
    return _c.mdt_version().decode()


_fn("mdt_abi_version", restype=i32)
if _c.mdt_abi_version() != _ABI:
    raise ImportError(f"libmandate {version()} has ABI {_c.mdt_abi_version()}; this binding needs {_ABI}")


class _Handle:
    _free = None

    def __init__(self, handle):
        self._h = handle

    def close(self):
        if self._h:
            type(self)._free(self._h)
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    @property
    def handle(self):
        if not self._h:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._h


class Registry(_Handle):
    """The agency registry (bundled by default)."""
    _free = _c.mdt_registry_free

    def __init__(self, path=None):
        h = P()
        if path is None:
            _check(_c.mdt_registry_bundled(ctypes.byref(h)))
        else:
            _check(_c.mdt_registry_from_file(ctypes.byref(h), _b(str(path))))
        super().__init__(h.value)

    def __len__(self):
        n = size_t()
        _check(_c.mdt_registry_agency_count(ctypes.byref(n), self.handle))
        return n.value

    def resolve(self, cell):
        """(agency ids, unresolved parts) of a raw "lead" cell."""
        raw = cell.encode("utf-8")
        r = P()
        _check(_c.mdt_registry_resolve(ctypes.byref(r), self.handle, raw, len(raw)))
        try:
            n = size_t()
            _check(_c.mdt_resolution_agency_count(ctypes.byref(n), r))
            ids = []
            for i in range(n.value):
                cid = ctypes.c_char_p()
                _check(_c.mdt_resolution_agency(None, ctypes.byref(cid), r, i))
                ids.append(cid.value.decode())
            _check(_c.mdt_resolution_unresolved_count(ctypes.byref(n), r))
            parts = []
            for i in range(n.value):
                p, ln = ctypes.c_void_p(), size_t()
                _check(_c.mdt_resolution_unresolved(ctypes.byref(p), ctypes.byref(ln), r, i))
                parts.append(_borrowed(p.value, ln.value))
            return ids, parts
        finally:
            _c.mdt_resolution_free(r)


class Calendar(_Handle):
    """Vietnam's working-day calendar (rules_only=True: the Labour Code rules alone)."""
    _free = _c.mdt_calendar_free

    def __init__(self, rules_only=False):
        h = P()
        _check(_c.mdt_calendar_new(ctypes.byref(h), 1 if rules_only else 0))
        super().__init__(h.value)

    def is_working_day(self, day):
        out = ctypes.c_int()
        _check(_c.mdt_calendar_is_working_day(ctypes.byref(out), self.handle, _to_day(day)))
        return bool(out.value)

    def day_off_reason(self, day):
        p, n = ctypes.c_void_p(), size_t()
        _check(_c.mdt_calendar_day_off_reason(ctypes.byref(p), ctypes.byref(n), self.handle, _to_day(day)))
        return _take_string(p.value, n.value)

    def add_working_days(self, day, n):
        out = i32()
        _check(_c.mdt_calendar_add_working_days(ctypes.byref(out), self.handle, _to_day(day), n))
        return _from_day(out.value)

    def schedule_years(self):
        """The years with an official schedule, ascending."""
        n = size_t()
        _check(_c.mdt_calendar_schedule_years(None, 0, ctypes.byref(n), self.handle))
        buf = (i32 * max(1, n.value))()
        _check(_c.mdt_calendar_schedule_years(buf, n.value, ctypes.byref(n), self.handle))
        return list(buf[:n.value])

    def day_kind(self, day):
        """One of DAY_KINDS: "working", "weekend", "holiday", "substitute_day_off", ..."""
        out = i32()
        _check(_c.mdt_calendar_day_kind(ctypes.byref(out), self.handle, _to_day(day)))
        return DAY_KINDS[out.value]

    @staticmethod
    def lunar_leap_month(year):
        """The leap month (1..12) of a lunar year, or None."""
        out = u32()
        _check(_c.mdt_lunar_leap_month(ctypes.byref(out), year))
        return out.value or None

    @staticmethod
    def lunar_month_length(year, month, leap=False):
        out = u32()
        _check(_c.mdt_lunar_month_length(ctypes.byref(out), year, month, 1 if leap else 0))
        return out.value

    def working_days_between(self, start, end):
        out = i32()
        _check(_c.mdt_calendar_working_days_between(ctypes.byref(out), self.handle, _to_day(start), _to_day(end)))
        return out.value


class Deadline(_Handle):
    """A parsed deadline phrase: kind, due, anchor, text (and span for extract())."""
    _free = _c.mdt_deadline_free

    @classmethod
    def parse(cls, text, plan_year=None, assigned=None, inclusive_before=False, calendar=None):
        raw = text.encode("utf-8")
        ctx = _DeadlineContext.make(plan_year, assigned, inclusive_before, calendar)
        h = P()
        _check(_c.mdt_deadline_parse(ctypes.byref(h), raw, len(raw), ctypes.byref(ctx)))
        return cls(h.value)

    @classmethod
    def extract(cls, sentence, plan_year=None):
        raw = sentence.encode("utf-8")
        ctx = _DeadlineContext.make(plan_year)
        h = P()
        _check(_c.mdt_deadline_extract(ctypes.byref(h), raw, len(raw), ctypes.byref(ctx)))
        return cls(h.value)

    def _info(self):
        info = _DeadlineInfo(1)
        _check(_c.mdt_deadline_get_info(ctypes.byref(info), self.handle))
        return info

    @property
    def kind(self):
        return DEADLINE_KINDS[self._info().kind]

    @property
    def due(self):
        return _from_day(self._info().due)

    @property
    def anchor(self):
        return _from_day(self._info().anchor)

    @property
    def text(self):
        info = self._info()
        return _borrowed(info.text, info.text_len)


class Classification:
    """Where one task stands as of a day (a plain value; the handle is freed at once)."""

    def __init__(self, handle):
        try:
            info = _ClassificationInfo(1)
            _check(_c.mdt_classification_get_info(ctypes.byref(info), handle))
            self.task = info.task
            self.status = "not_yet_assigned" if info.status == NOT_YET_ASSIGNED else TASK_STATUSES[info.status]
            self.due = _from_day(info.due)
            self.deadline_kind = DEADLINE_KINDS[info.deadline_kind]
            self.completed = _from_day(info.completed)
            self.reason = _borrowed(info.reason, info.reason_len)
            self.behind_schedule = bool(info.behind_schedule)
            self.expected_percent = None if math.isnan(info.expected_percent) else info.expected_percent
            self.reported_percent = None if info.reported_percent < 0 else info.reported_percent
        finally:
            _c.mdt_classification_free(handle)

    def __repr__(self):
        return f"Classification(task={self.task}, status={self.status!r}, due={self.due})"


class Aggregate(_Handle):
    """Status counts per group: iterate for (labels tuple, counts dict)."""
    _free = _c.mdt_aggregate_result_free

    def __len__(self):
        n = size_t()
        _check(_c.mdt_aggregate_group_count(ctypes.byref(n), self.handle))
        return n.value

    def _counts(self, group):
        c = _StatusCounts(1)
        _check(_c.mdt_aggregate_counts(ctypes.byref(c), self.handle, group))
        d = {name: c.by_status[i] for i, name in enumerate(TASK_STATUSES)}
        d["total"] = c.total
        return d

    @property
    def totals(self):
        return self._counts(ctypes.c_size_t(-1).value)

    def labels(self, group):
        dims = size_t()
        _check(_c.mdt_aggregate_dimension_count(ctypes.byref(dims), self.handle))
        out = []
        for d in range(dims.value):
            p, n = ctypes.c_void_p(), size_t()
            _check(_c.mdt_aggregate_label(ctypes.byref(p), ctypes.byref(n), self.handle, group, d))
            out.append(_borrowed(p.value, n.value))
        return tuple(out)

    def measure(self, group, measure):
        v = ctypes.c_double()
        _check(_c.mdt_aggregate_measure(ctypes.byref(v), self.handle, group, MEASURES.index(measure)))
        return None if math.isnan(v.value) else v.value  # NaN: a rate over nothing

    def top(self, measure="total", limit=5, descending=True, include_none=False):
        """[(labels, value)] of the best groups; ties keep key order."""
        opts = _RankOptions(1, MEASURES.index(measure), 1 if descending else 0, limit,
                            1 if include_none else 0)
        n = size_t()
        cap = len(self)
        buf = (ctypes.c_size_t * max(1, cap))()
        _check(_c.mdt_aggregate_rank(buf, cap, ctypes.byref(n), self.handle, ctypes.byref(opts)))
        return [(self.labels(buf[i]), self.measure(buf[i], measure)) for i in range(n.value)]

    def __iter__(self):
        for g in range(len(self)):
            yield self.labels(g), self._counts(g)


class Dataset(_Handle):
    """Tasks, events, targets. Readable from many threads; writes are serialised inside."""
    _free = _c.mdt_dataset_free

    def __init__(self, registry=None, _handle=None):
        if _handle is None:
            h = P()
            _check(_c.mdt_dataset_new(ctypes.byref(h), registry.handle if registry else None))
            _handle = h.value
        super().__init__(_handle)
        self.problems = []

    @classmethod
    def _load(cls, fn, *args, strict=False, plan_year=None):
        opts = _LoadOptions()
        _check(_c.mdt_load_options_init(ctypes.byref(opts), 1))
        opts.strict = 1 if strict else 0
        opts.plan_year = plan_year or 0
        h, problems = P(), P()
        status = fn(ctypes.byref(h), ctypes.byref(problems), *args, ctypes.byref(opts))
        found = []
        if problems.value:
            n = size_t()
            _check(_c.mdt_problems_count(ctypes.byref(n), problems))
            for i in range(n.value):
                rec, field, msg = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
                _check(_c.mdt_problems_get(ctypes.byref(rec), ctypes.byref(field), ctypes.byref(msg), problems, i))
                found.append((rec.value.decode(), field.value.decode(), msg.value.decode()))
            _c.mdt_problems_free(problems)
        _check(status)
        ds = cls(_handle=h.value)
        ds.problems = found
        return ds

    @classmethod
    def load_json(cls, path, strict=False):
        """A dataset file; .problems lists (record, field, message) of what was skipped."""
        return cls._load(_c.mdt_dataset_load_json, _b(str(path)), strict=strict)

    @classmethod
    def read_json(cls, text, strict=False):
        raw = text.encode("utf-8")
        return cls._load(_c.mdt_dataset_read_json, raw, len(raw), strict=strict)

    @classmethod
    def load_csv(cls, path, strict=False, plan_year=None):
        return cls._load(_c.mdt_dataset_load_csv, _b(str(path)), strict=strict, plan_year=plan_year)

    def save_json(self, path):
        _check(_c.mdt_dataset_save_json(self.handle, _b(str(path))))

    def to_json(self):
        p, n = ctypes.c_void_p(), size_t()
        _check(_c.mdt_dataset_write_json(ctypes.byref(p), ctypes.byref(n), self.handle))
        return _take_string(p.value, n.value)

    def __len__(self):
        n = size_t()
        _check(_c.mdt_dataset_task_count(ctypes.byref(n), self.handle))
        return n.value

    def add_task(self, id, title, lead=(), coordinators=(), lead_text=None, deadline=None,
                 plan_year=None, assigned=None, category=None, expected_result=None, note=None,
                 sources=()):
        """Adds a task; deadline is a phrase ("Tháng 10/2025") or a Deadline. Returns its index."""
        t = _TaskInput()
        _check(_c.mdt_task_input_init(ctypes.byref(t), 1))  # the defaults, without the C macro
        t.id, t.title = _b(id), _b(title)
        keep = [_strings(lead), _strings(coordinators), _strings(sources)]
        t.lead, t.lead_count = keep[0]
        t.coordinators, t.coordinator_count = keep[1]
        t.sources, t.source_count = keep[2]
        t.lead_text, t.category = _b(lead_text), _b(category)
        t.expected_result, t.note = _b(expected_result), _b(note)
        if isinstance(deadline, Deadline):
            t.deadline = deadline.handle
        else:
            t.deadline_text = _b(deadline)
        ctx = _DeadlineContext.make(plan_year)  # alive until the call returns
        t.deadline_context = ctypes.pointer(ctx)
        t.assigned = _to_day(assigned)
        out = u32()
        _check(_c.mdt_dataset_add_task(ctypes.byref(out), self.handle, ctypes.byref(t)))
        return out.value

    def add_task_json(self, obj):
        import json
        raw = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        out = u32()
        _check(_c.mdt_dataset_add_task_json(ctypes.byref(out), self.handle, raw, len(raw)))
        return out.value

    def add_event(self, task_id, type, date, percent=None, text=None, evidence=(),
                  new_deadline=None, plan_year=None, document=None):
        """type: "progress", "completed", "reopened", "deadline_changed" or "cancelled"."""
        e = _EventInput()
        _check(_c.mdt_event_input_init(ctypes.byref(e), 1))
        e.type = EVENT_TYPES.index(type)
        e.date = _to_day(date)
        e.percent = -1 if percent is None else percent
        e.text, e.document = _b(text), _b(document)
        ev = _strings(evidence)
        e.evidence, e.evidence_count = ev
        e.new_deadline_text = _b(new_deadline)
        ctx = _DeadlineContext.make(plan_year)
        e.new_deadline_context = ctypes.pointer(ctx)
        _check(_c.mdt_dataset_add_event(self.handle, _b(task_id), ctypes.byref(e)))

    def complete(self, task_id, date):
        self.add_event(task_id, "completed", date)

    def find(self, task_id):
        out = u32()
        _check(_c.mdt_dataset_find_task(ctypes.byref(out), self.handle, _b(task_id)))
        return out.value

    def task_id(self, index):
        p, n = ctypes.c_void_p(), size_t()
        _check(_c.mdt_dataset_task_id(ctypes.byref(p), ctypes.byref(n), self.handle, index))
        return _take_string(p.value, n.value)

    def task_title(self, index):
        p, n = ctypes.c_void_p(), size_t()
        _check(_c.mdt_dataset_task_title(ctypes.byref(p), ctypes.byref(n), self.handle, index))
        return _take_string(p.value, n.value)

    def _string(self, fn, *args):
        p, n = ctypes.c_void_p(), size_t()
        _check(fn(ctypes.byref(p), ctypes.byref(n), self.handle, *args))
        return _take_string(p.value, n.value)

    def _list(self, name, index):
        n = size_t()
        _check(getattr(_c, f"mdt_dataset_task_{name}_count")(ctypes.byref(n), self.handle, index))
        item = getattr(_c, f"mdt_dataset_task_{name}")
        return [self._string(item, index, i) for i in range(n.value)]

    def _day(self, fn, index, *args):
        out = i32()
        _check(fn(ctypes.byref(out), self.handle, index, *args))
        return _from_day(out.value)

    def task(self, index, as_of=None):
        """Every field of one task as a dict (one call per field; see columns() for bulk).

        Without as_of the due day and completion are those in force today."""
        if isinstance(index, str):
            index = self.find(index)
        day = _to_day(as_of if as_of is not None else datetime.date.today())
        status = i32()
        _check(_c.mdt_dataset_task_status(ctypes.byref(status), self.handle, index, day, None))
        return {
            "id": self.task_id(index),
            "title": self.task_title(index),
            "lead": self._list("lead", index),
            "coordinators": self._list("coordinator", index),
            "sources": self._list("source", index),
            "category": self._string(_c.mdt_dataset_task_category, index),
            "assigned": self._day(_c.mdt_dataset_task_assigned, index),
            "due": self._day(_c.mdt_dataset_task_due, index, day),
            "completed": self._day(_c.mdt_dataset_task_completed, index, day),
            "status": _status_name(status.value),
        }

    def agency_ids(self):
        """The ids of the dataset's registry, by agency index (for columns()["lead"])."""
        h = P()
        _check(_c.mdt_dataset_registry(ctypes.byref(h), self.handle))
        try:
            n = size_t()
            _check(_c.mdt_registry_agency_count(ctypes.byref(n), h))
            ids = []
            for i in range(n.value):
                cid = ctypes.c_char_p()
                _check(_c.mdt_registry_agency(ctypes.byref(cid), None, None, h, i))
                ids.append(cid.value.decode())
            return ids
        finally:
            _c.mdt_registry_free(h)

    def columns(self, as_of, soon_days=7):
        """Every task at once, column by column, in a handful of C calls: a dict of lists
        "id", "assigned", "due", "completed", "status", "lead" and "coordinators" (agency ids)."""
        h = P()
        opts = _ClassifyOptions.make(soon_days)
        _check(_c.mdt_dataset_columns(ctypes.byref(h), self.handle, _to_day(as_of), ctypes.byref(opts)))
        try:
            n = size_t()
            _check(_c.mdt_task_columns_count(ctypes.byref(n), None, h))
            n = n.value
            offsets, chars = _u64p(), ctypes.c_void_p()
            _check(_c.mdt_task_columns_ids(ctypes.byref(offsets), ctypes.byref(chars), h))
            raw = ctypes.string_at(chars.value, offsets[n]) if n else b""
            ids = [raw[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n)]
            a, d, c, st = _i32p(), _i32p(), _i32p(), _i32p()
            _check(_c.mdt_task_columns_days(ctypes.byref(a), ctypes.byref(d), ctypes.byref(c), h))
            _check(_c.mdt_task_columns_status(ctypes.byref(st), h))
            agencies = self.agency_ids()

            def csr(fn):
                off, val = _u64p(), _u32p()
                _check(fn(ctypes.byref(off), ctypes.byref(val), h))
                return [[agencies[val[j]] for j in range(off[i], off[i + 1])] for i in range(n)]

            return {
                "id": ids,
                "assigned": [_from_day(a[i]) for i in range(n)],
                "due": [_from_day(d[i]) for i in range(n)],
                "completed": [_from_day(c[i]) for i in range(n)],
                "status": [_status_name(st[i]) for i in range(n)],
                "lead": csr(_c.mdt_task_columns_leads),
                "coordinators": csr(_c.mdt_task_columns_coordinators),
            }
        finally:
            _c.mdt_task_columns_free(h)  # the lent arrays die with it: all copied above

    def counts(self, as_of, soon_days=7, baseline=False):
        """{"total", each status name, "not_yet_assigned"} as of a day."""
        c = _StatusCounts(1)
        opts = _ClassifyOptions.make(soon_days, baseline)
        _check(_c.mdt_classify_count(ctypes.byref(c), self.handle, _to_day(as_of), ctypes.byref(opts)))
        out = {"total": c.total}
        out.update({name: c.by_status[i] for i, name in enumerate(TASK_STATUSES)})
        out["not_yet_assigned"] = c.not_yet_assigned
        return out

    def statuses(self, as_of, soon_days=7):
        """Every task's status name as a list (index order), through a caller-sized buffer."""
        n = size_t()
        opts = _ClassifyOptions.make(soon_days)
        day = _to_day(as_of)
        _check(_c.mdt_classify_all(None, 0, ctypes.byref(n), self.handle, day, ctypes.byref(opts)))
        while True:
            buf = (i32 * max(1, n.value))()
            status = _c.mdt_classify_all(buf, n.value, ctypes.byref(n), self.handle, day, ctypes.byref(opts))
            if status != 6:  # a writer may have added tasks in between: ask again
                break
        _check(status)
        return [_status_name(buf[i]) for i in range(n.value)]

    def classify(self, as_of, soon_days=7):
        """Iterates (task index, status name) through the C iterator (a snapshot)."""
        it = P()
        opts = _ClassifyOptions.make(soon_days)
        _check(_c.mdt_classification_iter_new(ctypes.byref(it), self.handle, _to_day(as_of), ctypes.byref(opts)))
        try:
            has, task, status = ctypes.c_int(), u32(), ctypes.c_int()
            while True:
                _check(_c.mdt_classification_iter_next(ctypes.byref(has), ctypes.byref(task), ctypes.byref(status), it))
                if not has.value:
                    return
                yield task.value, _status_name(status.value)
        finally:
            _c.mdt_classification_iter_free(it)

    def classify_task(self, task, as_of, soon_days=7, baseline=False):
        """A Classification of one task (by index or id)."""
        if isinstance(task, str):
            task = self.find(task)
        h = P()
        opts = _ClassifyOptions.make(soon_days, baseline)
        _check(_c.mdt_classify_task(ctypes.byref(h), self.handle, task, _to_day(as_of), ctypes.byref(opts)))
        return Classification(h.value)

    def aggregate(self, as_of, by=(), category_level=0, threads=1):
        dims = (i32 * max(1, len(by)))(*[DIMENSIONS.index(d) for d in by])
        o = _AggregateOptions()
        _check(_c.mdt_aggregate_options_init(ctypes.byref(o), 1))  # windows open, 1 thread
        o.by, o.by_count = ctypes.cast(dims, ctypes.POINTER(i32)), len(by)
        o.category_level = category_level
        o.threads = threads
        h = P()
        _check(_c.mdt_aggregate(ctypes.byref(h), self.handle, _to_day(as_of), ctypes.byref(o)))
        return Aggregate(h.value)

    def report(self, as_of, since=None, format="md", lang="vi", soon_days=7,
               criteria_threshold=95.0):
        """The summary report as a string: format md, html, json or csv; lang vi or en."""
        o = _ReportOptions()
        _check(_c.mdt_report_options_init(ctypes.byref(o), 1))
        o.since = NO_DATE if since is None else _to_day(since)
        o.soon_days = soon_days
        o.format = REPORT_FORMATS.index(format) if format in REPORT_FORMATS else -1
        o.language = REPORT_LANGUAGES.index(lang) if lang in REPORT_LANGUAGES else -1
        o.criteria_threshold = criteria_threshold
        p, n = ctypes.c_void_p(), size_t()
        _check(_c.mdt_report(ctypes.byref(p), ctypes.byref(n), self.handle, _to_day(as_of),
                             ctypes.byref(o)))
        return _take_string(p.value, n.value)


REPORT_FORMATS = ("md", "html", "json", "csv")  # mdt_report_format values 0..3
REPORT_LANGUAGES = ("vi", "en")                 # mdt_report_language values 0..1


def _status_name(value):
    return "not_yet_assigned" if value == NOT_YET_ASSIGNED else TASK_STATUSES[value]
