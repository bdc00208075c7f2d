"""``cchc due`` and ``cchc workday`` for people."""

from __future__ import annotations

from datetime import date

from cchc_cli.dates import WEEKDAYS, format_day
from cchc_cli.render.registry import Output
from cchc_cli.schedule.workcal import DayInfo
from cchc_cli.services.days import DueResult, WorkdayResult

__all__ = ["due_text", "workday_text"]


def _day(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.isoformat()}"


def _skipped(days_off: list[DayInfo]) -> str:
    weekends = sum(
        1 for info in days_off if info.weekend and not info.holiday and not info.override
    )
    named = [info for info in days_off if info.holiday or info.override]
    parts = [f"{weekends} weekend day(s)"] if weekends else []
    parts += [f"{format_day(info.day)} {info.reasons()[0]}" for info in named]
    return "; ".join(parts) if parts else "none"


def due_text(result: DueResult) -> Output:
    """The due date on stdout (for scripts); how it was counted on stderr (for people)."""
    calendar_days = result.unit == "calendar_days"
    unit = "calendar day(s)" if calendar_days else "working day(s)"
    lines = [
        f"{result.days} {unit} from {_day(result.received)}, that day not counted "
        f"(Civil Code 2015, Art. 147): due {_day(result.due)}"
    ]
    if result.due != result.nominal and (calendar_days or result.days == 0):
        lines.append(
            f"{_day(result.nominal)} is a day off: the period ends on the next working day "
            "(Civil Code 2015, Art. 148)"
        )
    lines.append(f"days off in between: {_skipped(result.days_off)}")
    return Output(result.due.isoformat(), "\n".join(lines))


def workday_text(result: WorkdayResult) -> str:
    head = f"{result.date.isoformat()} ({result.weekday}) is "
    if result.working_day:
        reason = f": {result.reasons[0]}" if result.reasons else ""
        return f"{head}a working day{reason}"
    why = "; ".join(result.reasons)
    return f"{head}not a working day: {why}\nnext working day: {_day(result.next_working_day)}"
