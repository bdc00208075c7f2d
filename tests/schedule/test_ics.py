"""The calendar export parses back as RFC 5545 with what the issue asks for."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from cchc_cli.schedule.ics import calendar_text
from tests.conftest import SHIPPED_PLAN

NOW = datetime(2024, 1, 2, 8, 0, tzinfo=UTC)


def parsed() -> Calendar:
    return Calendar.from_ical(calendar_text(SHIPPED_PLAN, now=NOW, tasks_as="todos"))


def test_one_todo_per_task_with_a_stable_uid_and_due_date() -> None:
    todos = parsed().walk("VTODO")
    assert len(todos) == 19
    uids = [str(todo["UID"]) for todo in todos]
    assert uids[0] == "hp-sgddt-cchc-2024-PL.1@cchc"
    assert uids == [f"hp-sgddt-cchc-2024-PL.{n}@cchc" for n in range(1, 20)]
    first = todos[0]
    assert first.decoded("DUE") == date(2024, 1, 24)  # "Trước ngày 25/1/2024"
    assert first["STATUS"] == "NEEDS-ACTION"
    year_long = todos[1]
    assert year_long.decoded("DTSTART") == date(2024, 1, 1)
    assert year_long.decoded("DUE") == date(2024, 12, 31)
    assert calendar_text(SHIPPED_PLAN, now=NOW) == calendar_text(SHIPPED_PLAN, now=NOW)


def test_recurring_duties_repeat_on_the_day_they_are_sent() -> None:
    events = {str(event["UID"]): event for event in parsed().walk("VEVENT")}
    quarterly = events["hp-sgddt-cchc-2024-report-quarterly@cchc"]
    # Before the 10th: 09/03/2024 is a Saturday, so it is sent on Friday 08/03/2024;
    # 09/09/2024 is a Monday. Days of the month differ: RDATEs, not an RRULE.
    assert quarterly.decoded("DTSTART") == date(2024, 3, 8)
    assert "RRULE" not in quarterly
    assert [d.dt for rdate in [quarterly["RDATE"]] for d in rdate.dts] == [date(2024, 9, 9)]
    for duty in ("report-six-month", "report-annual"):
        event = events[f"hp-sgddt-cchc-2024-{duty}@cchc"]
        assert "RRULE" in event or "RDATE" in event
    assert "RRULE" not in events["hp-sgddt-cchc-2024-unit-plans@cchc"]


def test_every_entry_has_an_alarm_seven_days_before() -> None:
    calendar = parsed()
    entries = [*calendar.walk("VTODO"), *calendar.walk("VEVENT")]
    assert len(entries) == 19 + 6
    for entry in entries:
        [alarm] = entry.walk("VALARM")
        assert alarm.decoded("TRIGGER") == -timedelta(days=7)
        assert alarm["TRIGGER"].to_ical() == b"-P7D"
        assert alarm["ACTION"] == "DISPLAY"
    todo_alarm = calendar.walk("VTODO")[0].walk("VALARM")[0]
    assert todo_alarm["TRIGGER"].params["RELATED"] == "END"


def test_progress_shows_in_the_todo(shipped_plan: Path) -> None:
    from cchc_cli.progress.record import ProgressEntry, record_progress

    record_progress(
        shipped_plan,
        "PL.3",
        ProgressEntry("in_progress", 40, evidence=("Kế hoạch kiểm tra số 5",)),
        today=date(2024, 3, 1),
    )
    text = calendar_text(shipped_plan, now=NOW, tasks_as="todos")
    todo = Calendar.from_ical(text).walk("VTODO")[2]
    assert todo["STATUS"] == "IN-PROCESS"
    assert todo["PERCENT-COMPLETE"] == 40
