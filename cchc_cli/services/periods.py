"""``cchc periods``: every report of a year, its due date and the data it covers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from cchc_cli.schedule.agenda import PeriodRow, report_periods
from cchc_cli.services.workspace import Workspace

__all__ = ["PeriodsResult", "year_periods"]


@dataclass(frozen=True)
class PeriodsResult:
    kind: ClassVar[str] = "periods"
    year: int
    reports: list[PeriodRow]


def year_periods(workspace: Workspace, *, year: int | None = None) -> PeriodsResult:
    """Reports due in ``year`` (default: the plan's year) with their data periods."""
    view = workspace.schedule
    year = view.year if year is None else year
    return PeriodsResult(year, report_periods(view, year))
