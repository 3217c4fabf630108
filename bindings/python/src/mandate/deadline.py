"""Deadline phrases ("Quý IV/2025", "Trước ngày 20/12/2025", "Hằng tháng") read into values."""

from __future__ import annotations

import ctypes
import dataclasses
import datetime
from typing import Optional, Tuple

from ._dates import DateLike, from_day, to_day_or_none
from ._errors import check
from ._lib import DeadlineContext, DeadlineInfo, borrowed, i32, init, lib, size_t
from ._names import DEADLINE_KINDS, FREQUENCIES

__all__ = ["Deadline", "Milestone", "Recurrence", "parse_deadline", "extract_deadline"]


@dataclasses.dataclass(frozen=True)
class Milestone:
    """One milestone of a multi-part deadline: its label as written, kind and due day."""

    label: str
    kind: str
    due: Optional[datetime.date]


@dataclasses.dataclass(frozen=True)
class Recurrence:
    """A recurring obligation: ``frequency`` ("monthly", ...), ``day_of_period`` (0 = the
    last day of the period) and ``before`` (due before that day rather than on it)."""

    frequency: str
    day_of_period: int
    before: bool


@dataclasses.dataclass(frozen=True)
class Deadline:
    """A deadline as the library read it (a plain value).

    ``kind`` is one of DEADLINE_KINDS ("date", "before", "month", "quarter", "half",
    "year", "recurring", "ongoing", "roadmap", "open_ended", "multi", "relative",
    "unknown", and "none" when extract_deadline found no deadline); ``due`` the due day
    (None for ongoing, roadmap, recurring and relative deadlines, or when unknown)."""

    kind: str
    text: str
    due: Optional[datetime.date]
    milestones: Tuple[Milestone, ...] = ()
    recurrence: Optional[Recurrence] = None
    anchor: Optional[datetime.date] = None
    first_due: Optional[datetime.date] = None
    relative_days: int = 0
    relative_working_days: bool = False
    span: Optional[Tuple[int, int]] = None
    explanation: Tuple[str, ...] = ()

    def __repr__(self) -> str:
        extra = ""
        if self.recurrence:
            extra = f", recurrence={self.recurrence.frequency!r}"
        if self.milestones:
            extra += f", milestones={len(self.milestones)}"
        due = self.due.isoformat() if self.due else None
        return f"Deadline({self.text!r}, kind={self.kind!r}, due={due!r}{extra})"


def _kind(value: int) -> str:
    return DEADLINE_KINDS[value] if 0 <= value < len(DEADLINE_KINDS) else "unknown"


def from_handle(h: int, extracted: bool = False) -> Deadline:
    """The Deadline value of an mdt_deadline handle (the handle is not freed)."""
    info = init(DeadlineInfo)
    check(lib.mdt_deadline_get_info(ctypes.byref(info), h))
    milestones = []
    for i in range(info.milestone_count):
        p, n, kind, due = ctypes.c_void_p(), size_t(), ctypes.c_int(), i32()
        check(lib.mdt_deadline_milestone(ctypes.byref(p), ctypes.byref(n), ctypes.byref(kind),
                                         ctypes.byref(due), h, i))
        milestones.append(Milestone(borrowed(p.value, n.value) or "", _kind(kind.value), from_day(due.value)))
    explanation = []
    for i in range(info.explanation_count):
        p, n = ctypes.c_void_p(), size_t()
        check(lib.mdt_deadline_explanation(ctypes.byref(p), ctypes.byref(n), h, i))
        explanation.append(borrowed(p.value, n.value) or "")
    recurrence = None
    if info.has_recurrence:
        freq = FREQUENCIES[info.frequency] if 0 <= info.frequency < len(FREQUENCIES) else "unknown"
        recurrence = Recurrence(freq, info.day_of_period, bool(info.recurrence_before))
    return Deadline(
        kind=_kind(info.kind), text=borrowed(info.text, info.text_len) or "",
        due=from_day(info.due), milestones=tuple(milestones), recurrence=recurrence,
        anchor=from_day(info.anchor) if info.kind == DEADLINE_KINDS.index("before") else None,
        first_due=from_day(info.first_due) if info.kind == DEADLINE_KINDS.index("open_ended") else None,
        relative_days=info.relative_days, relative_working_days=bool(info.relative_working_days),
        span=(info.span_begin, info.span_end) if extracted else None,
        explanation=tuple(explanation))


def _context(year: Optional[int], assigned: Optional[DateLike], inclusive_before: bool,
             calendar: Optional[object]) -> DeadlineContext:
    ctx = init(DeadlineContext)
    ctx.plan_year = year or 0
    ctx.assigned = to_day_or_none(assigned)
    ctx.inclusive_before = 1 if inclusive_before else 0
    ctx.calendar = calendar.handle if calendar is not None else None  # type: ignore[attr-defined]
    return ctx


def _read(fn: object, text: str, year: Optional[int], assigned: Optional[DateLike],
          inclusive_before: bool, calendar: Optional[object], extracted: bool) -> Deadline:
    raw = text.encode("utf-8")
    ctx = _context(year, assigned, inclusive_before, calendar)
    h = ctypes.c_void_p()
    check(fn(ctypes.byref(h), raw, len(raw), ctypes.byref(ctx)))  # type: ignore[operator]
    try:
        return from_handle(h.value, extracted)  # type: ignore[arg-type]
    finally:
        lib.mdt_deadline_free(h)


def parse_deadline(text: str, year: Optional[int] = None, assigned: Optional[DateLike] = None,
                   inclusive_before: bool = False, calendar: Optional[object] = None) -> Deadline:
    """Reads a whole deadline phrase: ``parse_deadline("Quý IV", year=2025).due`` is
    2025-12-31. ``year`` is the plan year for phrases without one, ``assigned`` the day
    relative deadlines count from, ``calendar`` a Calendar for working-day offsets
    (Vietnam's by default). Raises ParseError with the library's message ("plan year
    unknown", the part that could not be read)."""
    return _read(lib.mdt_deadline_parse, text, year, assigned, inclusive_before, calendar, False)


def extract_deadline(sentence: str, year: Optional[int] = None, assigned: Optional[DateLike] = None,
                     inclusive_before: bool = False, calendar: Optional[object] = None) -> Deadline:
    """Finds the deadline inside a sentence, ignoring the dates of cited documents; kind
    "none" when the sentence states none. ``span`` is the phrase's byte range in the
    sentence's UTF-8."""
    return _read(lib.mdt_deadline_extract, sentence, year, assigned, inclusive_before, calendar, True)
