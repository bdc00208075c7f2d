"""``cchc due`` and ``cchc workday``: one date, counted on the plan's working calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar, Literal

from cchc_cli.dates import check_countable
from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.schedule.workcal import DayInfo, DayOverride, WorkingCalendar
from cchc_cli.services.workspace import Workspace

__all__ = ["MAX_DAYS", "DueResult", "WorkdayResult", "due_date", "explain_day"]

MAX_DAYS = 3660
"""Longest processing time accepted (about ten years): beyond it, a typo is likelier."""


@dataclass(frozen=True)
class DueResult:
    kind: ClassVar[str] = "due"
    received: date
    days: int
    unit: Literal["working_days", "calendar_days"]
    due: date
    nominal: date
    """``received + days`` on the calendar, before any day off moved it."""
    days_off: list[DayInfo]
    """Days off between the day after receipt and the due date."""


@dataclass(frozen=True)
class WorkdayResult:
    kind: ClassVar[str] = "workday"
    date: dt.date
    weekday: str
    working_day: bool
    weekend: bool
    holiday: str | None
    override: DayOverride | None
    reasons: list[str]
    next_working_day: dt.date


def _calendar(workspace: Workspace | None) -> WorkingCalendar:
    """The plan's working calendar; without a plan, the national one (weekends, holidays)."""
    return workspace.schedule.calendar if workspace is not None else WorkingCalendar()


def due_date(
    workspace: Workspace | None, start: date, days: int, *, calendar_days: bool = False
) -> DueResult:
    """The due date of a dossier received on ``start`` with ``days`` to process it
    (``workspace`` None: on the national calendar, outside any plan)."""
    if days < 0:
        raise UserError(
            _("DAYS must be 0 or more (a processing time), not {days}").format(days=days),
            hint=_("e.g. {example}").format(example="cchc due 2024-02-05 10"),
        )
    if days > MAX_DAYS:
        raise UserError(
            _("DAYS must be at most {max} (about ten years), not {days}").format(
                max=MAX_DAYS, days=days
            )
        )
    check_countable(start, "DATE")
    calendar = _calendar(workspace)
    if calendar_days:
        due = calendar.add_calendar_days(start, days)
    else:
        due = calendar.add_working_days(start, days)
    return DueResult(
        received=start,
        days=days,
        unit="calendar_days" if calendar_days else "working_days",
        due=due,
        nominal=start + timedelta(days=days),
        days_off=calendar.days_off(start + timedelta(days=1), due),
    )


def explain_day(workspace: Workspace | None, day: date) -> WorkdayResult:
    """Whether ``day`` is a working day, and every reason that decides it (``workspace``
    None: on the national calendar)."""
    check_countable(day, "DATE")
    calendar = _calendar(workspace)
    info = calendar.explain(day)
    return WorkdayResult(
        date=day,
        weekday=info.weekday,
        working_day=info.working,
        weekend=info.weekend,
        holiday=info.holiday,
        override=info.override,
        reasons=info.reasons(),
        next_working_day=calendar.next_working_day(day),
    )
