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
    "WEEKDAYS",
    "as_of_date",
    "format_day",
    "parse_date_option",
    "parse_iso_date",
    "today_in",
]

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def parse_iso_date(value: Any) -> Any:
    """Parse ``YYYY-MM-DD`` (ISO 8601) and explain anything else.

    ``date`` objects pass through (for models built from Python); other types are
    left to pydantic's own type error.
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match is None:
        hint = ""
        dmy = _DMY_DATE.match(text)
        if dmy is not None:
            day, month, year = (int(part) for part in dmy.groups())
            try:
                date(year, month, day)
            except ValueError as exc:
                raise ValueError(f"{quote(value)} is not a real calendar date ({exc})") from None
            hint = f"; write it as {year:04d}-{month:02d}-{day:02d}"
        raise ValueError(
            f"{quote(value)} is not a date in the expected format YYYY-MM-DD (ISO 8601){hint}"
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{quote(value)} is not a real calendar date ({exc})") from None


def parse_date_option(value: str, option: str) -> date:
    """A date given on the command line, or :class:`UserError` naming the option."""
    try:
        parsed = parse_iso_date(value)
    except ValueError as exc:
        raise UserError(f"{option}: {exc}", hint="dates are written YYYY-MM-DD") from None
    if not isinstance(parsed, date):  # pragma: no cover - a str always parses to a date
        raise UserError(f"{option}: {quote(value)} is not a date")
    return parsed


def today_in(timezone: str, now: datetime | None = None) -> date:
    """Today's date where the plan's office is (e.g. ``Asia/Ho_Chi_Minh``).

    ``now`` (an aware datetime) makes it deterministic in tests.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        zone: tzinfo = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            f"unknown time zone {quote(timezone)} in the plan's calendar",
            hint="use an IANA name such as Asia/Ho_Chi_Minh",
        ) from None
    return (now or datetime.now(zone)).astimezone(zone).date()


def format_day(day: date) -> str:
    """``dd/mm/yyyy``, the way the office writes dates (``25/01/2024``)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def as_of_date(as_of: date | None, timezone: str, today: date | None = None) -> date:
    """The day a view is computed for: ``--as-of``, else today where the office is."""
    if as_of is not None:
        return as_of
    return today if today is not None else today_in(timezone)
