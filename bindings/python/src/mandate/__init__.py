"""mandate: where each task of a government programme stands, at any date.

A Python binding of libmandate's stable C ABI, with ctypes (no compiled extension: one
wheel serves every Python 3). The wheel bundles ``libmandate.so``; ``MANDATE_LIBRARY``
overrides it.

    import mandate
    with mandate.Dataset.load("plan-2025.json") as ds:
        print(ds.report("2025-09-23", since="2025-07-20"))
        overdue = [s for s in ds.status("2025-09-23") if s.status == "overdue"]
        print(ds.aggregate_frame("2025-09-23", by=("lead",)))   # needs pandas

Dates go in as ``datetime.date`` or "YYYY-MM-DD" strings and come out as ``datetime.date``.
Failures raise ``mandate.Error`` subclasses carrying the library's message.
"""

from __future__ import annotations

from ._errors import (AlreadyExists, BufferTooSmall, Corrupt, Error, InternalError, InvalidArgument,
                      InvalidHandle, InvalidUtf8, IOFailure, LimitExceeded, NoMemory, NotFound,
                      OutOfRange, ParseError)
from ._lib import PATH as _LIBRARY_PATH
from ._lib import lib as _lib
from ._names import (AGENCY_KINDS, DAY_KINDS, DEADLINE_KINDS, DIMENSIONS, EVENT_TYPES, FREQUENCIES,
                     MEASURES, NOT_YET_ASSIGNED, REPORT_FORMATS, REPORT_LANGUAGES, STATUS_NAMES,
                     TASK_STATUSES)
from ._dates import DateLike
from .agencies import Agency, Registry, Resolution, resolve_agencies
from .calendar import Calendar, LunarDate
from .dataset import Classification, Dataset, PathLike, Problem, Task, TaskStatus
from .deadline import Deadline, Milestone, Recurrence, extract_deadline, parse_deadline

try:
    from ._version import __version__
except ImportError:  # running from the source tree: the library's version
    __version__ = _lib.mdt_version().decode()


def library_version() -> str:
    """The version of the loaded libmandate (``mdt_version()``)."""
    return _lib.mdt_version().decode()


def library_path() -> str:
    """The path of the loaded libmandate (bundled, ``MANDATE_LIBRARY`` or the system's)."""
    return _LIBRARY_PATH


__all__ = [
    "__version__", "library_version", "library_path",
    "Error", "InvalidArgument", "InvalidHandle", "NotFound", "ParseError", "InvalidUtf8",
    "BufferTooSmall", "OutOfRange", "AlreadyExists", "IOFailure", "LimitExceeded", "Corrupt",
    "NoMemory", "InternalError",
    "Dataset", "Task", "TaskStatus", "Problem", "Classification", "PathLike", "DateLike",
    "Deadline", "Milestone", "Recurrence", "parse_deadline", "extract_deadline",
    "Registry", "Agency", "Resolution", "resolve_agencies",
    "Calendar", "LunarDate",
    "TASK_STATUSES", "STATUS_NAMES", "NOT_YET_ASSIGNED", "DEADLINE_KINDS", "FREQUENCIES",
    "EVENT_TYPES", "AGENCY_KINDS", "DAY_KINDS", "DIMENSIONS", "MEASURES", "REPORT_FORMATS",
    "REPORT_LANGUAGES",
]
