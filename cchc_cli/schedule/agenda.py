"""What the office asks each morning: what is late, what is due soon, what report is next.

Every list is sorted by urgency (:func:`~cchc_cli.schedule.state.urgency_key`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from cchc_cli.dates import check_span
from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.model.terms import TASK_STATES, Period, TaskState
from cchc_cli.schedule.periods import data_period
from cchc_cli.schedule.rules import Occurrence, occurrences
from cchc_cli.schedule.state import ItemState, duty_state, task_state, urgency_key
from cchc_cli.schedule.view import PlanSchedule

__all__ = [
    "PeriodRow",
    "PlanRef",
    "StatusReport",
    "agenda",
    "build_status",
    "check_unit",
    "report_periods",
    "select_deadlines",
]


def check_unit(view: PlanSchedule, unit: str | None) -> None:
    """Refuse a unit code the plan does not declare, with a "did you mean"."""
    if unit is None or unit in view.units:
        return
    from cchc_cli.findings import quote
    from cchc_cli.suggest import did_you_mean

    raise UserError(
        _("unknown unit code {code}{suggestion}").format(
            code=quote(unit), suggestion=did_you_mean(unit, view.units)
        ),
        hint=_("the plan's units: {codes}").format(codes=", ".join(view.units)),
    )


def agenda(view: PlanSchedule, as_of: date, *, unit: str | None = None) -> list[ItemState]:
    """Every task and the next occurrence of every duty, most urgent first.

    With ``unit``: the tasks it leads or coordinates and the duties it sends or receives.
    """
    check_unit(view, unit)
    calendar, horizon, year = view.calendar, view.due_soon_days, view.year
    items = [
        task_state(task, calendar, as_of, horizon, year)
        for task in view.tasks
        if unit is None or unit in task.lead or unit in task.coordinators
    ]
    for duty in view.duties:
        if unit is not None and unit not in duty.senders and unit not in duty.receivers:
            continue
        state = duty_state(duty, calendar, as_of, horizon, year)
        if state is not None:
            items.append(state)
    return sorted(items, key=urgency_key)


@dataclass(frozen=True, slots=True)
class PlanRef:
    """Which plan a result is about."""

    id: str
    title: str
    year: int


@dataclass(frozen=True)
class StatusReport:
    """Where the plan's tasks and duties stand on a day (the schedule part of status)."""

    plan: PlanRef
    as_of: date
    horizon_days: int
    unit: str | None
    counts: dict[TaskState, int]
    """Tasks by state (every state present, zero included)."""
    overdue: list[ItemState]
    due_soon: list[ItemState]
    next_report: ItemState | None


def build_status(view: PlanSchedule, as_of: date, *, unit: str | None = None) -> StatusReport:
    items = agenda(view, as_of, unit=unit)
    counts: dict[TaskState, int] = dict.fromkeys(TASK_STATES, 0)
    for item in items:
        if item.kind == "task":
            counts[item.state] += 1
    # The next report is the office's, whoever asks: it is not filtered by unit.
    reports = [
        state
        for duty in view.duties
        if duty.kind == "report"
        and (state := duty_state(duty, view.calendar, as_of, view.due_soon_days, view.year))
    ]
    return StatusReport(
        plan=PlanRef(view.plan_id, view.title, view.year),
        as_of=as_of,
        horizon_days=view.due_soon_days,
        unit=unit,
        counts=counts,
        overdue=[item for item in items if item.state == "overdue"],
        due_soon=[item for item in items if item.state == "due_soon"],
        next_report=min(reports, key=urgency_key) if reports else None,
    )


def select_deadlines(
    items: Iterable[ItemState],
    *,
    within: int | None = None,
    overdue_only: bool = False,
    include_done: bool = False,
) -> list[ItemState]:
    """The items behind the dashboard, filtered as ``cchc deadlines`` is asked to."""
    if within is not None:
        check_span(within, "--within")
    chosen = []
    for item in items:
        if overdue_only and item.state != "overdue":
            continue
        if not include_done and not item.open:
            continue
        last = item.occurrence.last_day if item.occurrence else None
        if within is not None and last is not None and last > item.as_of + timedelta(days=within):
            continue
        chosen.append(item)
    return chosen


@dataclass(frozen=True, slots=True)
class PeriodRow:
    """One report due in a year, and the data it covers."""

    duty_id: str
    title: str
    occurrence: Occurrence
    rule: str
    data_period: Period | None


def report_periods(view: PlanSchedule, year: int | None = None) -> list[PeriodRow]:
    """Every report of ``year`` (default: the plan's) with its due date and data period."""
    year = view.year if year is None else year
    rows = []
    for duty in view.duties:
        if duty.kind != "report":
            continue
        for occ in occurrences(duty.deadline, year):
            if occ.day.year != year:
                continue
            period = (
                data_period(occ.period, year, duty.period_rule) if occ.period is not None else None
            )
            rows.append(PeriodRow(duty.id, duty.title, occ, duty.period_rule, period))
    return sorted(rows, key=lambda row: (row.occurrence.day, row.duty_id))
