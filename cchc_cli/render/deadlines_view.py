"""``cchc deadlines`` for people: the filtered list as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.dates import WEEKDAYS, format_day
from cchc_cli.render.agenda_tables import items_table
from cchc_cli.render.styles import clean
from cchc_cli.services.deadlines import DeadlinesResult

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["deadlines_text"]


def deadlines_text(result: DeadlinesResult) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    heading = "Overdue" if result.overdue_only else "Deadlines"
    if result.within_days is not None:
        heading += f" within {result.within_days} days"
    if result.unit:
        heading += f" for {clean(result.unit)}"
    as_of = result.as_of
    title = Text(f"{heading} as of {format_day(as_of)} ({WEEKDAYS[as_of.weekday()]})")
    title.stylize("bold")
    if not result.items:
        return Group(title, Text("  nothing to show", style="dim"))
    return Group(title, items_table(result.items, show_state=True), Text(f"{result.count} item(s)"))
