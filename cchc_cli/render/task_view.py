"""``cchc task show`` for people: one task, its state as of a day, its progress record.

How it fits the terminal: the content and every fact wrap at spaces (labels never
wrap); the updates table keeps Date, Status and % whole, wraps Note at spaces (a word
too long ends in "…") and, below 100 columns, lists the evidence under the note
instead of in a column of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.i18n import _
from cchc_cli.i18n.forms import day, number
from cchc_cli.render.agenda_tables import Fitted, deadline_text, send_by_note, timing_text
from cchc_cli.render.styles import STATE_STYLE, clean, state_label, status_label
from cchc_cli.services.task import TaskResult

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["task_text"]

EVIDENCE_FROM = 100
"""From this width the evidence of updates has a column of its own."""


def _units(result: TaskResult, codes: list[str]) -> str:
    names = result.unit_names
    return "\n".join(f"{code} — {names[code]}" if code in names else code for code in codes)


def _facts(result: TaskResult) -> list[tuple[str, str]]:
    task, item = result.task, result.state
    rows = [
        (_("Lead"), _units(result, task.lead)),
        (_("Coordinators"), _units(result, task.coordinators) or "—"),
    ]
    if task.deadline.text:
        rows.append((_("Deadline as written"), task.deadline.text))
    rows.append((_("Deadline"), deadline_text(item.occurrence)))
    if item.occurrence is not None and item.occurrence.relation == "before":
        rows.append((_("Last day"), day(item.occurrence.last_day)))
    timing = timing_text(item) if item.open else "—"
    label = state_label(item.state)
    rows.append(
        (
            _("As of {day}").format(day=day(item.as_of)),
            label if timing == "—" else f"{label}: {timing}",
        )
    )
    note = send_by_note(item)
    if note is not None:
        rows.append((_("Send by"), note))
    status = status_label(task.status)
    if item.percent is not None:
        status += f" ({number(item.percent, 1)}%)"
    rows += [
        (_("Status"), status),
        (_("Deliverables"), "\n".join(task.deliverables) or "—"),
        (_("Areas"), ", ".join(task.areas) or "—"),
        (_("Targets"), ", ".join(task.targets) or "—"),
        (_("File"), result.file),
    ]
    return rows


def _updates(result: TaskResult, width: int) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    with_evidence = width >= EVIDENCE_FROM
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column(_("Date"), no_wrap=True)
    table.add_column(_("Status"), min_width=8)
    table.add_column("%", no_wrap=True, justify="right")
    table.add_column(_("Note"), min_width=12, ratio=2, overflow="ellipsis")
    if with_evidence:
        table.add_column(_("Evidence"), min_width=12, ratio=1, overflow="ellipsis")
    for update in result.task.updates:
        note = Text(clean(update.note or ""))
        evidence = Text(clean("\n".join(update.evidence)))
        cells: list[Text | str] = [
            day(update.date),
            status_label(update.status),
            "—" if update.percent is None else number(update.percent, 1),
        ]
        if with_evidence:
            cells += [note, evidence]
        else:
            if update.evidence:
                if note.plain:
                    note.append("\n")
                note.append(evidence.plain, style="dim")
            cells.append(note)
        table.add_row(*cells)
    return table


def task_text(result: TaskResult) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    task, item = result.task, result.state
    title = Text(f"{clean(task.id)} · ")
    title.append(state_label(item.state), style=STATE_STYLE[item.state] or "bold")
    facts = Table(box=None, show_header=False, pad_edge=False)
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="ellipsis")
    for label, value in _facts(result):
        facts.add_row(label, Text(clean(value)))
    parts: list[RenderableType] = [
        Panel(Text(clean(task.content)), title=title, title_align="left"),
        facts,
        Text("\n" + _("Updates"), style="bold"),
    ]
    if not task.updates:
        parts.append(Text("  " + _("none recorded yet:"), style="dim"))
        parts.append(Text(f"  cchc task update {task.id}", style="dim"))
        return Group(*parts)
    parts.append(Fitted(lambda width: _updates(result, width)))
    return Group(*parts)
