"""``cchc deadlines`` for people: the filtered list as a table.

The table fits the terminal as :func:`~cchc_cli.render.agenda_tables.items_table` says:
What wraps at spaces (a long word ends in "…"), units go from names to codes below 100
columns (the names listed under the table), the Who column goes below 72 (its codes
move under What); IDs and dates are never cut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.i18n import _, ngettext
from cchc_cli.i18n.forms import weekday
from cchc_cli.render.agenda_tables import items_table
from cchc_cli.render.styles import clean
from cchc_cli.services.deadlines import DeadlinesResult

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["deadlines_text"]


def _heading(result: DeadlinesResult) -> str:
    as_of = weekday(result.as_of)
    unit = None
    if result.unit:
        name = result.units.get(result.unit)
        unit = clean(result.unit if name is None else f"{result.unit} ({name})")
    within = result.within_days
    if result.overdue_only:
        if unit:
            return _("Overdue for {unit} as of {day}").format(unit=unit, day=as_of)
        return _("Overdue as of {day}").format(day=as_of)
    if within is not None and unit:
        return _("Deadlines within {days} days for {unit} as of {day}").format(
            days=within, unit=unit, day=as_of
        )
    if within is not None:
        return _("Deadlines within {days} days as of {day}").format(days=within, day=as_of)
    if unit:
        return _("Deadlines for {unit} as of {day}").format(unit=unit, day=as_of)
    return _("Deadlines as of {day}").format(day=as_of)


def deadlines_text(result: DeadlinesResult) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    title = Text(_heading(result), style="bold")
    if not result.items:
        return Group(title, Text("  " + _("nothing to show"), style="dim"))
    count = ngettext("{count} item", "{count} items", result.count).format(count=result.count)
    return Group(title, items_table(result.items, show_state=True, names=result.units), Text(count))
