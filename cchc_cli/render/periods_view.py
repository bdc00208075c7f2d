"""``cchc periods``: every report of a year, its due date and the data it covers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_cli.schedule.agenda import PeriodRow, report_periods

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["periods_output"]

_RULES = {
    "decree-09-2019": "Decree 09/2019/NĐ-CP, Art. 12: from the 15th of the month before the "
    "period to the 14th of its last month",
    "calendar": "calendar months, quarters, halves and years",
}


def _text(rows: list[PeriodRow], year: int) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    title = Text(f"Reports of {year}", style="bold")
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
            row.title,
            row.occurrence.period or "—",
            (period.text() if period else "—") + marker,
            row.rule,
        ]
        table.add_row(*cells[: len(columns)])
    notes = [f"Data periods, {rule}: {_RULES[rule]}" for rule in rules]
    if late_data:
        notes.append("* the data period ends after the report is due: the last days are estimates")
    return Group(title, table, Text("\n".join(notes), style="dim"))


def periods_output(
    plan_dir: Path, *, year: int | None = None, fmt: Literal["text", "json"] = "text"
) -> str | RenderableType:
    """Reports due in ``year`` (default: the plan's year) with their data periods."""
    from cchc_cli.schedule.cache import load_schedule

    view = load_schedule(plan_dir)
    year = view.year if year is None else year
    rows = report_periods(view, year)
    if fmt == "json":
        data = {"year": year, "reports": [row.as_dict() for row in rows]}
        return json.dumps(data, ensure_ascii=False, indent=2)
    return _text(rows, year)
