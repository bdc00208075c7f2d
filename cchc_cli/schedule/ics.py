"""The plan as an RFC 5545 calendar (``.ics``) for Outlook, Google Calendar, Thunderbird.

* one ``VTODO`` per task: ``DUE`` its last allowed day (all-day), ``DTSTART`` a window's
  first day, ``STATUS``/``PERCENT-COMPLETE`` from its progress, a stable
  ``UID`` ``<plan-id>-<task-id>@cchc`` so that re-importing updates rather than
  duplicates;
* one all-day ``VEVENT`` per reporting duty on its last allowed day; a recurring duty is
  one event with an ``RRULE`` (Google Calendar shows events, not to-dos);
* a ``VALARM`` 7 days before each of them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.quoting import shorten
from cchc_cli.schedule.rules import Occurrence, occurrences
from cchc_cli.schedule.view import DutyItem, PlanSchedule, TaskItem

if TYPE_CHECKING:
    from icalendar import Component

__all__ = ["ALARM_BEFORE", "calendar_text", "plan_calendar", "uid"]

ALARM_BEFORE = timedelta(days=7)

_TODO_STATUS = {
    "not_started": "NEEDS-ACTION",
    "in_progress": "IN-PROCESS",
    "done": "COMPLETED",
    "cancelled": "CANCELLED",
}


def uid(view: PlanSchedule, item_id: str) -> str:
    return f"{view.plan_id}-{item_id}@cchc"


def _alarm(summary: str, *, related_end: bool) -> Component:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    parameters = {"RELATED": "END"} if related_end else {}
    alarm.add("trigger", -ALARM_BEFORE, parameters=parameters)
    return alarm


def _todo(view: PlanSchedule, task: TaskItem, stamp: datetime) -> Component:
    from icalendar import Todo

    todo = Todo()
    summary = f"{task.id} {shorten(task.content, 80)}"
    todo.add("uid", uid(view, task.id))
    todo.add("dtstamp", stamp)
    todo.add("summary", summary)
    lines = [task.content, f"Chủ trì: {', '.join(task.lead)}"]
    if task.coordinators:
        lines.append(f"Phối hợp: {', '.join(task.coordinators)}")
    if task.deadline.text:
        lines.append(f"Thời gian: {task.deadline.text}")
    lines += [f"Sản phẩm: {product}" for product in task.deliverables]
    todo.add("description", "\n".join(lines))
    todo.add("categories", ["CCHC", *task.lead])
    found = occurrences(task.deadline, view.year)
    if found:
        first = found[0]
        if first.start is not None:
            todo.add("dtstart", first.start)
        todo.add("due", first.last_day)
        _repeat(todo, found)
    todo.add("status", _TODO_STATUS.get(task.status, "NEEDS-ACTION"))
    if task.percent is not None:
        todo.add("percent-complete", round(task.percent))
    todo.add_component(_alarm(summary, related_end=True))
    return todo


def _repeat(component: Component, found: list[Occurrence]) -> None:
    """An RRULE for recurring dates on the same day of the month, else RDATEs.

    The rule stops at the plan year's last occurrence: next year has its own plan.
    """
    if len(found) < 2 and not (found and found[0].period):
        return
    days = [occurrence.last_day for occurrence in found]
    if len({day.day for day in days}) == 1 and len({day.year for day in days}) == 1:
        months = sorted({day.month for day in days})
        rule = {"freq": "yearly", "bymonth": months, "bymonthday": days[0].day, "until": days[-1]}
        component.add("rrule", rule)
    else:
        component.add("rdate", days[1:])


def _event(view: PlanSchedule, duty: DutyItem, stamp: datetime) -> Component | None:
    from icalendar import Event

    found = occurrences(duty.deadline, view.year)
    if not found:
        return None
    first = found[0]
    event = Event()
    event.add("uid", uid(view, duty.id))
    event.add("dtstamp", stamp)
    event.add("summary", f"Hạn gửi: {duty.title}")
    lines = [f"{duty.ref}: {duty.title}"]
    if duty.deadline.text:
        lines.append(f"Thời hạn: {duty.deadline.text} (ngày cuối: ngày ghi trên lịch)")
    lines.append(f"Gửi: {', '.join(duty.senders)} → {', '.join(duty.receivers)}")
    if duty.forward_to:
        lines.append(f"Tổng hợp gửi: {', '.join(duty.forward_to)}")
    if duty.kind == "report":
        lines.append(f"Kỳ số liệu: {duty.period_rule}")
    event.add("description", "\n".join(lines))
    event.add("categories", ["CCHC", duty.kind])
    event.add("dtstart", first.last_day)
    event.add("dtend", first.last_day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    _repeat(event, found)
    event.add_component(_alarm(f"Hạn gửi: {duty.title}", related_end=False))
    return event


def plan_calendar(view: PlanSchedule, *, now: datetime | None = None) -> str:
    """The whole plan as iCalendar text (CRLF line ends, folded lines, UTF-8)."""
    from icalendar import Calendar

    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//cchc//CCHC plan calendar//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", view.title)
    calendar.add("x-wr-timezone", view.timezone)
    for task in view.tasks:
        calendar.add_component(_todo(view, task, stamp))
    for duty in view.duties:
        event = _event(view, duty, stamp)
        if event is not None:
            calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))


def calendar_text(plan_dir: Path, *, now: datetime | None = None) -> str:
    """The calendar of the plan in ``plan_dir`` (see :func:`plan_calendar`)."""
    from cchc_cli.schedule.cache import load_schedule

    return plan_calendar(load_schedule(plan_dir), now=now)
