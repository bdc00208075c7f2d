"""``cchc due`` and ``cchc workday`` for people.

Plain lines, wrapped at spaces to the terminal's width (``$COLUMNS``, else the
terminal, else 80): a date or a holiday's name is never split. Each line holds one date
form (the language's); the due date for scripts stays ISO, alone on stdout.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable

from cchc_cli.i18n import _, ngettext
from cchc_cli.i18n.forms import day, weekday
from cchc_cli.render.agenda_tables import wrap
from cchc_cli.render.registry import Output
from cchc_cli.render.styles import clean
from cchc_cli.schedule.workcal import DayInfo, DayOverride
from cchc_cli.services.days import DueResult, WorkdayResult

__all__ = ["due_text", "workday_text", "wrapped"]


def wrapped(lines: Iterable[str], width: int | None = None) -> str:
    """``lines`` wrapped at spaces to ``width`` (default: the terminal's), words and
    dates whole, next lines indented."""
    width = width or shutil.get_terminal_size((80, 24)).columns
    return "\n".join(wrap(line, width, "  ") for line in lines)


def _named(info: DayInfo) -> str:
    """Why a day off is off, in words: the holiday's name or the plan's reason."""
    if info.override is not None and not info.override.working:
        return clean(info.override.reason)
    return clean(info.holiday or "")


def _skipped(days_off: list[DayInfo]) -> str:
    weekends = sum(
        1 for info in days_off if info.weekend and not info.holiday and not info.override
    )
    named = [info for info in days_off if info.holiday or info.override]
    parts = []
    if weekends:
        parts.append(
            ngettext("{count} weekend day", "{count} weekend days", weekends).format(count=weekends)
        )
    parts += [_("{day} ({why})").format(day=day(info.day), why=_named(info)) for info in named]
    return "; ".join(parts) if parts else _("none")


def due_text(result: DueResult) -> Output:
    """The due date on stdout (for scripts); how it was counted on stderr (for people)."""
    calendar_days = result.unit == "calendar_days"
    count = result.days
    if calendar_days:
        length = ngettext("{count} calendar day", "{count} calendar days", count)
    else:
        length = ngettext("{count} working day", "{count} working days", count)
    lines = [
        _("Received {day}: that day is not counted (Civil Code 2015, Art. 147)").format(
            day=weekday(result.received)
        ),
        _("{length}: due {day}").format(length=length.format(count=count), day=weekday(result.due)),
    ]
    if result.due != result.nominal and (calendar_days or result.days == 0):
        lines.append(
            _(
                "{day} is a day off: the period ends on the next working day "
                "(Civil Code 2015, Art. 148)"
            ).format(day=weekday(result.nominal))
        )
    lines.append(_("Days off in between: {days}").format(days=_skipped(result.days_off)))
    return Output(result.due.isoformat(), wrapped(lines))


def _override(override: DayOverride) -> str:
    if override.working:
        return _("make-up working day in the plan's calendar: {reason}").format(
            reason=clean(override.reason)
        )
    return _("day off in the plan's calendar: {reason}").format(reason=clean(override.reason))


def _reasons(result: WorkdayResult) -> list[str]:
    found = []
    if result.override is not None:
        found.append(_override(result.override))
    if result.holiday is not None:
        found.append(_("public holiday: {name}").format(name=clean(result.holiday)))
    if result.weekend:
        found.append(_("weekend"))
    return found


def workday_text(result: WorkdayResult) -> str:
    when = weekday(result.date)
    reasons = _reasons(result)
    if result.working_day:
        if result.override is not None:
            return wrapped(
                [
                    _("{day} is a working day: {why}").format(
                        day=when, why=_override(result.override)
                    )
                ]
            )
        return wrapped([_("{day} is a working day").format(day=when)])
    lines = [
        _("{day} is not a working day: {why}").format(day=when, why="; ".join(reasons)),
        _("Next working day: {day}").format(day=weekday(result.next_working_day)),
    ]
    return wrapped(lines)
