"""The part of a plan that scheduling needs, as plain frozen data.

Built from a validated :class:`~cchc_cli.model.Plan` (:func:`from_plan`), and written to
and read from JSON (:func:`to_json`, :func:`from_json`) so that a plan that has not
changed since the last run is not parsed and validated again (see ``cache.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from cchc_cli.model.terms import PeriodRule
from cchc_cli.schedule.history import Step
from cchc_cli.schedule.rules import DeadlineSpec, RecurrenceSpec, spec_from_model
from cchc_cli.schedule.workcal import DayOverride, WorkingCalendar

if TYPE_CHECKING:
    from cchc_cli.model import Plan
    from cchc_cli.schedule.workcal import HolidayFetcher

__all__ = [
    "VIEW_FORMAT",
    "DutyItem",
    "PlanSchedule",
    "TaskItem",
    "from_json",
    "from_plan",
    "to_json",
]

VIEW_FORMAT = 3
"""Bumped whenever the JSON shape below changes, so old cache entries are ignored."""


@dataclass(frozen=True, slots=True)
class TaskItem:
    id: str
    content: str
    lead: tuple[str, ...]
    coordinators: tuple[str, ...]
    deadline: DeadlineSpec
    status: str
    """``not_started``, ``in_progress``, ``done`` or ``cancelled``."""
    percent: float | None = None
    """From the latest progress update."""
    updated: date | None = None
    """Date of the latest progress update."""
    deliverables: tuple[str, ...] = ()
    history: tuple[Step, ...] = ()
    """Every progress update, oldest first, for the task's state as of a past day."""


@dataclass(frozen=True, slots=True)
class DutyItem:
    id: str
    ref: str
    title: str
    kind: str
    """``report``, ``plan``, ``budget_estimate`` or ``other``."""
    senders: tuple[str, ...]
    receivers: tuple[str, ...]
    forward_to: tuple[str, ...]
    deadline: DeadlineSpec
    period_rule: PeriodRule
    """The duty's own rule, else the calendar's."""


@dataclass(frozen=True)
class PlanSchedule:
    plan_id: str
    title: str
    year: int
    timezone: str
    period_rule: PeriodRule
    due_soon_days: int
    units: dict[str, str]
    """Unit code → full name."""
    tasks: tuple[TaskItem, ...]
    duties: tuple[DutyItem, ...]
    overrides: tuple[DayOverride, ...] = ()
    holidays: dict[date, str] = field(default_factory=dict)
    holiday_years: tuple[int, ...] = ()
    """The years whose holidays ``holidays`` holds; others are fetched when needed."""
    measured: bool = False
    """The plan declares datasets: its targets can be measured (``cchc_cli.measure``)."""

    @cached_property
    def calendar(self) -> WorkingCalendar:
        return WorkingCalendar(self.holidays, self.overrides, years=self.holiday_years)


def from_plan(plan: Plan, fetch: HolidayFetcher | None = None) -> PlanSchedule:
    """The scheduling view of a validated plan, with the holidays of the years around it."""
    if fetch is None:
        from cchc_cli.schedule.holidays_vn import cached_public_holidays

        fetch = cached_public_holidays
    years = (plan.year - 1, plan.year, plan.year + 1)
    calendar = plan.calendar
    overrides = tuple(
        DayOverride(day, override.kind == "working_day", override.reason)
        for override in calendar.overrides
        for day in override.days()
    )
    tasks = []
    for task in plan.tasks:
        latest = task.updates[-1] if task.updates else None
        tasks.append(
            TaskItem(
                id=task.id,
                content=task.content,
                lead=tuple(task.lead),
                coordinators=tuple(task.coordinators),
                deadline=spec_from_model(task.deadline),
                status=task.status,
                percent=None if latest is None else latest.percent,
                updated=None if latest is None else latest.date,
                deliverables=tuple(task.deliverables),
                history=tuple((u.date, u.status, u.percent) for u in task.updates),
            )
        )
    duties = tuple(
        DutyItem(
            id=duty.id,
            ref=duty.ref,
            title=duty.title,
            kind=duty.kind,
            senders=tuple(duty.senders),
            receivers=tuple(duty.receivers),
            forward_to=tuple(duty.forward_to),
            deadline=spec_from_model(duty.deadline),
            period_rule=duty.period_rule or calendar.period_rule,
        )
        for duty in plan.duties
    )
    return PlanSchedule(
        plan_id=plan.meta.id,
        title=plan.meta.title,
        year=plan.year,
        timezone=calendar.timezone,
        period_rule=calendar.period_rule,
        due_soon_days=calendar.due_soon_days,
        units={unit.code: unit.name for unit in plan.units},
        tasks=tuple(tasks),
        duties=duties,
        overrides=overrides,
        holidays=dict(fetch(years)),
        holiday_years=years,
        measured=bool(plan.datasets),
    )


# --- JSON ------------------------------------------------------------------------------


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _spec_to_dict(spec: DeadlineSpec) -> dict[str, Any]:
    rule = spec.recurrence
    return {
        "kind": spec.kind,
        "text": spec.text,
        "day": _iso(spec.day),
        "start": _iso(spec.start),
        "end": _iso(spec.end),
        "recurrence": None
        if rule is None
        else {
            "frequency": rule.frequency,
            "periods": list(rule.periods) if rule.periods is not None else None,
            "day": rule.day,
            "month": rule.month,
            "relation": rule.relation,
        },
    }


def _spec_from_dict(data: dict[str, Any]) -> DeadlineSpec:
    rule = data["recurrence"]
    return DeadlineSpec(
        kind=data["kind"],
        text=data["text"],
        day=_day(data["day"]),
        start=_day(data["start"]),
        end=_day(data["end"]),
        recurrence=None
        if rule is None
        else RecurrenceSpec(
            frequency=rule["frequency"],
            periods=tuple(rule["periods"]) if rule["periods"] is not None else None,
            day=rule["day"],
            month=rule["month"],
            relation=rule["relation"],
        ),
    )


def to_json(view: PlanSchedule) -> str:
    data = {
        "format": VIEW_FORMAT,
        "plan_id": view.plan_id,
        "title": view.title,
        "year": view.year,
        "timezone": view.timezone,
        "period_rule": view.period_rule,
        "due_soon_days": view.due_soon_days,
        "units": view.units,
        "tasks": [
            {
                "id": t.id,
                "content": t.content,
                "lead": list(t.lead),
                "coordinators": list(t.coordinators),
                "deadline": _spec_to_dict(t.deadline),
                "status": t.status,
                "percent": t.percent,
                "updated": _iso(t.updated),
                "deliverables": list(t.deliverables),
                "history": [[_iso(on), status, percent] for on, status, percent in t.history],
            }
            for t in view.tasks
        ],
        "duties": [
            {
                "id": d.id,
                "ref": d.ref,
                "title": d.title,
                "kind": d.kind,
                "senders": list(d.senders),
                "receivers": list(d.receivers),
                "forward_to": list(d.forward_to),
                "deadline": _spec_to_dict(d.deadline),
                "period_rule": d.period_rule,
            }
            for d in view.duties
        ],
        "overrides": [[o.day.isoformat(), o.working, o.reason] for o in view.overrides],
        "holidays": {day.isoformat(): name for day, name in view.holidays.items()},
        "holiday_years": list(view.holiday_years),
        "measured": view.measured,
    }
    return json.dumps(data, ensure_ascii=False)


def from_json(text: str) -> PlanSchedule:
    """The view written by :func:`to_json`; ``ValueError``/``KeyError`` if it is not one."""
    data = cast(dict[str, Any], json.loads(text))
    if data.get("format") != VIEW_FORMAT:
        raise ValueError("not a plan view of this format")
    return PlanSchedule(
        plan_id=data["plan_id"],
        title=data["title"],
        year=data["year"],
        timezone=data["timezone"],
        period_rule=data["period_rule"],
        due_soon_days=data["due_soon_days"],
        units=dict(data["units"]),
        tasks=tuple(
            TaskItem(
                id=t["id"],
                content=t["content"],
                lead=tuple(t["lead"]),
                coordinators=tuple(t["coordinators"]),
                deadline=_spec_from_dict(t["deadline"]),
                status=t["status"],
                percent=t["percent"],
                updated=_day(t["updated"]),
                deliverables=tuple(t["deliverables"]),
                history=tuple(
                    (date.fromisoformat(on), str(status), percent)
                    for on, status, percent in t["history"]
                ),
            )
            for t in data["tasks"]
        ),
        duties=tuple(
            DutyItem(
                id=d["id"],
                ref=d["ref"],
                title=d["title"],
                kind=d["kind"],
                senders=tuple(d["senders"]),
                receivers=tuple(d["receivers"]),
                forward_to=tuple(d["forward_to"]),
                deadline=_spec_from_dict(d["deadline"]),
                period_rule=d["period_rule"],
            )
            for d in data["duties"]
        ),
        overrides=tuple(
            DayOverride(date.fromisoformat(day), bool(working), reason)
            for day, working, reason in data["overrides"]
        ),
        holidays={date.fromisoformat(day): name for day, name in data["holidays"].items()},
        holiday_years=tuple(data["holiday_years"]),
        measured=bool(data["measured"]),
    )
