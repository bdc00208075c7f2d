"""``cchc due`` and ``cchc workday``: one date, counted on the plan's working calendar."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from cchc_cli.dates import WEEKDAYS, format_day
from cchc_cli.errors import UserError
from cchc_cli.schedule.workcal import DayInfo, WorkingCalendar

__all__ = ["MAX_DAYS", "DueResult", "due_output", "workday_output"]

MAX_DAYS = 3660
"""Longest processing time accepted (about ten years): beyond it, a typo is likelier."""


@dataclass(frozen=True)
class DueResult:
    result: str
    """What goes to stdout: the ISO date, or JSON."""
    explanation: str | None
    """How it was counted, for people (stderr)."""


def _calendar(plan_dir: Path) -> WorkingCalendar:
    from cchc_cli.schedule.cache import load_schedule

    return load_schedule(plan_dir).calendar


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


def due_output(
    plan_dir: Path,
    start: date,
    days: int,
    *,
    calendar_days: bool = False,
    fmt: Literal["text", "json"] = "text",
) -> DueResult:
    """The due date of a dossier received on ``start`` with ``days`` to process it."""
    if days < 0:
        raise UserError(
            f"DAYS must be 0 or more (a processing time), not {days}",
            hint="e.g. cchc due 2024-02-05 10",
        )
    if days > MAX_DAYS:
        raise UserError(f"DAYS must be at most {MAX_DAYS} (about ten years), not {days}")
    calendar = _calendar(plan_dir)
    nominal = start + timedelta(days=days)
    if calendar_days:
        due = calendar.add_calendar_days(start, days)
        unit = "calendar day(s)"
    else:
        due = calendar.add_working_days(start, days)
        unit = "working day(s)"
    days_off = calendar.days_off(start + timedelta(days=1), due)
    if fmt == "json":
        data = {
            "received": start.isoformat(),
            "days": days,
            "unit": "calendar_days" if calendar_days else "working_days",
            "due": due.isoformat(),
            "days_off": [info.as_dict() for info in days_off],
        }
        return DueResult(json.dumps(data, ensure_ascii=False, indent=2), None)
    lines = [
        f"{days} {unit} from {_day(start)}, that day not counted (Civil Code 2015, Art. 147): "
        f"due {_day(due)}"
    ]
    if due != nominal and (calendar_days or days == 0):
        lines.append(
            f"{_day(nominal)} is a day off: the period ends on the next working day "
            "(Civil Code 2015, Art. 148)"
        )
    lines.append(f"days off in between: {_skipped(days_off)}")
    return DueResult(due.isoformat(), "\n".join(lines))


def workday_output(
    plan_dir: Path, day: date, *, fmt: Literal["text", "json"] = "text"
) -> tuple[str, bool]:
    """Whether ``day`` is a working day and why (text or JSON), and the answer."""
    calendar = _calendar(plan_dir)
    info = calendar.explain(day)
    following = calendar.next_working_day(day)
    if fmt == "json":
        data = info.as_dict()
        data["next_working_day"] = following.isoformat()
        return json.dumps(data, ensure_ascii=False, indent=2), info.working
    head = f"{day.isoformat()} ({info.weekday}) is "
    reasons = info.reasons()
    if info.working:
        return head + "a working day" + (f": {reasons[0]}" if reasons else ""), True
    why = "; ".join(reasons)
    return f"{head}not a working day: {why}\nnext working day: {_day(following)}", False
