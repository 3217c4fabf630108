"""The plain values the dataset API returns: problems, tasks, statuses, classifications."""

from __future__ import annotations

import dataclasses
import datetime
from typing import List, NamedTuple, Optional

from .deadline import Deadline

__all__ = ["Problem", "TaskStatus", "Task", "Classification"]


class Problem(NamedTuple):
    """Something a reader could not take as is: where (``record``: "line 12", "task X"),
    the ``field`` ("" for the whole record) and what is wrong (``message``)."""

    record: str
    field: str
    message: str


class TaskStatus(NamedTuple):
    """A task's status as of a day, as one line of ``mandate status``: the task id, the
    status name (STATUS_NAMES), the due day used (None when none) and the reason."""

    id: str
    status: str
    due: Optional[datetime.date]
    reason: str


@dataclasses.dataclass(frozen=True)
class Task:
    """One task as stored: ``lead`` and ``coordinators`` are canonical agency ids,
    ``sources`` the document references, ``assigned`` the day assigned (None when
    unknown), ``deadline_text`` the original deadline phrase as written, ``index`` its
    position in the dataset."""

    id: str
    title: str
    lead: List[str]
    coordinators: List[str]
    category: str
    sources: List[str]
    assigned: Optional[datetime.date]
    deadline_text: str
    deadline: Deadline
    index: int

    def __repr__(self) -> str:
        return (f"Task({self.id!r}, lead={self.lead!r}, deadline={self.deadline_text!r}, "
                f"assigned={self.assigned.isoformat() if self.assigned else None!r})")


@dataclasses.dataclass(frozen=True)
class Classification:
    """Everything the library says about one task as of a day (``Dataset.classify``)."""

    id: str
    index: int
    status: str
    due: Optional[datetime.date]
    deadline_kind: str
    completed: Optional[datetime.date]
    reason: str
    baseline_status: Optional[str]
    behind_schedule: bool
    expected_percent: Optional[float]
    reported_percent: Optional[int]
    met_on_time: int
    met_late: int
    missed: int
    #: A recurring task whose occurrence reports are not tracked: no data, never late.
    no_reports: bool = False
    #: Its occurrences fallen due without data.
    not_reported: int = 0
