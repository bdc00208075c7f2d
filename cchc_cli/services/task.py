"""``cchc task show``: one task in full, its state as of a day, where it is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from cchc_cli.dates import as_of_date
from cchc_cli.model.tasks import Task
from cchc_cli.schedule.state import ItemState, task_state
from cchc_cli.services.workspace import Workspace

__all__ = ["TaskResult", "show_task"]


@dataclass(frozen=True)
class TaskResult:
    kind: ClassVar[str] = "task"
    task: Task
    state: ItemState
    file: str
    """``plan/tasks.yaml:42``: where the task is written."""
    unit_names: dict[str, str]
    """Code → name of the task's lead and coordinating units."""


def show_task(workspace: Workspace, task_id: str, *, as_of: date | None = None) -> TaskResult:
    """Everything about one task (the plan is loaded in full: updates, evidence…)."""
    from cchc_cli.findings import relative_path
    from cchc_cli.loading.locate import locate
    from cchc_cli.progress.record import find_task

    plan = workspace.plan
    task = find_task(plan, task_id)
    view = workspace.schedule
    day = as_of_date(as_of, view.timezone)
    entry = next(item for item in view.tasks if item.id == task.id)
    item = task_state(entry, view.calendar, day, view.due_soon_days, view.year)
    where = "—"
    if task.origin is not None:
        line, _ = locate(workspace.loaded.trees.get(task.origin.file), task.origin.path)
        where = f"{relative_path(task.origin.file)}:{line}"
    codes = [*task.lead, *task.coordinators]
    names = {code: plan.units_by_code[code].name for code in codes if code in plan.units_by_code}
    return TaskResult(task, item, where, names)
