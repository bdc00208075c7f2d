"""State of tasks and duties as of a day, urgency, the status report, periods."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cchc_cli.errors import UserError
from cchc_cli.loading import require_plan
from cchc_cli.schedule.agenda import agenda, build_status, report_periods, select_deadlines
from cchc_cli.schedule.state import natural_key, task_state
from cchc_cli.schedule.view import PlanSchedule, from_plan
from tests.conftest import SHIPPED_PLAN


@pytest.fixture(scope="module")
def view() -> PlanSchedule:
    plan, _ = require_plan(SHIPPED_PLAN)
    return from_plan(plan)


def test_on_20_january_the_units_plan_duty_is_due_soon(view: PlanSchedule) -> None:
    report = build_status(view, date(2024, 1, 20))
    due_soon = {item.id: item for item in report.due_soon}
    duty = due_soon["unit-plans"]
    assert duty.kind == "duty"
    assert duty.occurrence is not None
    assert duty.occurrence.text() == "before 25/01/2024"
    assert duty.occurrence.last_day == date(2024, 1, 24)
    # Mon 22, Tue 23, Wed 24 January
    assert (duty.days_left, duty.working_days_left) == (4, 3)
    assert report.overdue == []
    assert report.counts["due_soon"] == 1  # PL.1, "Trước ngày 25/1/2024"
    assert report.counts["not_started"] == 18


def test_on_5_march_the_q1_report_is_next_with_its_data_period(view: PlanSchedule) -> None:
    report = build_status(view, date(2024, 3, 5))
    nxt = report.next_report
    assert nxt is not None
    assert nxt.occurrence is not None
    assert (nxt.id, nxt.occurrence.period, nxt.occurrence.day) == (
        "report-quarterly",
        "Q1",
        date(2024, 3, 10),
    )
    assert nxt.data_period is not None
    assert nxt.data_period.text() == "15/12/2023–14/03/2024"
    # 9 March 2024 is a Saturday: send by Friday 8 March.
    assert nxt.send_by == date(2024, 3, 8)
    assert nxt.state == "due_soon"
    [late] = report.overdue
    assert late.id == "PL.1"
    # 25/1 .. 5/3: 29 weekdays less Tết 8-14/2 (5 weekdays)
    assert late.working_days_late == 24


def test_task_states_follow_progress_and_time(view: PlanSchedule) -> None:
    task = next(t for t in view.tasks if t.id == "PL.3")  # window: all of 2024
    cal, year = view.calendar, view.year
    assert task_state(task, cal, date(2024, 3, 1), 14, year).state == "not_started"
    going = replace(task, status="in_progress", percent=40.0)
    assert task_state(going, cal, date(2024, 3, 1), 14, year).state == "on_track"
    assert task_state(going, cal, date(2024, 12, 20), 14, year).state == "due_soon"
    assert task_state(going, cal, date(2025, 1, 2), 14, year).state == "overdue"
    assert task_state(replace(task, status="done"), cal, date(2025, 1, 2), 14, year).state == "done"
    cancelled = replace(task, status="cancelled")
    assert task_state(cancelled, cal, date(2025, 1, 2), 14, year).state == "cancelled"


def test_urgency_order_overdue_then_nearest_then_lead_unit(view: PlanSchedule) -> None:
    items = agenda(view, date(2024, 3, 5))
    assert items[0].state == "overdue"
    lasts = [item.occurrence.last_day for item in items if item.occurrence]
    assert lasts[1:] == sorted(lasts[1:])
    same_day = [item for item in items if item.occurrence and item.occurrence.day.month == 12]
    leads = [item.units[0] for item in same_day if item.kind == "task"]
    assert leads == sorted(leads)
    vp = [item.id for item in same_day if item.units[0] == "VP" and item.kind == "task"]
    assert vp == sorted(vp, key=natural_key)
    assert vp[:2] == ["PL.3", "PL.5"]


def test_unit_filter_and_unknown_unit(view: PlanSchedule) -> None:
    items = agenda(view, date(2024, 3, 5), unit="KHTC")
    ids = {item.id for item in items}
    assert {"PL.12", "PL.18", "PL.19", "PL.5"} <= ids  # leads three, coordinates PL.5
    assert "PL.1" not in ids
    tasks = {task.id: task for task in view.tasks}
    for item in items:
        if item.kind == "task":
            assert "KHTC" in tasks[item.id].lead + tasks[item.id].coordinators
    with pytest.raises(UserError, match=r"unknown unit code 'TCB' \(did you mean 'TCCB'\?\)"):
        agenda(view, date(2024, 3, 5), unit="TCB")


def test_select_deadlines(view: PlanSchedule) -> None:
    items = agenda(view, date(2024, 3, 5))
    within = select_deadlines(items, within=30)
    assert [item.id for item in within] == ["PL.1", "report-quarterly", "report-tthc-monthly"]
    assert [item.id for item in select_deadlines(items, overdue_only=True)] == ["PL.1"]


MONTHLY = "report-tthc-monthly"
"""Annex row 13's monthly report: one row per month, beside the V.1.c reports."""


def test_monthly_report_of_annex_row_13_is_due_by_each_month_end(view: PlanSchedule) -> None:
    rows = [row for row in report_periods(view) if row.duty_id == MONTHLY]
    assert [row.occurrence.day.isoformat() for row in rows][:3] == [
        "2024-01-31",
        "2024-02-29",
        "2024-03-31",
    ]
    assert len(rows) == 12


def test_report_periods_of_the_year(view: PlanSchedule) -> None:
    rows = [row for row in report_periods(view) if row.duty_id != MONTHLY]
    assert [(row.occurrence.period, row.occurrence.day.isoformat()) for row in rows] == [
        ("Q1", "2024-03-10"),
        ("H1", "2024-06-10"),
        ("Q3", "2024-09-10"),
        ("Y", "2024-12-10"),
    ]
    periods = [row.data_period.text() for row in rows if row.data_period]
    assert periods == [
        "15/12/2023–14/03/2024",
        "15/12/2023–14/06/2024",
        "15/06/2024–14/09/2024",
        "15/12/2023–14/12/2024",
    ]
    calendar_rule = replace(
        view, duties=tuple(replace(d, period_rule="calendar") for d in view.duties)
    )
    quarterly = [row for row in report_periods(calendar_rule) if row.duty_id != MONTHLY]
    first = quarterly[0].data_period
    assert first is not None
    assert first.text() == "01/01/2024–31/03/2024"


def test_a_later_year_has_no_reports_of_this_plan(view: PlanSchedule) -> None:
    rows = [row for row in report_periods(view, 2025) if row.duty_id != MONTHLY]
    assert [row.occurrence.period for row in rows] == [
        "Q1",
        "H1",
        "Q3",
        "Y",
    ]
    assert report_periods(view, 2023) != []  # recurring rules unroll over any year
    assert Path(SHIPPED_PLAN).is_dir()
