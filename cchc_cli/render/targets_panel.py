"""The targets panel of ``cchc status``: what it shows, and how.

:class:`TargetLine` is the contract with whatever measures targets (``cchc_cli.measure``):
give :func:`targets_panel` a list of them and the dashboard shows them; give it nothing
and the panel says there is no data yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["TargetLine", "TargetStatus", "targets_json", "targets_panel"]

TargetStatus = Literal["met", "at_risk", "missed", "no_data"]

_STYLE: dict[str, str] = {
    "met": "green",
    "at_risk": "yellow",
    "missed": "bold red",
    "no_data": "dim",
}

NO_DATA = "no data yet: targets are measured from the dossier system's exports"


@dataclass(frozen=True, slots=True)
class TargetLine:
    """One target as the dashboard shows it."""

    ref: str
    """Where the plan sets it: ``II.6``, ``PL.10``…"""
    measure: str
    """The measure id, e.g. ``on_time_rate``."""
    value: float | None
    """The measured value (a percentage for rates); None when there is no data."""
    threshold: str
    """The commitment in short form, e.g. ``> 95%``."""
    status: TargetStatus

    def as_dict(self) -> dict[str, object]:
        return {
            "ref": self.ref,
            "measure": self.measure,
            "value": self.value,
            "threshold": self.threshold,
            "status": self.status,
        }


def targets_json(lines: Sequence[TargetLine] | None, note: str | None = None) -> dict[str, object]:
    """``{"status": "no_data", "items": [], "note": …}`` until there are measured targets."""
    if not lines:
        return {"status": "no_data", "items": [], "note": note or NO_DATA}
    counts = {status: sum(line.status == status for line in lines) for status in _STYLE}
    return {
        "status": "measured",
        "note": note,
        "counts": counts,
        "items": [line.as_dict() for line in lines],
    }


def targets_panel(lines: Sequence[TargetLine] | None, note: str | None = None) -> RenderableType:
    """The targets as a table: missed and at-risk ones first, then the rest in plan order."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    heading = Text("Targets", style="bold")
    if not lines:
        return Group(heading, Text(f"  {note or NO_DATA}", style="dim"))
    table = Table(box=None, pad_edge=True, show_header=True, header_style="bold")
    for column in ("Ref", "Measure", "Value", "Target", "Status"):
        table.add_column(column)
    order = {"missed": 0, "at_risk": 1, "met": 2, "no_data": 3}
    measured = [line for line in lines if line.status != "no_data"]
    for line in sorted(measured, key=lambda line: order[line.status]):
        value = "—" if line.value is None else f"{line.value:.2f}"
        status = Text(line.status.replace("_", " "), style=_STYLE[line.status])
        table.add_row(line.ref, line.measure, value, line.threshold, status)
    summary = Text(
        "  "
        + " · ".join(
            f"{sum(line.status == status for line in lines)} {status.replace('_', ' ')}"
            for status in order
        )
        + (f" ({note})" if note else ""),
        style="bold",
    )
    parts: list[RenderableType] = [heading, summary, table] if measured else [heading, summary]
    if len(measured) < len(lines):
        parts.append(Text("  targets without data are listed by `cchc kpi`", style="dim"))
    # Drawn without a frame: a Panel renders its content twice (fit, then crop), which
    # doubled the time of the whole dashboard.
    return Group(*parts)
