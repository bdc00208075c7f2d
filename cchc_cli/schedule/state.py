"""Where a task or a reporting duty stands on a given day, and how urgent it is.

States:

* ``done`` / ``cancelled`` — from the task's recorded status;
* ``overdue`` — not done and its last allowed day has passed;
* ``due_soon`` — not done and its last allowed day is within the horizon
  (``calendar.due_soon_days`` calendar days, 14 by default);
* ``not_started`` — nothing recorded yet, and the deadline is not near;
* ``on_track`` — under way (or, for a duty, coming up) and the deadline is not near.

A reporting duty has no progress record, so cchc cannot know whether a past report
was sent: a duty is shown by its *next* occurrence, and leaves the lists when its last
one has passed. Time left and time late are counted in working days.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from cchc_cli.model.terms import Period, TaskState
from cchc_cli.schedule.history import status_on
from cchc_cli.schedule.periods import data_period
from cchc_cli.schedule.rules import Occurrence, occurrences
from cchc_cli.schedule.view import DutyItem, TaskItem
from cchc_cli.schedule.workcal import WorkingCalendar

__all__ = [
    "ItemState",
    "duty_state",
    "natural_key",
    "task_state",
    "urgency_key",
]


@dataclass(frozen=True, slots=True)
class ItemState:
    """A task or duty as of a day."""

    kind: Literal["task", "duty"]
    id: str
    title: str
    units: tuple[str, ...]
    """Lead units of a task, senders of a duty."""
    state: TaskState
    occurrence: Occurrence | None
    as_of: date
    days_left: int | None = None
    """Calendar days from ``as_of`` to the last allowed day (negative when late)."""
    working_days_left: int | None = None
    working_days_late: int | None = None
    last_day_off: bool = False
    """The last allowed day is a day off: the work should be sent the working day before."""
    send_by: date | None = None
    """The last working day on or before the last allowed day."""
    data_period: Period | None = None
    """For a report: the days its data covers."""
    status: str | None = None
    """A task's recorded status."""
    percent: float | None = None
    duty_kind: str | None = None
    """A duty's kind (``report``…)."""
    as_written: str | None = None
    """The deadline as the plan writes it, e.g. "Trước ngày 25/1/2024"."""

    @property
    def open(self) -> bool:
        return self.state not in ("done", "cancelled")


def _current(found: Sequence[Occurrence], as_of: date) -> Occurrence | None:
    """The first occurrence still to come (last day on or after ``as_of``)."""
    for occurrence in found:
        if occurrence.last_day >= as_of:
            return occurrence
    return None


@dataclass(frozen=True, slots=True)
class _Timing:
    state: TaskState | None
    """``overdue`` or ``due_soon``; None when the deadline is not near."""
    days_left: int
    working_days_left: int | None = None
    working_days_late: int | None = None
    last_day_off: bool = False
    send_by: date | None = None


def _timing(
    occurrence: Occurrence, calendar: WorkingCalendar, as_of: date, horizon: int
) -> _Timing:
    last = occurrence.last_day
    days_left = (last - as_of).days
    if as_of > last:
        late = calendar.working_days_between(last, as_of)
        return _Timing("overdue", days_left, working_days_late=late)
    off = not calendar.is_working_day(last)
    return _Timing(
        "due_soon" if days_left <= horizon else None,
        days_left,
        working_days_left=calendar.working_days_between(as_of, last),
        last_day_off=off,
        send_by=calendar.previous_working_day(last) if off else None,
    )


def _with_timing(item: ItemState, timing: _Timing, quiet: TaskState) -> ItemState:
    return replace(
        item,
        state=timing.state or quiet,
        days_left=timing.days_left,
        working_days_left=timing.working_days_left,
        working_days_late=timing.working_days_late,
        last_day_off=timing.last_day_off,
        send_by=timing.send_by,
    )


def task_state(
    task: TaskItem, calendar: WorkingCalendar, as_of: date, horizon: int, year: int
) -> ItemState:
    found = occurrences(task.deadline, year)
    occurrence = _current(found, as_of) or (found[-1] if found else None)
    status, percent = status_on(task.status, task.history, as_of)
    item = ItemState(
        "task",
        task.id,
        task.content,
        task.lead,
        "not_started" if status == "not_started" else "on_track",
        occurrence,
        as_of,
        status=status,
        percent=percent if task.history else task.percent,
        as_written=task.deadline.text,
    )
    if status == "done":
        return replace(item, state="done")
    if status == "cancelled":
        return replace(item, state="cancelled")
    if occurrence is None:
        return item
    return _with_timing(item, _timing(occurrence, calendar, as_of, horizon), item.state)


def duty_state(
    duty: DutyItem, calendar: WorkingCalendar, as_of: date, horizon: int, year: int
) -> ItemState | None:
    """The duty's next occurrence as of ``as_of``; None when none is left."""
    occurrence = _current(occurrences(duty.deadline, year), as_of)
    if occurrence is None:
        return None
    period = None
    if duty.kind == "report" and occurrence.period is not None and occurrence.year is not None:
        period = data_period(occurrence.period, occurrence.year, duty.period_rule)
    item = ItemState(
        "duty",
        duty.id,
        duty.title,
        duty.senders,
        "on_track",
        occurrence,
        as_of,
        data_period=period,
        duty_kind=duty.kind,
        as_written=duty.deadline.text,
    )
    return _with_timing(item, _timing(occurrence, calendar, as_of, horizon), "on_track")


_RANK = {"overdue": 0, "done": 2, "cancelled": 2}


def natural_key(ident: str) -> tuple[tuple[int, str], ...]:
    """``PL.3`` before ``PL.10``: digit runs compare as numbers."""
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part)
        for part in re.split(r"(\d+)", ident)
        if part
    )


def urgency_key(item: ItemState) -> tuple[int, date, str, tuple[tuple[int, str], ...]]:
    """Overdue first, then the nearest last day, then the lead unit, then the id."""
    last = item.occurrence.last_day if item.occurrence else date.max
    lead = item.units[0] if item.units else ""
    return (_RANK.get(item.state, 1), last, lead, natural_key(item.id))
