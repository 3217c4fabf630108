"""Dates across the boundary: ``datetime.date`` (or "YYYY-MM-DD") in, ``datetime.date`` out."""

from __future__ import annotations

import ctypes
import datetime
from typing import Optional, Union

from ._errors import check
from ._lib import NO_DATE, i32, lib

__all__ = ["DateLike", "to_day", "to_day_or_none", "from_day", "EPOCH"]

#: A day as the API accepts it: a ``datetime.date`` (a ``datetime`` is cut to its day) or an
#: ISO ``"YYYY-MM-DD"`` string.
DateLike = Union[datetime.date, str]
EPOCH = datetime.date(1970, 1, 1)
_EPOCH_ORDINAL = EPOCH.toordinal()


def to_day(value: DateLike) -> int:
    """Days since 1970-01-01 of a date, a datetime or a "YYYY-MM-DD" string (the library
    parses strings: a bad one raises ParseError / InvalidArgument / OutOfRange with its
    message)."""
    if isinstance(value, str):
        out = i32()
        raw = value.encode("utf-8")
        check(lib.mdt_date_parse(ctypes.byref(out), raw, len(raw)))
        return out.value
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.toordinal() - _EPOCH_ORDINAL
    raise TypeError(f"expected a datetime.date or a 'YYYY-MM-DD' string, not {type(value).__name__}")


def to_day_or_none(value: Optional[DateLike]) -> int:
    """As to_day, with None meaning MDT_NO_DATE."""
    return NO_DATE if value is None else to_day(value)


def from_day(days: int) -> Optional[datetime.date]:
    """The date of a day number, or None for MDT_NO_DATE."""
    if days == NO_DATE:
        return None
    return datetime.date.fromordinal(days + _EPOCH_ORDINAL)
