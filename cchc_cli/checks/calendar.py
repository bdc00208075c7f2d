"""The plan's calendar overrides say one thing per day.

A day listed twice as ``day_off`` and as ``working_day`` (directly or inside a range)
cannot be both: an error on the later entry, pointing back at the first. A day listed
twice with the same meaning is only redundant: a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import _
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
            _(
                "unknown time zone {zone}: give an IANA name such as Asia/Ho_Chi_Minh "
                "(it decides which day is today)"
            ).format(zone=quote(calendar.timezone)),
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
            at = (
                " " + _("(at {place})").format(place=draft.where(first_origin))
                if first_origin
                else ""
            )
            if earlier.kind != override.kind:
                yield Finding.error(
                    "calendar-conflict",
                    _(
                        "{day}{range} is listed as {kind} here but as {earlier} in override "
                        "{number}{at}: a day is either off or worked; keep the one the "
                        "government announced"
                    ).format(
                        day=day.isoformat(),
                        range=_in_range(override),
                        kind=override.kind,
                        earlier=earlier.kind,
                        number=first + 1,
                        at=at,
                    ),
                    calendar.at("overrides", index, field),
                )
            else:
                yield Finding.warning(
                    "calendar-duplicate",
                    _(
                        "{day}{range} is already listed as {kind} in override {number}{at}; "
                        "remove one of them"
                    ).format(
                        day=day.isoformat(),
                        range=_in_range(override),
                        kind=earlier.kind,
                        number=first + 1,
                        at=at,
                    ),
                    calendar.at("overrides", index, field),
                )


def _in_range(override: CalendarOverride) -> str:
    if override.start is None or override.end is None:
        return ""
    return " " + _("(in the range {start}..{end})").format(
        start=override.start.isoformat(), end=override.end.isoformat()
    )
