"""``cchc task show``: one task in full, its state as of a day, and its progress record."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_cli.dates import as_of_date, format_day
from cchc_cli.render.agenda_tables import STATE_LABEL, STATE_STYLE, send_by_note, timing_text
from cchc_cli.schedule.state import ItemState, task_state

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cchc_cli.model import Plan, Task

__all__ = ["task_output"]


def _units(plan: Plan, codes: list[str]) -> str:
    names = plan.units_by_code
    return "\n".join(f"{code} — {names[code].name}" if code in names else code for code in codes)


def _text(plan: Plan, task: Task, item: ItemState, where: str) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    title = Text(f"{task.id} · ")
    title.append(STATE_LABEL[item.state], style=STATE_STYLE[item.state] or "bold")
    facts = Table(box=None, show_header=False, pad_edge=False)
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    deadline = item.occurrence.text() if item.occurrence else "—"
    if task.deadline.text:
        deadline = f"{task.deadline.text} → {deadline}"
    if item.occurrence is not None and item.occurrence.relation == "before":
        deadline += f" (last day {format_day(item.occurrence.last_day)})"
    timing = timing_text(item) if item.open else STATE_LABEL[item.state]
    note = send_by_note(item)
    rows = [
        ("Lead", _units(plan, task.lead)),
        ("Coordinators", _units(plan, task.coordinators) or "—"),
        ("Deadline", deadline),
        (f"As of {format_day(item.as_of)}", timing + (f"; {note}" if note else "")),
        ("Status", task.status + (f" ({item.percent:g}%)" if item.percent is not None else "")),
        ("Deliverables", "\n".join(task.deliverables) or "—"),
        ("Areas", ", ".join(task.areas) or "—"),
        ("Targets", ", ".join(task.targets) or "—"),
        ("File", where),
    ]
    for label, value in rows:
        facts.add_row(label, value)
    parts: list[RenderableType] = [
        Panel(Text(task.content), title=title, title_align="left"),
        facts,
        Text("\nUpdates", style="bold"),
    ]
    if not task.updates:
        parts.append(Text("  none recorded yet: cchc task update " + task.id, style="dim"))
        return Group(*parts)
    updates = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    for column in ("Date", "Status", "%", "Note", "Evidence"):
        updates.add_column(column, no_wrap=column in ("Date", "Status", "%"))
    for update in task.updates:
        updates.add_row(
            format_day(update.date),
            update.status,
            "—" if update.percent is None else f"{update.percent:g}",
            update.note or "",
            "\n".join(update.evidence),
        )
    parts.append(updates)
    return Group(*parts)


def task_output(
    plan_dir: Path,
    task_id: str,
    *,
    as_of: date | None = None,
    fmt: Literal["text", "json"] = "text",
    today: date | None = None,
) -> str | RenderableType:
    """Everything about one task (the plan is loaded in full: updates, evidence…)."""
    from cchc_cli.findings import relative_path
    from cchc_cli.loading import require_plan
    from cchc_cli.loading.locate import locate
    from cchc_cli.progress.record import find_task
    from cchc_cli.schedule.view import from_plan

    plan, loaded = require_plan(plan_dir)
    task = find_task(plan, task_id)
    view = from_plan(plan)
    day = as_of_date(as_of, view.timezone, today)
    entry = next(item for item in view.tasks if item.id == task.id)
    item = task_state(entry, view.calendar, day, view.due_soon_days, view.year)
    where = "—"
    if task.origin is not None:
        line, _ = locate(loaded.trees.get(task.origin.file), task.origin.path)
        where = f"{relative_path(task.origin.file)}:{line}"
    if fmt == "json":
        data = {"task": task.model_dump(mode="json"), "state": item.as_dict(), "file": where}
        return json.dumps(data, ensure_ascii=False, indent=2)
    return _text(plan, task, item, where)
