"""``cchc periods`` for people: every report of a year, its due date and data period."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.render.styles import clean
from cchc_cli.services.periods import PeriodsResult

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["periods_text"]

_RULES = {
    "decree-09-2019": "Decree 09/2019/NĐ-CP, Art. 12: from the 15th of the month before the "
    "period to the 14th of its last month",
    "calendar": "calendar months, quarters, halves and years",
}


def periods_text(result: PeriodsResult) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    rows = result.reports
    title = Text(f"Reports of {result.year}", style="bold")
    if not rows:
        return Group(title, Text("  no report falls due in this year", style="dim"))
    rules = sorted({row.rule for row in rows})
    columns = ["Due", "Report", "Period", "Data period"] + (["Rule"] if len(rules) > 1 else [])
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column, no_wrap=column != "Report")
    late_data = False
    for row in rows:
        period = row.data_period
        marker = ""
        if period is not None and period.end > row.occurrence.last_day:
            late_data = True
            marker = " *"
        cells = [
            row.occurrence.text(),
            clean(row.title),
            row.occurrence.period or "—",
            (period.text() if period else "—") + marker,
            row.rule,
        ]
        table.add_row(*(Text(cell) for cell in cells[: len(columns)]))
    notes = [f"Data periods, {rule}: {_RULES[rule]}" for rule in rules]
    if late_data:
        notes.append("* the data period ends after the report is due: the last days are estimates")
    return Group(title, table, Text("\n".join(notes), style="dim"))
