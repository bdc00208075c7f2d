"""Which report to write: quarterly, six-month or annual, and the days its data covers.

``--quarter`` and ``--half`` pick the quarterly or six-month report, ``--year`` alone
the annual one; with none of them, the report that is due next as of the day. The
data period follows the plan's period rule (Decree 09/2019/NĐ-CP, Art. 12 unless the
plan says ``calendar``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.model.terms import Frequency, Period, PeriodRule

if TYPE_CHECKING:
    from cchc_cli.services.report import ReportRequest
    from cchc_cli.services.workspace import Workspace

__all__ = ["ReportPeriod", "choose_report_period", "following_period"]

_FREQUENCY: dict[str, Frequency] = {"Q": "quarterly", "H": "half_yearly", "Y": "yearly"}
_NEXT = {"Q1": "Q2", "Q2": "Q3", "Q3": "Q4", "H1": "H2"}


@dataclass(frozen=True)
class ReportPeriod:
    """A report's period: ``Q2`` of 2024, its data period and the period after it."""

    name: str
    """``Q1``–``Q4``, ``H1``/``H2`` or ``Y``."""
    year: int
    frequency: Frequency
    rule: PeriodRule
    data: Period
    """The days whose data the report covers."""
    following: Period
    """The calendar span of the next period of the same kind (section IV)."""

    @property
    def key(self) -> str:
        """``2024-Q2``, ``2024-H1`` or ``2024``: how ``plan/reports/`` names it."""
        return str(self.year) if self.name == "Y" else f"{self.year}-{self.name}"


def following_period(name: str, year: int) -> tuple[str, int]:
    """The next period of the same kind: Q4 2024 → Q1 2025, H1 → H2, Y → next year."""
    if name in _NEXT:
        return _NEXT[name], year
    return ("Y" if name == "Y" else name[0] + "1"), year + 1


def _calendar_span(name: str, year: int) -> Period:
    from cchc_cli.schedule.periods import period_months

    first, last = period_months(name)
    end = date(year, last, calendar.monthrange(year, last)[1])
    return Period(date(year, first, 1), end, f"{year}-{name}")


def _named(quarter: str | None, half: str | None, year: int | None) -> str | None:
    if quarter is not None and half is not None:
        raise UserError(
            _("give --quarter or --half, not both"), hint=_("e.g. --quarter Q2 or --half H1")
        )
    if quarter is not None:
        name = quarter.strip().upper()
        if name not in ("Q1", "Q2", "Q3", "Q4"):
            raise UserError(
                _("--quarter {quarter}: a year has quarters Q1, Q2, Q3 and Q4").format(
                    quarter=quarter
                ),
                hint=_("e.g. cchc report --quarter Q2"),
            )
        return name
    if half is not None:
        name = half.strip().upper()
        if name not in ("H1", "H2"):
            raise UserError(
                _(
                    "--half {half}: a year has halves H1 (January–June) and H2 (July–December)"
                ).format(half=half),
                hint=_("e.g. cchc report --half H1"),
            )
        return name
    return "Y" if year is not None else None


def _next_due(workspace: Workspace, as_of: date) -> tuple[str, int] | None:
    """The report that is due next as of ``as_of`` (its period name and year)."""
    from cchc_cli.schedule.state import duty_state, urgency_key

    view = workspace.schedule
    found = [
        state
        for duty in view.duties
        if duty.kind == "report"
        and (state := duty_state(duty, view.calendar, as_of, view.due_soon_days, view.year))
    ]
    for state in sorted(found, key=urgency_key):
        occ = state.occurrence
        # A monthly report (annex row 13's TTHC statistics) is not a CCHC report.
        if occ is not None and occ.period is not None and occ.period[0] in _FREQUENCY:
            return occ.period, occ.year or view.year
    return None


def choose_report_period(workspace: Workspace, request: ReportRequest, as_of: date) -> ReportPeriod:
    """The report ``request`` names (or the one due next), with its data period."""
    from cchc_cli.schedule.periods import data_period

    plan = workspace.plan
    if request.year is not None and request.year != plan.year:
        raise UserError(
            _("--year {year}: this plan is for {plan_year}").format(
                year=request.year, plan_year=plan.year
            ),
            hint=_("write the report of {plan_year}, or use the plan of {year}").format(
                year=request.year, plan_year=plan.year
            ),
        )
    name = _named(request.quarter, request.half, request.year)
    year = plan.year
    if name is None:
        name, year = _next_due(workspace, as_of) or ("Y", plan.year)
    rule = plan.calendar.period_rule
    after, after_year = following_period(name, year)
    return ReportPeriod(
        name=name,
        year=year,
        frequency=_FREQUENCY[name[0]],
        rule=rule,
        data=data_period(name, year, rule),
        following=_calendar_span(after, after_year),
    )
