"""Dates as users write them: parsing ISO dates with helpful errors, "today", display.

This module imports nothing heavy (no pydantic): the models reuse :func:`parse_iso_date`
for their date fields and the CLI uses it for ``--as-of``-style options, so both say
the same thing about a badly written date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from typing import Any

from cchc_cli.errors import UserError
from cchc_cli.quoting import quote

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "WEEKDAYS",
    "DateProblem",
    "as_of_date",
    "check_countable",
    "countable_date",
    "format_day",
    "parse_date_option",
    "parse_iso_date",
    "today_in",
]

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")

FIRST_DAY = date(1901, 1, 1)
LAST_DAY = date(2099, 12, 31)
"""The days cchc counts on: the years whose public holidays (lunar ones included) the
``holidays`` package knows. Past them working days cannot be counted, and day arithmetic
would soon run off Python's calendar (year 9999)."""
MAX_SPAN_DAYS = 36_500
"""The longest span of days an option may ask for (``--within``): a hundred years."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class DateProblem(ValueError):
    """A plan's date that is no date (its form, no such day) or one cchc cannot count on.

    ``code`` is the finding it becomes (``schema-date``, ``schema-value``): the schema
    errors recognise it by its type, never by the words of its message, which follow the
    language in use.
    """

    def __init__(self, message: str, code: str = "schema-date") -> None:
        super().__init__(message)
        self.code = code


def _real_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _unreal(value: str, month: int) -> str:
    from cchc_cli.i18n import _

    reason = (
        _("month must be 1 to 12") if not 1 <= month <= 12 else _("day is out of range for month")
    )
    return _("{value} is not a real calendar date ({reason})").format(
        value=quote(value), reason=reason
    )


def parse_iso_date(value: Any) -> Any:
    """Parse ``YYYY-MM-DD`` (ISO 8601) and explain anything else (:class:`DateProblem`).

    ``date`` objects pass through (for models built from Python); other types are
    left to pydantic's own type error.
    """
    if not isinstance(value, str):
        return value
    from cchc_cli.i18n import _

    text = value.strip()
    match = _ISO_DATE.match(text)
    if match is None:
        dmy = _DMY_DATE.match(text)
        if dmy is not None:
            day, month, year = (int(part) for part in dmy.groups())
            if _real_day(year, month, day) is None:
                raise DateProblem(_unreal(value, month))
            raise DateProblem(
                _(
                    "{value} is not a date in the expected format YYYY-MM-DD (ISO 8601); "
                    "write it as {iso}"
                ).format(value=quote(value), iso=f"{year:04d}-{month:02d}-{day:02d}")
            )
        raise DateProblem(
            _("{value} is not a date in the expected format YYYY-MM-DD (ISO 8601)").format(
                value=quote(value)
            )
        )
    year, month, day = (int(part) for part in match.groups())
    parsed = _real_day(year, month, day)
    if parsed is None:
        raise DateProblem(_unreal(value, month))
    return parsed


_SLASH_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_NUMBERS = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")


def _readings(first: str, second: str, third: str) -> list[date]:
    """Every real day three numbers written in some other form could mean, in order."""
    a, b, c = int(first), int(second), int(third)
    if len(first) == 4:  # 2024/04/01: year first, then month/day or day/month
        candidates = [(a, b, c), (a, c, b)]
    else:  # 1-4-24, 04.01.2024: year last (two digits: this century)
        year = c if len(third) == 4 else 2000 + c if len(third) == 2 else -1
        candidates = [(year, b, a), (year, a, b)]
    found: list[date] = []
    for year, month, day in candidates:
        real = _real_day(year, month, day) if year > 0 else None
        if real is not None and real not in found:
            found.append(real)
    return found


def parse_date_option(value: str, option: str) -> date:
    """A day given on the command line, ``dd/mm/yyyy`` or ``yyyy-mm-dd``, or
    :class:`UserError` naming the option.

    ``dd/mm/yyyy`` (day and month may have one digit) is always read day first, the way
    every view prints dates and every Vietnamese office writes them: ``04/01/2024`` is
    4 January. Any other form — a two-digit year, dots or dashes with the year last, the
    year first with slashes — could be read two ways; it is refused with the readings
    shown, so that nobody gets a day a month away from the one they meant.
    """
    from cchc_cli.i18n import _
    from cchc_cli.i18n.forms import day as shown

    text = value.strip()
    hint = _("write the day as dd/mm/yyyy or yyyy-mm-dd")
    iso = _ISO_DATE.match(text)
    slash = _SLASH_DMY.match(text)
    if iso is not None or slash is not None:
        if iso is not None:
            year, month, day = (int(part) for part in iso.groups())
        else:
            assert slash is not None  # noqa: S101 - one of the two matched
            day, month, year = (int(part) for part in slash.groups())
        parsed = _real_day(year, month, day)
        if parsed is not None:
            return parsed
        swapped = _real_day(year, day, month) if slash is not None else None
        if swapped is not None:
            raise UserError(
                _(
                    "{option}: {value} is not a date: dd/mm/yyyy is read day first, "
                    "and there is no month {month}; did you mean {reading}?"
                ).format(option=option, value=quote(value), month=month, reading=shown(swapped)),
                hint=hint,
            )
        raise UserError(
            _("{option}: {value} is not a real calendar date").format(
                option=option, value=quote(value)
            ),
            hint=hint,
        )
    numbers = _NUMBERS.match(text)
    readings = _readings(*numbers.groups()) if numbers is not None else []
    if len(readings) > 1:
        raise UserError(
            _("{option}: {value} is ambiguous: it could be {first} or {second}").format(
                option=option,
                value=quote(value),
                first=shown(readings[0]),
                second=shown(readings[1]),
            ),
            hint=hint,
        )
    if readings:
        raise UserError(
            _(
                "{option}: {value} is not written as dd/mm/yyyy or yyyy-mm-dd; "
                "did you mean {reading}?"
            ).format(option=option, value=quote(value), reading=shown(readings[0])),
            hint=hint,
        )
    raise UserError(
        _("{option}: {value} is not a date").format(option=option, value=quote(value)),
        hint=hint,
    )


def today_in(timezone: str, now: datetime | None = None) -> date:
    """Today's date where the plan's office is (e.g. ``Asia/Ho_Chi_Minh``).

    ``now`` (an aware datetime) makes it deterministic in tests.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from cchc_cli.i18n import _

    try:
        zone: tzinfo = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            _("unknown time zone {zone} in the plan's calendar").format(zone=quote(timezone)),
            hint=_("use an IANA name such as Asia/Ho_Chi_Minh"),
        ) from None
    return (now or datetime.now(zone)).astimezone(zone).date()


def format_day(day: date) -> str:
    """``dd/mm/yyyy``, the way the office writes dates (``25/01/2024``)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _outside(day: date) -> str | None:
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    from cchc_cli.i18n import _

    return _(
        "{day} is outside the years cchc can count working days in "
        "({first}-{last}, the years whose public holidays are known)"
    ).format(day=day.isoformat(), first=FIRST_DAY.year, last=LAST_DAY.year)


def countable_date(value: Any) -> Any:
    """A plan's date within :data:`FIRST_DAY`..:data:`LAST_DAY`, else ``ValueError`` (a
    located finding): a deadline in year 9999 would run the schedule off the calendar."""
    problem = _outside(value) if isinstance(value, date) else None
    if problem is not None:
        raise DateProblem(problem, code="schema-value")
    return value


def check_countable(day: date, option: str) -> date:
    """``day`` if cchc can count working days around it, else :class:`UserError`."""
    problem = _outside(day)
    if problem is not None:
        from cchc_cli.i18n import _

        raise UserError(
            f"{option} {problem}",
            hint=_("give a day between {first} and {last}").format(
                first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
            ),
        )
    return day


def check_span(days: int, option: str) -> int:
    """A number of days asked for on the command line, or :class:`UserError`."""
    if not 0 <= days <= MAX_SPAN_DAYS:
        from cchc_cli.i18n import _
        from cchc_cli.i18n.forms import number

        raise UserError(
            _("{option} {days}: give a number of days from 0 to {limit} (a hundred years)").format(
                option=option, days=days, limit=number(MAX_SPAN_DAYS)
            )
        )
    return days


def as_of_date(as_of: date | None, timezone: str, today: date | None = None) -> date:
    """The day a view is computed for: ``--as-of``, else today where the office is."""
    if as_of is not None:
        return check_countable(as_of, "--as-of")
    return today if today is not None else today_in(timezone)
