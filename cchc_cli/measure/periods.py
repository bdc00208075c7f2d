"""Measurement periods: which days a quarter, half or year covers under the plan's rule.

The plan's ``calendar.period_rule`` decides (data, not code):

* ``decree-09-2019`` — Decree 09/2019/NĐ-CP, Art. 12: a periodic report's data runs from
  the 15th of the month before the period to the 14th of the period's last month
  (Q2: 15 March - 14 June; H1: 15 December - 14 June; the year: 15 December of the
  previous year - 14 December);
* ``calendar`` — calendar months, quarters, halves and years.

The rule itself lives with the reporting calendar (:func:`cchc_cli.schedule.periods.
data_period`); this module gives measured periods their labels and reads them back.
"""

from __future__ import annotations

import re
from datetime import date

from cchc_cli.dates import FIRST_DAY, LAST_DAY, check_countable
from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.i18n.forms import day
from cchc_cli.model.terms import Period, PeriodRule
from cchc_cli.schedule.periods import data_period, frequency_of

__all__ = [
    "month_periods",
    "named_period",
    "parse_period_label",
    "select_period",
]


def named_period(rule: PeriodRule, year: int, name: str) -> Period:
    """``Q2``, ``H1``, ``M6`` or ``Y`` of ``year`` under ``rule``."""
    return data_period(name, year, rule)


def month_periods(rule: PeriodRule, year: int) -> list[Period]:
    return [named_period(rule, year, f"M{month}") for month in range(1, 13)]


def select_period(
    rule: PeriodRule,
    plan_year: int,
    *,
    quarter: str | None = None,
    half: str | None = None,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
    ytd: bool = False,
) -> Period:
    """The period the command-line options name (default: the plan's whole year)."""
    if (start is None) != (end is None):
        raise UserError(_("--from and --to go together: give both days of the period"))
    if start is not None and end is not None:
        if quarter or half or year or ytd:
            raise UserError(
                _("--from/--to name the period on their own; drop --quarter/--half/--year/--ytd")
            )
        check_countable(start, "--from")
        check_countable(end, "--to")
        if start > end:
            raise UserError(
                _("--from {start} is after --to {end}").format(start=day(start), end=day(end))
            )
        return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")
    if quarter and half:
        raise UserError(_("give --quarter or --half, not both"))
    if year is not None and not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise UserError(
            _("--year {year}: cchc measures the years {first}-{last}").format(
                year=year, first=FIRST_DAY.year, last=LAST_DAY.year
            ),
            hint=_("the plan's year is {year}: cchc kpi --year {year}").format(year=plan_year),
        )
    which = (quarter or half or "Y").upper()
    if frequency_of(which) is None:
        raise UserError(
            _("unknown period '{period}': use Q1-Q4 for --quarter, H1 or H2 for --half").format(
                period=which
            )
        )
    period = named_period(rule, year or plan_year, which)
    if ytd:
        first = named_period(rule, year or plan_year, "Y")
        return Period(first.start, period.end, f"{period.label} (year to date)")
    return period


_LABEL = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{1,2}))?$", re.IGNORECASE)


def parse_period_label(rule: PeriodRule, text: str) -> Period:
    """A measurement's period: ``2024``, ``2024-Q1``, ``2024-H1``, ``2024-06``, or a range
    ``2024-01-01..2024-03-31``. Raises ``ValueError`` with the accepted forms."""
    value = text.strip()
    if ".." in value:
        first, _dots, last = value.partition("..")
        try:
            return Period(
                date.fromisoformat(first.strip()), date.fromisoformat(last.strip()), value
            )
        except ValueError:
            pass
    match = _LABEL.match(value)
    if match is not None:
        year, part = int(match.group(1)), (match.group(2) or "Y").upper()
        if not FIRST_DAY.year < year <= LAST_DAY.year:
            raise ValueError(
                _("'{text}': cchc measures periods of the years {first}-{last}").format(
                    text=text, first=FIRST_DAY.year + 1, last=LAST_DAY.year
                )
            )
        if part.isdigit():
            if not 1 <= int(part) <= 12:
                raise ValueError(
                    _("'{text}': month {month} does not exist").format(text=text, month=part)
                )
            part = f"M{int(part)}"
        return named_period(rule, year, part)
    raise ValueError(
        _(
            "'{text}' is not a period; write 2024, 2024-Q1, 2024-H1, 2024-06 or "
            "2024-01-01..2024-03-31"
        ).format(text=text)
    )
