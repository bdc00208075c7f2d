"""The targets panel of ``cchc status``: missed and at-risk targets first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.model.terms import TargetStatus
from cchc_cli.render.styles import TARGET_LABEL, TARGET_STYLE, clean
from cchc_cli.services.status import NO_DATA, TargetsSummary

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["targets_panel"]

_ORDER: dict[TargetStatus, int] = {"missed": 0, "at_risk": 1, "met": 2, "no_data": 3}


def targets_panel(summary: TargetsSummary) -> RenderableType:
    """The targets as a table: missed and at-risk ones first, then the rest in plan order."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    heading = Text("Targets", style="bold")
    lines = summary.items
    if not lines:
        return Group(heading, Text(f"  {summary.note or NO_DATA}", style="dim"))
    table = Table(box=None, pad_edge=True, show_header=True, header_style="bold")
    for column in ("Ref", "Measure", "Value", "Target", "Status"):
        table.add_column(column)
    measured = [line for line in lines if line.status != "no_data"]
    for line in sorted(measured, key=lambda line: _ORDER[line.status]):
        value = "—" if line.value is None else f"{line.value:.2f}"
        status = Text(TARGET_LABEL[line.status], style=TARGET_STYLE[line.status])
        table.add_row(
            Text(clean(line.ref)), Text(clean(line.measure)), value, Text(line.threshold), status
        )
    summary_line = Text(
        "  "
        + " · ".join(f"{summary.counts.get(status, 0)} {TARGET_LABEL[status]}" for status in _ORDER)
        + (f" ({summary.note})" if summary.note else ""),
        style="bold",
    )
    parts: list[RenderableType] = [heading, summary_line]
    if measured:
        parts.append(table)
    if len(measured) < len(lines):
        parts.append(Text("  targets without data are listed by `cchc kpi`", style="dim"))
    # Drawn without a frame: a Panel renders its content twice (fit, then crop), which
    # doubled the time of the whole dashboard.
    return Group(*parts)
