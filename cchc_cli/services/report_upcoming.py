"""Section IV of a report: the open tasks and the reports that fall in the next period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cchc_cli.services.report_period import ReportPeriod
from cchc_cli.services.workspace import Workspace

__all__ = ["Upcoming", "upcoming"]


@dataclass(frozen=True)
class Upcoming:
    """A task or report due in the next period."""

    kind: str
    """``task`` or ``duty``."""
    id: str
    title: str
    who: list[str]
    due: date | None
    """Last day; None for a task that runs all year."""
    deadline: str
    overdue: bool = False
    """Past its last day already: carried over into the next period."""


def upcoming(
    workspace: Workspace, period: ReportPeriod, as_of: date, unit: str | None
) -> list[Upcoming]:
    """Open tasks and reporting duties that fall in the next period."""
    from cchc_cli.schedule.rules import occurrences
    from cchc_cli.schedule.state import task_state

    view = workspace.schedule
    nxt = period.following
    found: list[Upcoming] = []
    for task in view.tasks:
        if unit is not None and unit not in task.lead and unit not in task.coordinators:
            continue
        item = task_state(task, view.calendar, as_of, view.due_soon_days, view.year)
        occ = item.occurrence
        if not item.open or occ is None:
            continue
        first = occ.start or occ.last_day
        if item.state == "overdue" or (first <= nxt.end and occ.last_day >= nxt.start):
            whole = occ.start is not None and occ.start <= nxt.start and occ.last_day >= nxt.end
            names = [view.units.get(code, code) for code in task.lead]
            found.append(
                Upcoming(
                    "task",
                    task.id,
                    task.content,
                    names,
                    None if whole else occ.last_day,
                    task.deadline.text or occ.text(),
                    item.state == "overdue",
                )
            )
    for duty in view.duties:
        if unit is not None and unit not in duty.senders and unit not in duty.receivers:
            continue
        for year in (nxt.start.year, nxt.end.year):
            for occ in occurrences(duty.deadline, year):
                if nxt.start <= occ.last_day <= nxt.end:
                    names = [view.units.get(code, code) for code in duty.senders]
                    written = duty.deadline.text or occ.text()
                    found.append(
                        Upcoming("duty", duty.id, duty.title, names, occ.last_day, written)
                    )
    unique = {(item.kind, item.id, item.due): item for item in found}
    return sorted(unique.values(), key=_order)


def _order(item: Upcoming) -> tuple[bool, date, tuple[tuple[int, str], ...]]:
    """Overdue first, then by last day (all-year tasks last), then PL.2 before PL.10."""
    from cchc_cli.schedule.state import natural_key

    return (not item.overdue, item.due or date.max, natural_key(item.id))
