"""The plan's calendar overrides say one thing per day.

A day listed twice as ``day_off`` and as ``working_day`` (directly or inside a range)
cannot be both: an error on the later entry, pointing back at the first. A day listed
twice with the same meaning is only redundant: a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from cchc_cli.findings import Finding, quote
from cchc_cli.model.calendar import CalendarOverride
from cchc_cli.model.draft import PlanDraft

__all__ = ["check_calendar_overrides", "check_calendar_timezone"]


def check_calendar_timezone(draft: PlanDraft) -> Iterator[Finding]:
    """``calendar.timezone`` decides what "today" is: it must be a real IANA zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    calendar = draft.calendar
    if calendar is None:
        return
    try:
        ZoneInfo(calendar.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        yield Finding.error(
            "calendar-timezone",
            f"unknown time zone {quote(calendar.timezone)}: give an IANA name such as "
            "Asia/Ho_Chi_Minh (it decides which day is today)",
            calendar.at("timezone"),
        )


def check_calendar_overrides(draft: PlanDraft) -> Iterator[Finding]:
    calendar = draft.calendar
    if calendar is None:
        return
    seen: dict[date, int] = {}
    for index, override in enumerate(calendar.overrides):
        field = "date" if override.date is not None else "start"
        reported = False
        for day in override.days():
            first = seen.get(day)
            if first is None:
                seen[day] = index
                continue
            if reported:
                continue
            reported = True
            earlier = calendar.overrides[first]
            earlier_field = "date" if earlier.date is not None else "start"
            first_origin = calendar.at("overrides", first, earlier_field)
            at = f" (at {draft.where(first_origin)})" if first_origin else ""
            if earlier.kind != override.kind:
                yield Finding.error(
                    "calendar-conflict",
                    f"{day.isoformat()}{_in_range(override)} is listed as {override.kind} here "
                    "but as "
                    f"{earlier.kind} in override {first + 1}{at}: a day is either off or "
                    "worked; keep the one the government announced",
                    calendar.at("overrides", index, field),
                )
            else:
                yield Finding.warning(
                    "calendar-duplicate",
                    f"{day.isoformat()}{_in_range(override)} is already listed as {earlier.kind} "
                    "in override "
                    f"{first + 1}{at}; remove one of them",
                    calendar.at("overrides", index, field),
                )


def _in_range(override: CalendarOverride) -> str:
    if override.start is None or override.end is None:
        return ""
    return f" (in the range {override.start.isoformat()}..{override.end.isoformat()})"
