"""Datasets: load, read tasks, classify, aggregate, report, save."""

from __future__ import annotations

import ctypes
import json
import math
import os
import threading
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Union

from . import deadline as _deadline
from ._dates import DateLike, from_day, to_day, to_day_or_none
from ._errors import choice, check, error_for
from ._handle import Handle
from ._lib import (AGGREGATE_TOTALS, NO_DATE, AggregateOptions, ClassificationInfo, ClassifyOptions,
                   LoadOptions, ReportOptions, StatusCounts, TaskInput, EventInput, DeadlineContext,
                   borrowed, encode, i32, init, lib, size_t, string_array, take_string, u32)
from ._names import (DIMENSIONS, DEADLINE_KINDS, EVENT_TYPES, MEASURES, NOT_YET_ASSIGNED,
                     REPORT_FORMATS, REPORT_LANGUAGES, TASK_STATUSES)
from .agencies import Registry
from .records import Classification, Problem, Task, TaskStatus

if TYPE_CHECKING:  # pandas is optional
    import pandas

__all__ = ["Dataset", "Task", "TaskStatus", "Problem", "Classification", "PathLike"]

#: A file path: str or os.PathLike.
PathLike = Union[str, "os.PathLike[str]"]
_RATES = ("completion_rate", "on_time_rate", "overdue_rate")


def _status_name(value: int) -> str:
    if value == -1:
        return NOT_YET_ASSIGNED
    return TASK_STATUSES[value] if 0 <= value < len(TASK_STATUSES) else "unknown"


def _classify_options(soon_days: int, baseline: bool = False) -> ClassifyOptions:
    opts = init(ClassifyOptions)
    opts.soon_days = soon_days
    opts.baseline = 1 if baseline else 0
    return opts


class Dataset(Handle):
    """Tasks with their history, targets and measurements (an mdt_dataset).

    ``Dataset()`` is empty; ``Dataset.load(path)`` reads a JSON or CSV file. Many threads
    may read one dataset while one writes: the library locks inside the handle, and ctypes
    releases the GIL during each call. Close it with ``close()`` or a ``with`` block."""

    _free = lib.mdt_dataset_free

    def __init__(self, registry: Optional[Registry] = None, *, _handle: Optional[int] = None) -> None:
        """An empty dataset whose agency ids are checked against ``registry`` (bundled)."""
        if _handle is None:
            h = ctypes.c_void_p()
            check(lib.mdt_dataset_new(ctypes.byref(h), registry.handle if registry else None))
            _handle = h.value
        super().__init__(_handle)  # type: ignore[arg-type]
        #: What the reader skipped or could not read (empty for a new dataset).
        self.problems: List[Problem] = []
        #: The file this dataset was loaded from, if any.
        self.path: Optional[str] = None
        self._registry_ids: Optional[List[str]] = None
        self._lock = threading.Lock()

    # ---- loading and saving ----------------------------------------------------------------

    @staticmethod
    def _format(path: str, format: Optional[str]) -> str:
        if format is not None:
            choice("dataset format", format, ("json", "csv"))
            return format
        return "csv" if path.lower().endswith(".csv") else "json"

    @staticmethod
    def _sniff(path: str) -> str:
        """The format of a file by content, as ``mandate`` picks it: JSON when the first
        non-blank byte after a UTF-8 BOM is ``{``, else CSV (a spreadsheet's ``.txt`` or
        ``.tsv`` export). A file that cannot be opened or holds only blanks goes by its
        name, so that the reader says what is wrong with it."""
        try:
            with open(path, "rb") as f:
                head = f.read(4096)
        except OSError:
            head = b""
        if head.startswith(b"\xef\xbb\xbf"):
            head = head[3:]
        head = head.lstrip(b" \t\r\n")
        if not head:
            return "csv" if path.lower().endswith(".csv") else "json"
        return "json" if head.startswith(b"{") else "csv"

    @classmethod
    def _read(cls, fn: Any, *args: Any, strict: bool, plan_year: Optional[int],
              as_of: Optional[DateLike], registry: Optional[Registry]) -> "Dataset":
        opts = init(LoadOptions)
        opts.strict = 1 if strict else 0
        opts.plan_year = plan_year or 0
        opts.as_of = to_day_or_none(as_of)
        opts.registry = registry.handle if registry is not None else None
        h, problems = ctypes.c_void_p(), ctypes.c_void_p()
        status = fn(ctypes.byref(h), ctypes.byref(problems), *args, ctypes.byref(opts))
        # Read the message now, before the (successful) calls below: they keep it anyway.
        failure = error_for(status) if status != 0 else None
        found: List[Problem] = []
        if problems.value:
            try:
                n = size_t()
                check(lib.mdt_problems_count(ctypes.byref(n), problems))
                rec, field, msg = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
                for i in range(n.value):
                    check(lib.mdt_problems_get(ctypes.byref(rec), ctypes.byref(field), ctypes.byref(msg), problems, i))
                    found.append(Problem(*((v.value or b"").decode("utf-8", "replace") for v in (rec, field, msg))))
            finally:
                lib.mdt_problems_free(problems)
        if failure is not None:
            failure.problems = found  # type: ignore[attr-defined]
            raise failure
        ds = cls(_handle=h.value)
        ds.problems = found
        return ds

    @classmethod
    def load(cls, path: PathLike, *, format: Optional[str] = None, strict: bool = False,
             plan_year: Optional[int] = None, as_of: Optional[DateLike] = None,
             registry: Optional[Registry] = None) -> "Dataset":
        """Reads a dataset file: the JSON format, or the flat CSV table, told apart by
        content as ``mandate`` does (a file starting with ``{`` is JSON; ``format`` forces
        one). Rows with problems are skipped and listed in ``problems``, as is a JSON file's
        checksum mismatch (edited by hand); ``strict=True`` refuses the file instead.
        CSV only: ``plan_year`` for phrases without a year, ``as_of`` the day of the
        ``progress`` column. A binary snapshot (``mandate convert --to snapshot``) is
        recognised by its magic by the C loaders and mapped, whatever ``format`` says.
        Raises NotFound, IOFailure, Corrupt, ParseError... with the library's message."""
        p = os.fspath(path)
        fmt = cls._format(p, format) if format is not None else cls._sniff(p)
        fn = lib.mdt_dataset_load_csv if fmt == "csv" else lib.mdt_dataset_load_json
        ds = cls._read(fn, encode(p), strict=strict, plan_year=plan_year, as_of=as_of, registry=registry)
        ds.path = p
        return ds

    @classmethod
    def read(cls, text: str, *, format: str = "json", strict: bool = False,
             plan_year: Optional[int] = None, as_of: Optional[DateLike] = None,
             registry: Optional[Registry] = None) -> "Dataset":
        """As ``load``, from text in memory (``format`` "json" or "csv")."""
        choice("dataset format", format, ("json", "csv"))
        raw = text.encode("utf-8")
        fn = lib.mdt_dataset_read_csv if format == "csv" else lib.mdt_dataset_read_json
        return cls._read(fn, raw, len(raw), strict=strict, plan_year=plan_year, as_of=as_of, registry=registry)

    def save(self, path: PathLike, *, format: Optional[str] = None) -> None:
        """Writes the dataset atomically: JSON (lossless, deterministic) or, for a ``.csv``
        name, the flat CSV table."""
        p = os.fspath(path)
        fn = lib.mdt_dataset_save_csv if self._format(p, format) == "csv" else lib.mdt_dataset_save_json
        check(fn(self.handle, encode(p)))

    def to_json(self) -> str:
        """The dataset in the JSON format, as text."""
        return self._text(lib.mdt_dataset_write_json)

    def to_csv(self) -> str:
        """The dataset as the flat CSV table, as text."""
        return self._text(lib.mdt_dataset_write_csv)

    def _text(self, fn: Any, *args: Any) -> str:
        p, n = ctypes.c_void_p(), size_t()
        check(fn(ctypes.byref(p), ctypes.byref(n), self.handle, *args))
        return take_string(p.value, n.value) or ""

    # ---- writing -----------------------------------------------------------------------------

    def add_task(self, id: str, title: str, *, lead: Sequence[str] = (), coordinators: Sequence[str] = (),
                 deadline: Optional[str] = None, plan_year: Optional[int] = None,
                 assigned: Optional[DateLike] = None, category: Optional[str] = None,
                 sources: Sequence[str] = (), lead_text: Optional[str] = None,
                 expected_result: Optional[str] = None, note: Optional[str] = None) -> int:
        """Validates and appends a task; returns its index. ``lead`` and ``coordinators``
        are canonical agency ids (``resolve_agencies`` finds them), ``deadline`` the phrase
        as written (read with ``plan_year`` and ``assigned``)."""
        t = init(TaskInput)
        keep = [string_array(lead), string_array(coordinators), string_array(sources)]
        t.id, t.title = encode(id), encode(title)
        t.lead, t.lead_count = keep[0]
        t.coordinators, t.coordinator_count = keep[1]
        t.sources, t.source_count = keep[2]
        t.lead_text, t.category = encode(lead_text), encode(category)
        t.expected_result, t.note = encode(expected_result), encode(note)
        t.deadline_text = encode(deadline)
        ctx = init(DeadlineContext)
        ctx.plan_year = plan_year or 0
        t.deadline_context = ctypes.pointer(ctx)
        t.assigned = to_day_or_none(assigned)
        out = u32()
        check(lib.mdt_dataset_add_task(ctypes.byref(out), self.handle, ctypes.byref(t)))
        return out.value

    def add_task_json(self, task: Dict[str, Any]) -> int:
        """Appends a task given as an object of the JSON format (an element of "tasks")."""
        raw = json.dumps(task, ensure_ascii=False).encode("utf-8")
        out = u32()
        check(lib.mdt_dataset_add_task_json(ctypes.byref(out), self.handle, raw, len(raw)))
        return out.value

    def add_event(self, task_id: str, type: str, date: DateLike, *, percent: Optional[int] = None,
                  text: Optional[str] = None, evidence: Sequence[str] = (),
                  new_deadline: Optional[str] = None, plan_year: Optional[int] = None,
                  document: Optional[str] = None) -> None:
        """Appends an event to a task's history; ``type`` is one of EVENT_TYPES
        ("progress", "completed", "reopened", "deadline_changed", "cancelled")."""
        e = init(EventInput)
        e.type = choice("event type", type, EVENT_TYPES)
        e.date = to_day(date)
        e.percent = -1 if percent is None else percent
        e.text, e.document = encode(text), encode(document)
        ev = string_array(evidence)
        e.evidence, e.evidence_count = ev
        e.new_deadline_text = encode(new_deadline)
        ctx = init(DeadlineContext)
        ctx.plan_year = plan_year or 0
        e.new_deadline_context = ctypes.pointer(ctx)
        check(lib.mdt_dataset_add_event(self.handle, encode(task_id), ctypes.byref(e)))

    def complete_task(self, task_id: str, date: DateLike) -> None:
        """Records the task's completion on ``date``."""
        check(lib.mdt_dataset_complete_task(self.handle, encode(task_id), to_day(date)))

    def cancel_task(self, task_id: str, date: DateLike, reason: Optional[str] = None,
                    document: Optional[str] = None) -> None:
        """Records the task's cancellation on ``date``."""
        check(lib.mdt_dataset_cancel_task(self.handle, encode(task_id), to_day(date), encode(reason), encode(document)))

    # ---- reading tasks -----------------------------------------------------------------------

    def __len__(self) -> int:
        n = size_t()
        check(lib.mdt_dataset_task_count(ctypes.byref(n), self.handle))
        return n.value

    def find(self, task_id: str) -> int:
        """The index of the task with that id (NotFound otherwise)."""
        out = u32()
        check(lib.mdt_dataset_find_task(ctypes.byref(out), self.handle, encode(task_id)))
        return out.value

    def _index(self, task: Union[int, str]) -> int:
        if isinstance(task, str):
            return self.find(task)
        if not 0 <= task < len(self):
            raise IndexError(f"task index {task} out of range (the dataset has {len(self)} tasks)")
        return task

    def _list(self, name: str, index: int) -> List[str]:
        n = size_t()
        check(getattr(lib, f"mdt_dataset_task_{name}_count")(ctypes.byref(n), self.handle, index))
        item = getattr(lib, f"mdt_dataset_task_{name}")
        return [self._text(item, index, i) for i in range(n.value)]

    def task(self, task: Union[int, str]) -> Task:
        """One task, by index or id."""
        i = self._index(task)
        assigned = i32()
        check(lib.mdt_dataset_task_assigned(ctypes.byref(assigned), self.handle, i))
        h = ctypes.c_void_p()
        check(lib.mdt_dataset_task_deadline(ctypes.byref(h), self.handle, i))
        try:
            dl = _deadline.from_handle(h.value)  # type: ignore[arg-type]
        finally:
            lib.mdt_deadline_free(h)
        return Task(id=self._text(lib.mdt_dataset_task_id, i), title=self._text(lib.mdt_dataset_task_title, i),
                    lead=self._list("lead", i), coordinators=self._list("coordinator", i),
                    category=self._text(lib.mdt_dataset_task_category, i), sources=self._list("source", i),
                    assigned=from_day(assigned.value), deadline_text=dl.text, deadline=dl, index=i)

    def tasks(self) -> Iterator[Task]:
        """Every task, in dataset order (tasks added while iterating are included)."""
        i = 0
        while i < len(self):
            yield self.task(i)
            i += 1

    def __iter__(self) -> Iterator[Task]:
        return self.tasks()

    def agency_ids(self) -> List[str]:
        """The ids of the dataset's registry by index (the codes of the agency columns)."""
        with self._lock:
            if self._registry_ids is None:
                h = ctypes.c_void_p()
                check(lib.mdt_dataset_registry(ctypes.byref(h), self.handle))
                with Registry._adopt(h.value) as reg:  # type: ignore[arg-type]
                    self._registry_ids = reg.ids()
            return self._registry_ids

    # ---- classification ----------------------------------------------------------------------

    def _ids(self) -> List[str]:
        from ._frames import task_ids  # noqa: PLC0415
        return task_ids(self)

    def status(self, as_of: DateLike, soon_days: int = 7, *, baseline: bool = False,
               include_not_yet_assigned: bool = True) -> List[TaskStatus]:
        """Every task's status as of a day, in dataset order: ``TaskStatus(id, status, due,
        reason)`` with the status names, due days and reasons of ``mandate status``. Tasks
        assigned after the day have the status "not_yet_assigned" (``mandate status`` leaves
        them out: pass ``include_not_yet_assigned=False`` for exactly its lines)."""
        day = to_day(as_of)
        opts = _classify_options(soon_days, baseline)
        ids = self._ids()
        info = ClassificationInfo()
        out: List[TaskStatus] = []
        h = ctypes.c_void_p()
        handle = self.handle
        for i, task_id in enumerate(ids):
            check(lib.mdt_classify_task(ctypes.byref(h), handle, i, day, ctypes.byref(opts)))
            try:
                info.version = 1
                check(lib.mdt_classification_get_info(ctypes.byref(info), h))
                if info.status == -1 and not include_not_yet_assigned:
                    continue
                out.append(TaskStatus(task_id, _status_name(info.status), from_day(info.due),
                                      borrowed(info.reason, info.reason_len) or ""))
            finally:
                lib.mdt_classification_free(h)
        return out

    def classify(self, task: Union[int, str], as_of: DateLike, soon_days: int = 7, *,
                 baseline: bool = False) -> Classification:
        """Where one task (index or id) stands as of a day, with every detail."""
        i = self._index(task)
        opts = _classify_options(soon_days, baseline)
        h = ctypes.c_void_p()
        check(lib.mdt_classify_task(ctypes.byref(h), self.handle, i, to_day(as_of), ctypes.byref(opts)))
        try:
            info = init(ClassificationInfo)
            check(lib.mdt_classification_get_info(ctypes.byref(info), h))
            no_reports, not_reported = ctypes.c_int32(0), ctypes.c_int32(0)
            check(lib.mdt_classification_no_reports(ctypes.byref(no_reports), ctypes.byref(not_reported), h))
            return Classification(
                id=self._text(lib.mdt_dataset_task_id, i), index=i, status=_status_name(info.status),
                due=from_day(info.due),
                deadline_kind=DEADLINE_KINDS[info.deadline_kind] if 0 <= info.deadline_kind < len(DEADLINE_KINDS) else "unknown",
                completed=from_day(info.completed), reason=borrowed(info.reason, info.reason_len) or "",
                baseline_status=_status_name(info.baseline_status) if info.has_baseline_status else None,
                behind_schedule=bool(info.behind_schedule),
                expected_percent=None if math.isnan(info.expected_percent) else info.expected_percent,
                reported_percent=None if info.reported_percent < 0 else info.reported_percent,
                met_on_time=info.met_on_time, met_late=info.met_late, missed=info.missed,
                no_reports=bool(no_reports.value), not_reported=not_reported.value)
        finally:
            lib.mdt_classification_free(h)

    def counts(self, as_of: DateLike, soon_days: int = 7, *, baseline: bool = False) -> Dict[str, int]:
        """``{"total", one count per status, "not_yet_assigned"}`` as of a day."""
        c = init(StatusCounts)
        opts = _classify_options(soon_days, baseline)
        check(lib.mdt_classify_count(ctypes.byref(c), self.handle, to_day(as_of), ctypes.byref(opts)))
        out = {"total": int(c.total)}
        out.update({name: int(c.by_status[i]) for i, name in enumerate(TASK_STATUSES)})
        out[NOT_YET_ASSIGNED] = int(c.not_yet_assigned)
        return out

    # ---- aggregation -------------------------------------------------------------------------

    def _aggregate(self, as_of: DateLike, by: Sequence[str], soon_days: int, category_level: int,
                   include_coordinators: bool, assigned_from: Optional[DateLike],
                   assigned_to: Optional[DateLike], threads: int) -> int:
        if isinstance(by, str):
            by = (by,)
        dims = [choice("dimension", d, DIMENSIONS) for d in by]
        arr = (i32 * max(1, len(dims)))(*dims)
        copts = _classify_options(soon_days)
        o = init(AggregateOptions)
        o.classify = ctypes.pointer(copts)
        o.by, o.by_count = ctypes.cast(arr, ctypes.POINTER(i32)), len(dims)
        o.category_level = category_level
        o.include_coordinators = 1 if include_coordinators else 0
        o.assigned_from, o.assigned_to = to_day_or_none(assigned_from), to_day_or_none(assigned_to)
        o.threads = threads
        h = ctypes.c_void_p()
        check(lib.mdt_aggregate(ctypes.byref(h), self.handle, to_day(as_of), ctypes.byref(o)))
        return h.value  # type: ignore[return-value]

    @staticmethod
    def _measures(h: int, group: int) -> Dict[str, Any]:
        c = init(StatusCounts)
        check(lib.mdt_aggregate_counts(ctypes.byref(c), h, group))
        row: Dict[str, Any] = {"total": int(c.total)}
        row.update({name: int(c.by_status[i]) for i, name in enumerate(TASK_STATUSES)})
        v = ctypes.c_double()
        for rate in _RATES:
            check(lib.mdt_aggregate_measure(ctypes.byref(v), h, group, MEASURES.index(rate)))
            row[rate] = None if math.isnan(v.value) else v.value
        return row

    def aggregate(self, as_of: DateLike, by: Sequence[str] = ("lead",), soon_days: int = 7, *,
                  category_level: int = 0, include_coordinators: bool = False,
                  assigned_from: Optional[DateLike] = None, assigned_to: Optional[DateLike] = None,
                  threads: int = 1) -> List[Dict[str, Any]]:
        """Status counts per group as of a day: the ``groups`` of ``mandate aggregate``, one
        dict per group, sorted by key, with the same keys and numbers: ``key`` (a dict
        dimension -> label, None for "none"), ``total``, one count per status and the rates
        ``completion_rate``, ``on_time_rate``, ``overdue_rate`` (None when undefined).
        ``by`` names dimensions of DIMENSIONS; a task with several leads counts in each
        lead's group. ``totals()`` gives the totals line."""
        dims = (by,) if isinstance(by, str) else tuple(by)
        h = self._aggregate(as_of, dims, soon_days, category_level, include_coordinators,
                            assigned_from, assigned_to, threads)
        try:
            n = size_t()
            check(lib.mdt_aggregate_group_count(ctypes.byref(n), h))
            out = []
            p, ln = ctypes.c_void_p(), size_t()
            for g in range(n.value):
                key: Dict[str, Optional[str]] = {}
                for d, name in enumerate(dims):
                    check(lib.mdt_aggregate_label(ctypes.byref(p), ctypes.byref(ln), h, g, d))
                    key[name] = borrowed(p.value, ln.value)
                row: Dict[str, Any] = {"key": key}
                row.update(self._measures(h, g))
                out.append(row)
            return out
        finally:
            lib.mdt_aggregate_result_free(h)

    def totals(self, as_of: DateLike, soon_days: int = 7, *, assigned_from: Optional[DateLike] = None,
               assigned_to: Optional[DateLike] = None) -> Dict[str, Any]:
        """The ``totals`` of ``mandate aggregate``: every task counted once (``total``, one
        count per status, the rates)."""
        h = self._aggregate(as_of, (), soon_days, 0, False, assigned_from, assigned_to, 1)
        try:
            return self._measures(h, AGGREGATE_TOTALS)
        finally:
            lib.mdt_aggregate_result_free(h)

    # ---- reports -----------------------------------------------------------------------------

    def report(self, as_of: DateLike, since: Optional[DateLike] = None, format: str = "md",
               lang: str = "vi", *, soon_days: int = 7, criteria_threshold: float = 95.0) -> str:
        """The steering committee's summary report, byte for byte what ``mandate report``
        writes: ``format`` one of "md", "html", "json", "csv"; ``lang`` "vi" or "en";
        ``since`` the previous meeting (adds what changed since)."""
        o = init(ReportOptions)
        o.since = NO_DATE if since is None else to_day(since)
        o.soon_days = soon_days
        o.format = choice("report format", format, REPORT_FORMATS)
        o.language = choice("report language", lang, REPORT_LANGUAGES)
        o.criteria_threshold = criteria_threshold
        p, n = ctypes.c_void_p(), size_t()
        check(lib.mdt_report(ctypes.byref(p), ctypes.byref(n), self.handle, to_day(as_of), ctypes.byref(o)))
        return take_string(p.value, n.value) or ""

    # ---- frames (pandas) ---------------------------------------------------------------------

    def status_frame(self, as_of: DateLike, soon_days: int = 7, *, dates: str = "date") -> "pandas.DataFrame":
        """Every task as of a day as a pandas DataFrame, one row per task in dataset order:
        ``id``, ``status`` (categorical, the names of ``status()``), ``assigned``, ``due``
        (the due day in force), ``completed``, ``lead`` and ``coordinators`` (tuples of
        agency ids, in registry order; ``Task.lead`` keeps the order given). Built from the
        library's column arrays with numpy, not row by row (a million tasks in a fraction of
        a second). Dates are ``datetime.date`` (None when
        missing); ``dates="datetime64"`` gives ``datetime64`` columns (NaT) instead.
        Needs pandas (ImportError saying how to install it otherwise)."""
        from ._frames import status_frame  # noqa: PLC0415
        return status_frame(self, to_day(as_of), _classify_options(soon_days), dates)

    def aggregate_frame(self, as_of: DateLike, by: Sequence[str] = ("lead",), soon_days: int = 7,
                        **options: Any) -> "pandas.DataFrame":
        """``aggregate()`` as a pandas DataFrame: one column per dimension of ``by``, then
        ``total``, the status counts and the rates (NaN when undefined)."""
        from ._frames import aggregate_frame  # noqa: PLC0415
        dims = (by,) if isinstance(by, str) else tuple(by)
        return aggregate_frame(self.aggregate(as_of, dims, soon_days, **options), dims)

    def __repr__(self) -> str:
        if self.closed:
            return "<mandate.Dataset closed>"
        where = f" from {self.path!r}" if self.path else ""
        probs = f", {len(self.problems)} problems" if self.problems else ""
        return f"<mandate.Dataset {len(self)} tasks{where}{probs}>"
