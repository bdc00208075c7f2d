"""The working-day calendar of a state agency, and counting periods on it.

A day is *not* a working day when it is

* a Saturday or a Sunday — state agencies work Monday to Friday (Decision
  188/1999/QĐ-TTg on the 40-hour week);
* a public holiday — Labour Code 2019, Art. 112, taken from the ``holidays`` package;
* a day off the plan adds (``calendar.overrides``, ``kind: day_off``);

unless the plan marks it a make-up working day (``kind: working_day``, e.g. Saturday
4 May 2024, worked in exchange for Monday 29 April).

Periods are counted under the Civil Code 2015: Art. 147 — when a period is counted in
days, the day of the event that starts it is not counted (day 1 is the next day);
Art. 148 — a period whose last day is a day off ends on the next working day.
So 10 working days from Monday 2024-02-05 (Tết 8-14 February) end on 2024-02-26.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from cchc_cli.dates import WEEKDAYS

__all__ = ["DayInfo", "DayOverride", "WorkingCalendar"]

HolidayFetcher = Callable[[Iterable[int]], Mapping[date, str]]

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DayOverride:
    """A day the plan declares off, or worked, by a government decision."""

    day: date
    working: bool
    reason: str


@dataclass(frozen=True, slots=True)
class DayInfo:
    """Whether a day is worked, and every reason that decides it."""

    day: date
    working: bool
    weekend: bool
    holiday: str | None
    override: DayOverride | None

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.day.weekday()]

    def reasons(self) -> list[str]:
        """Why the day is (not) worked, most decisive first."""
        found = []
        if self.override is not None:
            what = "make-up working day" if self.override.working else "day off"
            found.append(f"{what} in the plan's calendar: {self.override.reason}")
        if self.holiday is not None:
            found.append(f"public holiday: {self.holiday}")
        if self.weekend:
            found.append(f"weekend ({self.weekday})")
        return found


class WorkingCalendar:
    """Public holidays + the plan's overrides; answers "is this a working day?".

    ``holidays`` may hold some years already (``years`` says which); any other year is
    fetched with ``fetch`` the first time it is needed.
    """

    def __init__(
        self,
        holidays: Mapping[date, str] | None = None,
        overrides: Iterable[DayOverride] = (),
        *,
        years: Iterable[int] = (),
        fetch: HolidayFetcher | None = None,
    ) -> None:
        self._holidays: dict[date, str] = dict(holidays or {})
        self._years: set[int] = set(years)
        self._overrides = {override.day: override for override in overrides}
        self._fetch = fetch
        self._counts: dict[int, list[int]] = {}

    def _ensure_year(self, year: int) -> None:
        if year in self._years:
            return
        fetch = self._fetch
        if fetch is None:
            from cchc_cli.schedule.holidays_vn import cached_public_holidays

            fetch = cached_public_holidays
        self._holidays.update(fetch([year]))
        self._years.add(year)

    def holiday(self, day: date) -> str | None:
        self._ensure_year(day.year)
        return self._holidays.get(day)

    def explain(self, day: date) -> DayInfo:
        override = self._overrides.get(day)
        weekend = day.weekday() >= 5
        holiday = self.holiday(day)
        working = override.working if override is not None else not weekend and holiday is None
        return DayInfo(day, working, weekend, holiday, override)

    def is_working_day(self, day: date) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override.working
        return day.weekday() < 5 and self.holiday(day) is None

    def next_working_day(self, day: date) -> date:
        """``day`` itself when worked, else the first working day after it."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def previous_working_day(self, day: date) -> date:
        """``day`` itself when worked, else the last working day before it."""
        while not self.is_working_day(day):
            day -= _ONE_DAY
        return day

    def add_working_days(self, start: date, days: int) -> date:
        """The last day of a period of ``days`` working days that starts on ``start``.

        Civil Code 2015, Art. 147: ``start`` (the day the dossier is received) is not
        counted; day 1 is the first working day after it. A period of 0 days ends on
        ``start``, moved to the next working day if it is a day off (Art. 148).
        """
        if days < 0:
            raise ValueError(f"a period cannot be negative ({days} days)")
        day = start
        if days == 0:
            return self.next_working_day(day)
        counted = 0
        while counted < days:
            day += _ONE_DAY
            if self.is_working_day(day):
                counted += 1
        return day

    def add_calendar_days(self, start: date, days: int) -> date:
        """The last day of a period of ``days`` calendar days that starts on ``start``.

        Civil Code 2015, Art. 147 (``start`` not counted) and Art. 148 (a last day that
        is a day off moves to the next working day).
        """
        if days < 0:
            raise ValueError(f"a period cannot be negative ({days} days)")
        return self.next_working_day(start + timedelta(days=days))

    def _worked_before(self, day: date) -> int:
        """Working days from 1 January of ``day``'s year up to and including ``day``."""
        year = day.year
        counts = self._counts.get(year)
        if counts is None:
            counts, total, current = [], 0, date(year, 1, 1)
            while current.year == year:
                total += self.is_working_day(current)
                counts.append(total)
                current += _ONE_DAY
            self._counts[year] = counts
        return counts[day.timetuple().tm_yday - 1]

    def working_days_between(self, after: date, until: date) -> int:
        """Working days ``d`` with ``after < d <= until`` (0 when ``until <= after``).

        Counted from per-year running totals: a year of lateness costs one pass.
        """
        if until <= after:
            return 0
        count = self._worked_before(until) - self._worked_before(after)
        for year in range(after.year, until.year):
            count += self._worked_before(date(year, 12, 31))
        return count

    def days_off(self, start: date, end: date) -> list[DayInfo]:
        """Every day in ``start..end`` that is not worked, with its reasons."""
        found = []
        day = start
        while day <= end:
            if not self.is_working_day(day):
                found.append(self.explain(day))
            day += _ONE_DAY
        return found
