"""The plan as an RFC 5545 calendar (``.ics``) for Outlook, Google Calendar, Thunderbird.

* tasks (``tasks_as``): as all-day ``VEVENT`` s on their last allowed day (the default:
  Google Calendar and Outlook ignore to-dos on import), as ``VTODO`` s (``DUE`` the last
  allowed day, ``DTSTART`` a window's first day, ``STATUS``/``PERCENT-COMPLETE`` from its
  progress), or both; stable UIDs (``<plan-id>-<task-id>@cchc`` for the to-do,
  ``<plan-id>-<task-id>-deadline@cchc`` for the event) so that re-importing updates
  rather than duplicates;
* one all-day ``VEVENT`` per reporting duty on the day it must really be sent: its last
  allowed day, or the working day before when that day is a weekend or holiday
  (:meth:`~cchc_cli.schedule.workcal.WorkingCalendar.previous_working_day`, the rule of
  "send by" in ``status``); a recurring duty is one event with an ``RRULE`` when every
  occurrence falls on the same day of the month, else with ``RDATE`` s;
* a ``VALARM`` 7 days before each of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from cchc_cli.quoting import shorten
from cchc_cli.schedule.rules import Occurrence, occurrences
from cchc_cli.schedule.view import DutyItem, PlanSchedule, TaskItem

if TYPE_CHECKING:
    from icalendar import Component

__all__ = [
    "ALARM_BEFORE",
    "TASKS_AS",
    "CalendarFile",
    "TasksAs",
    "calendar_file",
    "calendar_text",
    "plan_calendar",
    "uid",
]

ALARM_BEFORE = timedelta(days=7)

TasksAs = Literal["events", "todos", "both"]
TASKS_AS: Final[tuple[TasksAs, ...]] = ("events", "todos", "both")


@dataclass(frozen=True)
class CalendarFile:
    """The iCalendar text and what it holds."""

    text: str
    events: int
    todos: int


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
    summary = _task_summary(task)
    todo.add("uid", uid(view, task.id))
    todo.add("dtstamp", stamp)
    todo.add("summary", summary)
    todo.add("description", _task_description(task))
    todo.add("categories", ["CCHC", *task.lead])
    found = occurrences(task.deadline, view.year)
    if found:
        first = found[0]
        if first.start is not None:
            todo.add("dtstart", first.start)
        todo.add("due", first.last_day)
        _repeat(todo, found, [occurrence.last_day for occurrence in found])
    todo.add("status", _TODO_STATUS.get(task.status, "NEEDS-ACTION"))
    if task.percent is not None:
        todo.add("percent-complete", round(task.percent))
    todo.add_component(_alarm(summary, related_end=True))
    return todo


def _task_summary(task: TaskItem) -> str:
    return f"{task.id} {shorten(task.content, 80)}"


def _task_description(task: TaskItem) -> str:
    lines = [task.content, f"Chủ trì: {', '.join(task.lead)}"]
    if task.coordinators:
        lines.append(f"Phối hợp: {', '.join(task.coordinators)}")
    if task.deadline.text:
        lines.append(f"Thời gian: {task.deadline.text}")
    lines += [f"Sản phẩm: {product}" for product in task.deliverables]
    return "\n".join(lines)


def _task_event(view: PlanSchedule, task: TaskItem, stamp: datetime) -> Component | None:
    """A task as an all-day event on its last allowed day (what calendars show)."""
    from icalendar import Event

    found = occurrences(task.deadline, view.year)
    if not found:
        return None
    summary = f"Hạn: {_task_summary(task)}"
    event = Event()
    event.add("uid", uid(view, f"{task.id}-deadline"))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("description", _task_description(task))
    event.add("categories", ["CCHC", *task.lead])
    days = [occurrence.last_day for occurrence in found]
    event.add("dtstart", days[0])
    event.add("dtend", days[0] + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    _repeat(event, found, days)
    event.add_component(_alarm(summary, related_end=False))
    return event


def _repeat(component: Component, found: list[Occurrence], days: list[date]) -> None:
    """An RRULE for recurring ``days`` on the same day of the month, else RDATEs.

    The rule stops at the plan year's last occurrence: next year has its own plan.
    """
    if len(found) < 2 and not (found and found[0].period):
        return
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
    # The day it must really be sent: a deadline on a day off moves to the working day
    # before it, as "send by" says in `cchc status`.
    days = [view.calendar.previous_working_day(occurrence.last_day) for occurrence in found]
    event = Event()
    event.add("uid", uid(view, duty.id))
    event.add("dtstamp", stamp)
    event.add("summary", f"Hạn gửi: {duty.title}")
    lines = [f"{duty.ref}: {duty.title}"]
    if duty.deadline.text:
        lines.append(
            f"Thời hạn: {duty.deadline.text} (ngày ghi trên lịch: ngày làm việc cuối cùng "
            "trong hạn, trước ngày nghỉ nếu hạn rơi vào ngày nghỉ)"
        )
    lines.append(f"Gửi: {', '.join(duty.senders)} → {', '.join(duty.receivers)}")
    if duty.forward_to:
        lines.append(f"Tổng hợp gửi: {', '.join(duty.forward_to)}")
    if duty.kind == "report":
        lines.append(f"Kỳ số liệu: {duty.period_rule}")
    event.add("description", "\n".join(lines))
    event.add("categories", ["CCHC", duty.kind])
    event.add("dtstart", days[0])
    event.add("dtend", days[0] + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    _repeat(event, found, days)
    event.add_component(_alarm(f"Hạn gửi: {duty.title}", related_end=False))
    return event


def plan_calendar(
    view: PlanSchedule, *, now: datetime | None = None, tasks_as: TasksAs = "events"
) -> CalendarFile:
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
    events = todos = 0
    for task in view.tasks:
        if tasks_as in ("todos", "both"):
            calendar.add_component(_todo(view, task, stamp))
            todos += 1
        if tasks_as in ("events", "both"):
            task_event = _task_event(view, task, stamp)
            if task_event is not None:
                calendar.add_component(task_event)
                events += 1
    for duty in view.duties:
        event = _event(view, duty, stamp)
        if event is not None:
            calendar.add_component(event)
            events += 1
    return CalendarFile(str(calendar.to_ical().decode("utf-8")), events, todos)


def calendar_file(
    plan_dir: Path, *, now: datetime | None = None, tasks_as: TasksAs = "events"
) -> CalendarFile:
    """The calendar of the plan in ``plan_dir`` (see :func:`plan_calendar`)."""
    from cchc_cli.schedule.cache import load_schedule

    return plan_calendar(load_schedule(plan_dir), now=now, tasks_as=tasks_as)


def calendar_text(
    plan_dir: Path, *, now: datetime | None = None, tasks_as: TasksAs = "events"
) -> str:
    """The iCalendar text of the plan in ``plan_dir``."""
    return calendar_file(plan_dir, now=now, tasks_as=tasks_as).text
