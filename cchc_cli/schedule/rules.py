"""Deadline kinds and the dates they fall on in a year.

Four kinds, as the plan writes them (``cchc_cli.model.deadline`` holds them):

* ``before: D`` — "Trước ngày 25/1/2024": due strictly before D, so the last allowed
  day is the day before (24/1);
* ``by: D`` — due on D at the latest;
* ``window: [start, end]`` — work running over a span ("Cả năm 2024"); due by ``end``;
* ``recurring`` — "before day 10 of the last month of each quarter", "before 10/12":
  one occurrence per period of the year.

These are dates fixed by the plan, not periods counted from an event, so they are not
moved when they fall on a day off (the Civil Code's Art. 148 shift applies to periods,
see :mod:`~cchc_cli.schedule.workcal`); the views show when a last day is not a working
day so the office can send earlier.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from cchc_cli.dates import format_day
from cchc_cli.i18n import _, language
from cchc_cli.model.terms import Frequency
from cchc_cli.schedule.periods import frequency_of, period_months, period_names

if TYPE_CHECKING:
    from cchc_cli.model.deadline import Deadline, Recurrence

__all__ = [
    "DeadlineKind",
    "DeadlineSpec",
    "Occurrence",
    "RecurrenceSpec",
    "occurrences",
    "rule_problems",
    "spec_from_model",
]

DeadlineKind = Literal["before", "by", "window", "recurring"]
Relation = Literal["before", "by", "window"]


@dataclass(frozen=True, slots=True)
class RecurrenceSpec:
    """A repeating deadline: ``day`` of a month of each period, ``before`` or ``by``."""

    frequency: Frequency
    periods: tuple[str, ...] | None
    day: int | Literal["last"]
    month: Literal["first", "last"] | int
    relation: Literal["before", "by"]

    def day_in(self, year: int, month: int) -> int:
        """The day of ``month`` it falls on (``last``: that month's last day)."""
        return _calendar.monthrange(year, month)[1] if self.day == "last" else self.day

    def covered_periods(self) -> tuple[str, ...]:
        """The periods of the year the rule applies to (all of its frequency when unset)."""
        return self.periods if self.periods else period_names(self.frequency)

    def due_month(self, period: str) -> int:
        """Month of the year in which the period's occurrence falls.

        ``first``/``last`` is the period's first or last month; a number is the n-th
        month *of the period* (for a yearly rule, simply the month of the year).
        """
        first, last = period_months(period)
        if self.month == "first":
            return first
        if self.month == "last":
            return last
        return first + self.month - 1


@dataclass(frozen=True, slots=True)
class DeadlineSpec:
    """A deadline as plain data (what the model holds, without pydantic)."""

    kind: DeadlineKind
    text: str | None = None
    day: date | None = None
    """The ``before`` or ``by`` date."""
    start: date | None = None
    end: date | None = None
    """The ``window`` bounds."""
    recurrence: RecurrenceSpec | None = None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One concrete due date of a deadline."""

    relation: Relation
    day: date
    """The date as written: the ``before`` date, the ``by`` date, the window's end."""
    start: date | None = None
    """A window's first day."""
    period: str | None = None
    """For a recurring deadline: the period it is for (``Q1``, ``H1``, ``Y``…)."""
    year: int | None = None
    last_day: date = date.min
    """The last day on which the work is on time (the day before a ``before`` date):
    always derived from the fields above, whatever is passed (a field, so that the
    JSON of every view carries it)."""

    def __post_init__(self) -> None:
        last = self.day - timedelta(days=1) if self.relation == "before" else self.day
        object.__setattr__(self, "last_day", last)

    def text(self) -> str:
        """``before 25/01/2024``, ``by 30/06/2024`` or ``01/01/2024–31/12/2024``."""
        if self.relation == "window" and self.start is not None:
            return f"{format_day(self.start)}–{format_day(self.day)}"
        return f"{self.relation} {format_day(self.day)}"


def spec_from_model(deadline: Deadline) -> DeadlineSpec:
    """The plain form of a validated :class:`~cchc_cli.model.deadline.Deadline`."""
    if deadline.before is not None:
        return DeadlineSpec("before", deadline.text, day=deadline.before)
    if deadline.by is not None:
        return DeadlineSpec("by", deadline.text, day=deadline.by)
    if deadline.window is not None:
        start, end = deadline.window
        return DeadlineSpec("window", deadline.text, start=start, end=end)
    assert deadline.recurring is not None  # noqa: S101 - guaranteed by the model validator
    return DeadlineSpec("recurring", deadline.text, recurrence=recurrence_spec(deadline.recurring))


def recurrence_spec(rule: Recurrence) -> RecurrenceSpec:
    return RecurrenceSpec(
        frequency=rule.frequency,
        periods=tuple(rule.periods) if rule.periods else None,
        day=rule.day,
        month=rule.month,
        relation=rule.relation,
    )


def _month_of(year: int, month: int) -> str:
    """``June 2024`` (en), ``06/2024`` (vi): a month as the language names it."""
    from babel.dates import format_date

    lang = language()
    pattern = "MMMM yyyy" if lang == "en" else "MM/yyyy"
    return str(format_date(date(year, month, 1), pattern, locale=lang))


def rule_problems(rule: RecurrenceSpec, year: int) -> list[tuple[str, str]]:
    """What makes a recurring rule impossible in ``year``: (field, message) pairs.

    A period of another frequency (``H1`` in a quarterly rule), a month the period does
    not have (month 4 of a quarter), a day the month lacks (31 June, 29 February 2025).
    """
    problems: list[tuple[str, str]] = []
    names = period_names(rule.frequency)
    wrong = [period for period in rule.covered_periods() if period not in names]
    for period in wrong:
        kind = frequency_of(period) or "unknown"
        problems.append(
            (
                "periods",
                _("period '{period}' is {kind}, but the rule is {frequency}: use {names}").format(
                    period=period,
                    kind=kind.replace("_", "-"),
                    frequency=rule.frequency.replace("_", "-"),
                    names=", ".join(names),
                ),
            )
        )
    if wrong:
        return problems
    if isinstance(rule.month, int):
        first, last = period_months(names[0])
        length = last - first + 1
        if rule.month > length:
            problems.append(
                (
                    "month",
                    _(
                        "month {month} of a {frequency} period does not exist (a period has "
                        "{length} months); use 1-{length}, 'first' or 'last'"
                    ).format(
                        month=rule.month,
                        frequency=rule.frequency.replace("_", "-"),
                        length=length,
                    ),
                )
            )
            return problems
    lengths = {
        period: _calendar.monthrange(year, rule.due_month(period))[1]
        for period in rule.covered_periods()
    }
    fixed = rule.day if isinstance(rule.day, int) else 0  # "last" exists in every month
    short = [period for period, days in lengths.items() if fixed > days]
    if short:
        month = rule.due_month(short[0])
        problems.append(
            (
                "day",
                _(
                    "day {day} does not exist in {month} (the month it falls in for "
                    "{period}); use a day from 1 to {last}, which every covered month has"
                ).format(
                    day=rule.day,
                    month=_month_of(year, month),
                    period=short[0],
                    last=min(lengths.values()),
                ),
            )
        )
    return problems


def occurrences(spec: DeadlineSpec, year: int) -> list[Occurrence]:
    """Every due date of ``spec``; a recurring rule is unrolled over ``year``.

    A fixed deadline has one occurrence whatever the year; a recurring one yields none
    for a period whose date does not exist (the plan check reports such rules).
    """
    if spec.kind == "before" and spec.day is not None:
        return [Occurrence("before", spec.day, year=spec.day.year)]
    if spec.kind == "by" and spec.day is not None:
        return [Occurrence("by", spec.day, year=spec.day.year)]
    if spec.kind == "window" and spec.start is not None and spec.end is not None:
        return [Occurrence("window", spec.end, start=spec.start, year=spec.end.year)]
    rule = spec.recurrence
    if rule is None:
        return []
    found = []
    for period in rule.covered_periods():
        try:
            month = rule.due_month(period)
            day = date(year, month, rule.day_in(year, month))
        except (KeyError, ValueError):
            continue
        found.append(Occurrence(rule.relation, day, period=period, year=year))
    return sorted(found, key=lambda occurrence: occurrence.day)
