"""``cchc deadlines``: tasks and next reports, filtered, most urgent first; CI's gate."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from cchc_cli.dates import as_of_date
from cchc_cli.i18n import _
from cchc_cli.schedule.agenda import agenda, select_deadlines
from cchc_cli.schedule.state import ItemState
from cchc_cli.services.workspace import Workspace

__all__ = ["DeadlinesResult", "FailOn", "list_deadlines"]

FailOn = Literal["overdue", "due-soon"]


@dataclass(frozen=True)
class DeadlinesResult:
    kind: ClassVar[str] = "deadlines"
    as_of: date
    horizon_days: int
    unit: str | None
    within_days: int | None
    overdue_only: bool
    count: int
    items: list[ItemState]
    failure: str | None
    """Why ``--fail-on`` fails the run, or None."""
    units: dict[str, str] = field(default_factory=dict)
    """Code → name of the plan's units (the tables name them where there is room)."""


def _failure(items: list[ItemState], fail_on: FailOn | None) -> str | None:
    if fail_on is None:
        return None
    states = ("overdue",) if fail_on == "overdue" else ("overdue", "due_soon")
    failing = [item for item in items if item.state in states]
    if not failing:
        return None
    ids = ", ".join(item.id for item in failing)
    count = len(failing)
    if fail_on == "overdue":
        one = _("{count} item overdue (--fail-on {option}): {ids}")
        many = _("{count} items overdue (--fail-on {option}): {ids}")
    else:
        one = _("{count} item overdue or due soon (--fail-on {option}): {ids}")
        many = _("{count} items overdue or due soon (--fail-on {option}): {ids}")
    return (one if count == 1 else many).format(count=count, option=fail_on, ids=ids)


def list_deadlines(
    workspace: Workspace,
    *,
    as_of: date | None = None,
    within: int | None = None,
    unit: str | None = None,
    overdue_only: bool = False,
    include_done: bool = False,
    fail_on: FailOn | None = None,
) -> DeadlinesResult:
    """Tasks and next duty occurrences, most urgent first, and whether to fail the run."""
    view = workspace.schedule
    day = as_of_date(as_of, view.timezone)
    items = select_deadlines(
        agenda(view, day, unit=unit),
        within=within,
        overdue_only=overdue_only,
        include_done=include_done,
    )
    return DeadlinesResult(
        as_of=day,
        horizon_days=view.due_soon_days,
        unit=unit,
        within_days=within,
        overdue_only=overdue_only,
        count=len(items),
        items=items,
        failure=_failure(items, fail_on),
        units=dict(view.units),
    )
