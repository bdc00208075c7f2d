"""Rich tables of tasks and duties as of a day (shared by ``status`` and ``deadlines``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cchc_cli.dates import WEEKDAYS, format_day
from cchc_cli.quoting import shorten
from cchc_cli.render.styles import STATE_LABEL, STATE_STYLE, clean
from cchc_cli.schedule.state import ItemState

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = [
    "items_table",
    "send_by_note",
    "timing_text",
    "who_text",
]

_TITLE_LENGTH = 80
"""Task contents run to several sentences; the tables show their start."""


def who_text(item: ItemState) -> str:
    return ", ".join(item.units)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def timing_text(item: ItemState) -> str:
    """``3 working days left``, ``last day today``, ``24 working days late``…"""
    if not item.open or item.occurrence is None:
        return "—"
    if item.working_days_late is not None:
        return f"{_plural(item.working_days_late, 'working day')} late"
    if item.days_left == 0:
        return "last day today"
    return f"{_plural(item.working_days_left or 0, 'working day')} left"


def send_by_note(item: ItemState) -> str | None:
    """``09/03/2024 is a Saturday: send by 08/03/2024`` when the last day is a day off."""
    if item.send_by is None or item.occurrence is None:
        return None
    last = item.occurrence.last_day
    return (
        f"{format_day(last)} is a {WEEKDAYS[last.weekday()]} (day off): "
        f"send by {format_day(item.send_by)}"
    )


def items_table(items: Sequence[ItemState], *, show_state: bool = False) -> RenderableType:
    """One row per item; days off on last days are footnoted below the table.

    The Due cell holds the deadline and, below it, the time left or late (prefixed with
    the state when ``show_state``): four columns fit an 80-column terminal.
    """
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    table.add_column("ID", no_wrap=True)
    table.add_column("What", min_width=16)
    table.add_column("Who", max_width=16)
    table.add_column("Due", min_width=21)
    notes: list[str] = []
    for item in items:
        what = shorten(clean(item.title), _TITLE_LENGTH)
        if item.occurrence is not None and item.occurrence.period:
            what = f"{what} ({item.occurrence.period})"
        due = Text(item.occurrence.text() if item.occurrence else "—")
        note = send_by_note(item) if item.open else None
        if note is not None:
            notes.append(note)
            due.append(" " + "*" * len(notes))
        timing = timing_text(item)
        if show_state:
            timing = STATE_LABEL[item.state] + ("" if timing == "—" else f": {timing}")
        if timing != "—":
            due.append("\n" + timing, style=STATE_STYLE[item.state] or "dim")
        table.add_row(Text(clean(item.id)), Text(what), Text(who_text(item)), due)
    if not notes:
        return table
    footnotes = Text("\n".join(f"{'*' * (n + 1)} {note}" for n, note in enumerate(notes)))
    return Group(table, footnotes)
