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


def targets_json(lines: Sequence[TargetLine] | None) -> dict[str, object]:
    """``{"status": "no_data", "items": []}`` until there are measured targets."""
    if not lines:
        return {"status": "no_data", "items": []}
    return {"status": "measured", "items": [line.as_dict() for line in lines]}


def targets_panel(lines: Sequence[TargetLine] | None) -> RenderableType:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if not lines:
        return Panel(Text(NO_DATA, style="dim"), title="Targets", title_align="left")
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    for column in ("Ref", "Measure", "Value", "Target", "Status"):
        table.add_column(column)
    for line in lines:
        value = "—" if line.value is None else f"{line.value:.2f}"
        status = Text(line.status.replace("_", " "), style=_STYLE[line.status])
        table.add_row(line.ref, line.measure, value, line.threshold, status)
    return Panel(table, title="Targets", title_align="left")
