"""Vietnam's working-day calendar (Labour Code rules plus the official schedules) and the
Vietnamese lunar calendar."""

from __future__ import annotations

import ctypes
import datetime
from typing import List, NamedTuple, Optional

from ._dates import DateLike, from_day, to_day
from ._errors import check
from ._handle import Handle
from ._lib import LunarDate as _CLunar
from ._lib import i32, lib, size_t, take_string, u32
from ._names import DAY_KINDS

__all__ = ["Calendar", "LunarDate"]


class LunarDate(NamedTuple):
    """A date of the Vietnamese lunar calendar (UTC+7); ``leap`` marks the leap month that
    follows the regular month ``month``."""

    year: int
    month: int
    day: int
    leap: bool = False


class Calendar(Handle):
    """A working-day calendar: ``Calendar()`` is Vietnam's (bundled official schedules
    2020-2026), ``Calendar(rules_only=True)`` the Labour Code rules alone. Safe to read from
    several threads; ``add_schedule`` locks it."""

    _free = lib.mdt_calendar_free

    def __init__(self, rules_only: bool = False) -> None:
        h = ctypes.c_void_p()
        check(lib.mdt_calendar_new(ctypes.byref(h), 1 if rules_only else 0))
        super().__init__(h.value)  # type: ignore[arg-type]
        self.rules_only = rules_only

    def add_schedule(self, json_text: str) -> None:
        """Adds a year's official schedule: ``{"year", "days_off": [{"date", "reason"}],
        "working_days"}`` (ParseError with the library's message otherwise)."""
        raw = json_text.encode("utf-8")
        check(lib.mdt_calendar_add_schedule(self.handle, raw, len(raw)))

    def is_working_day(self, day: DateLike) -> bool:
        """True for a working day."""
        out = ctypes.c_int()
        check(lib.mdt_calendar_is_working_day(ctypes.byref(out), self.handle, to_day(day)))
        return bool(out.value)

    def day_kind(self, day: DateLike) -> str:
        """One of DAY_KINDS: "working", "weekend", "holiday", "substitute_day_off",
        "swapped_day_off", "swapped_working_day"."""
        out = i32()
        check(lib.mdt_calendar_day_kind(ctypes.byref(out), self.handle, to_day(day)))
        return DAY_KINDS[out.value] if 0 <= out.value < len(DAY_KINDS) else "unknown"

    def day_off_reason(self, day: DateLike) -> Optional[str]:
        """Why the day is off ("Tết Nguyên đán", "Sunday"), or None on a working day."""
        p, n = ctypes.c_void_p(), size_t()
        check(lib.mdt_calendar_day_off_reason(ctypes.byref(p), ctypes.byref(n), self.handle, to_day(day)))
        return take_string(p.value, n.value)

    def working_day_reason(self, day: DateLike) -> Optional[str]:
        """Why a weekend day is worked, or None when it is not a swapped working day."""
        p, n = ctypes.c_void_p(), size_t()
        check(lib.mdt_calendar_working_day_reason(ctypes.byref(p), ctypes.byref(n), self.handle, to_day(day)))
        return take_string(p.value, n.value)

    def add_working_days(self, day: DateLike, n: int) -> datetime.date:
        """The n-th working day after ``day`` (before it when n < 0; n = 0: ``day`` if it is
        a working day, else the next one)."""
        out = i32()
        check(lib.mdt_calendar_add_working_days(ctypes.byref(out), self.handle, to_day(day), n))
        return from_day(out.value)  # type: ignore[return-value]

    def next_working_day(self, day: DateLike) -> datetime.date:
        """The first working day strictly after ``day``."""
        out = i32()
        check(lib.mdt_calendar_next_working_day(ctypes.byref(out), self.handle, to_day(day)))
        return from_day(out.value)  # type: ignore[return-value]

    def working_days_between(self, start: DateLike, end: DateLike) -> int:
        """Working days in (start, end]; negative when end < start."""
        out = i32()
        check(lib.mdt_calendar_working_days_between(ctypes.byref(out), self.handle, to_day(start), to_day(end)))
        return out.value

    def days_off(self, start: DateLike, end: DateLike) -> List[datetime.date]:
        """Every non-working day in [start, end]."""
        a, b = to_day(start), to_day(end)
        n = size_t()
        while True:
            check(lib.mdt_calendar_days_off(None, 0, ctypes.byref(n), self.handle, a, b))
            buf = (i32 * max(1, n.value))()
            status = lib.mdt_calendar_days_off(buf, n.value, ctypes.byref(n), self.handle, a, b)
            if status != 6:  # a schedule added in between: ask again
                break
        check(status)
        return [from_day(buf[i]) for i in range(n.value)]  # type: ignore[misc]

    def schedule_years(self) -> List[int]:
        """The years with an official schedule (bundled or added), ascending."""
        n = size_t()
        while True:
            check(lib.mdt_calendar_schedule_years(None, 0, ctypes.byref(n), self.handle))
            buf = (i32 * max(1, n.value))()
            status = lib.mdt_calendar_schedule_years(buf, n.value, ctypes.byref(n), self.handle)
            if status != 6:
                break
        check(status)
        return list(buf[: n.value])

    @staticmethod
    def lunar_from_solar(day: DateLike) -> LunarDate:
        """The lunar date of a solar day (1900..2199)."""
        out = _CLunar()
        check(lib.mdt_lunar_from_solar(ctypes.byref(out), to_day(day)))
        return LunarDate(out.year, out.month, out.day, bool(out.is_leap_month))

    @staticmethod
    def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> datetime.date:
        """The solar day of a lunar date (InvalidArgument for one that does not exist)."""
        c = _CLunar(year, month, day, 1 if leap else 0)
        out = i32()
        check(lib.mdt_lunar_to_solar(ctypes.byref(out), ctypes.byref(c)))
        return from_day(out.value)  # type: ignore[return-value]

    @staticmethod
    def lunar_leap_month(year: int) -> Optional[int]:
        """The leap month (1..12) of a lunar year, or None when it has none."""
        out = u32()
        check(lib.mdt_lunar_leap_month(ctypes.byref(out), year))
        return out.value or None

    @staticmethod
    def lunar_month_length(year: int, month: int, leap: bool = False) -> int:
        """The number of days (29 or 30) of a lunar month."""
        out = u32()
        check(lib.mdt_lunar_month_length(ctypes.byref(out), year, month, 1 if leap else 0))
        return out.value

    def __repr__(self) -> str:
        if self.closed:
            return "<mandate.Calendar closed>"
        years = self.schedule_years()
        span = f"schedules {years[0]}-{years[-1]}" if years else "no official schedule"
        return f"<mandate.Calendar {'rules only' if self.rules_only else 'Vietnam'}, {span}>"
