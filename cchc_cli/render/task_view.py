"""``cchc task show`` for people: one task, its state as of a day, its progress record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.dates import format_day
from cchc_cli.render.agenda_tables import send_by_note, timing_text
from cchc_cli.render.styles import STATE_LABEL, STATE_STYLE, clean
from cchc_cli.services.task import TaskResult

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["task_text"]


def _units(result: TaskResult, codes: list[str]) -> str:
    names = result.unit_names
    return "\n".join(f"{code} — {names[code]}" if code in names else code for code in codes)


def task_text(result: TaskResult) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    task, item = result.task, result.state
    title = Text(f"{clean(task.id)} · ")
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
        ("Lead", _units(result, task.lead)),
        ("Coordinators", _units(result, task.coordinators) or "—"),
        ("Deadline", deadline),
        (f"As of {format_day(item.as_of)}", timing + (f"; {note}" if note else "")),
        ("Status", task.status + (f" ({item.percent:g}%)" if item.percent is not None else "")),
        ("Deliverables", "\n".join(task.deliverables) or "—"),
        ("Areas", ", ".join(task.areas) or "—"),
        ("Targets", ", ".join(task.targets) or "—"),
        ("File", result.file),
    ]
    for label, value in rows:
        facts.add_row(label, Text(clean(value)))
    parts: list[RenderableType] = [
        Panel(Text(clean(task.content)), title=title, title_align="left"),
        facts,
        Text("\nUpdates", style="bold"),
    ]
    if not task.updates:
        parts.append(Text(f"  none recorded yet: cchc task update {task.id}", style="dim"))
        return Group(*parts)
    updates = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    for column in ("Date", "Status", "%", "Note", "Evidence"):
        updates.add_column(column, no_wrap=column in ("Date", "Status", "%"))
    for update in task.updates:
        updates.add_row(
            format_day(update.date),
            update.status,
            "—" if update.percent is None else f"{update.percent:g}",
            Text(clean(update.note or "")),
            Text(clean("\n".join(update.evidence))),
        )
    parts.append(updates)
    return Group(*parts)
