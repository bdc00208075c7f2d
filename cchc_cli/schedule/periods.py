"""Periods of a year (``M1``…``M12``, ``Q1``…``Q4``, ``H1``/``H2``, ``Y``) and report data periods.

Two rules cut a report's data period, chosen in the plan (``calendar.period_rule``,
or per duty):

* ``decree-09-2019`` — Decree 09/2019/NĐ-CP on the reporting regime of state agencies,
  Art. 12: data runs from the 15th of the month before the period to the 14th of the
  period's last month (Q2: 15 March – 14 June; six months: 15 December – 14 June;
  year: 15 December of the previous year – 14 December);
* ``calendar`` — the calendar month, quarter, half-year or year.
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date

from cchc_cli.model.terms import FREQUENCIES, Frequency, Period, PeriodRule

__all__ = [
    "data_period",
    "frequency_of",
    "period_months",
    "period_names",
]

_MONTHS: dict[str, tuple[int, int]] = {
    **{f"M{month}": (month, month) for month in range(1, 13)},
    **{f"Q{q}": (3 * q - 2, 3 * q) for q in range(1, 5)},
    "H1": (1, 6),
    "H2": (7, 12),
    "Y": (1, 12),
}


def period_names(frequency: Frequency) -> tuple[str, ...]:
    return FREQUENCIES[frequency]


def frequency_of(period: str) -> Frequency | None:
    """``quarterly`` for ``Q2``; None for a name that is no period."""
    for frequency, names in FREQUENCIES.items():
        if period in names:
            return frequency
    return None


def period_months(period: str) -> tuple[int, int]:
    """First and last month of a period: ``Q2`` → (4, 6). Raises KeyError if unknown."""
    return _MONTHS[period]


def _last_day(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def data_period(period: str, year: int, rule: PeriodRule) -> Period:
    """The days whose data a report for ``period`` of ``year`` covers."""
    first, last = period_months(period)
    label = str(year) if period == "Y" else f"{year}-{period}"
    if rule == "calendar":
        return Period(date(year, first, 1), date(year, last, _last_day(year, last)), label)
    # Decree 09/2019/NĐ-CP, Art. 12: from the 15th of the month before the period
    # (December of the previous year for a period starting in January) to the 14th
    # of the period's last month.
    start = date(year - 1, 12, 15) if first == 1 else date(year, first - 1, 15)
    return Period(start, date(year, last, 14), label)
