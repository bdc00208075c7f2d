"""``cchc deadlines``: the list behind the dashboard, filtered, as a table or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_cli.dates import WEEKDAYS, as_of_date, format_day
from cchc_cli.render.agenda_tables import items_table
from cchc_cli.schedule.agenda import agenda, select_deadlines
from cchc_cli.schedule.state import ItemState

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["DeadlinesResult", "FailOn", "deadlines_output"]

FailOn = Literal["overdue", "due-soon"]


@dataclass(frozen=True)
class DeadlinesResult:
    output: str | RenderableType
    failure: str | None
    """Why ``--fail-on`` fails the run, or None."""


def _failure(items: list[ItemState], fail_on: FailOn | None) -> str | None:
    if fail_on is None:
        return None
    states = ("overdue",) if fail_on == "overdue" else ("overdue", "due_soon")
    failing = [item for item in items if item.state in states]
    if not failing:
        return None
    what = "overdue" if fail_on == "overdue" else "overdue or due soon"
    ids = ", ".join(item.id for item in failing)
    return f"{len(failing)} item(s) {what} (--fail-on {fail_on}): {ids}"


def _text(items: list[ItemState], as_of: date, heading: str) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    title = Text(f"{heading} as of {format_day(as_of)} ({WEEKDAYS[as_of.weekday()]})")
    title.stylize("bold")
    if not items:
        return Group(title, Text("  nothing to show", style="dim"))
    return Group(title, items_table(items, show_state=True), Text(f"{len(items)} item(s)"))


def deadlines_output(
    plan_dir: Path,
    *,
    as_of: date | None = None,
    within: int | None = None,
    unit: str | None = None,
    overdue_only: bool = False,
    include_done: bool = False,
    fail_on: FailOn | None = None,
    fmt: Literal["text", "json"] = "text",
    today: date | None = None,
) -> DeadlinesResult:
    """Tasks and next duty occurrences, most urgent first, and whether to fail the run."""
    from cchc_cli.schedule.cache import load_schedule

    view = load_schedule(plan_dir)
    day = as_of_date(as_of, view.timezone, today)
    items = select_deadlines(
        agenda(view, day, unit=unit),
        within=within,
        overdue_only=overdue_only,
        include_done=include_done,
    )
    failure = _failure(items, fail_on)
    if fmt == "json":
        data = {
            "as_of": day.isoformat(),
            "horizon_days": view.due_soon_days,
            "unit": unit,
            "within_days": within,
            "overdue_only": overdue_only,
            "count": len(items),
            "items": [item.as_dict() for item in items],
        }
        return DeadlinesResult(json.dumps(data, ensure_ascii=False, indent=2), failure)
    heading = "Overdue" if overdue_only else "Deadlines"
    if within is not None:
        heading += f" within {within} days"
    if unit:
        heading += f" for {unit}"
    return DeadlinesResult(_text(items, day, heading), failure)
