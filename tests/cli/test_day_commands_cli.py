"""`cchc due`, `cchc workday`, `cchc periods` and `cchc calendar`."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar

from tests.conftest import Invoke


def test_due_10_working_days_from_5_february_2024(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["due", "--plan", shipped_plan, "2024-02-05", "10"])
    assert run.exit_code == 0, run.output
    assert run.stdout == "2024-02-26\n"
    assert "Received Monday 5 Feb 2024: that day is not counted (Civil Code 2015, Art. 147)" in (
        run.stderr
    )
    assert "10 working days: due Monday 26 Feb 2024" in run.stderr
    assert "8 Feb 2024 (29 Tết)" in run.stderr
    assert "4 weekend days" in run.stderr


def test_due_in_calendar_days_moves_off_a_day_off(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["due", "--plan", shipped_plan, "2024-03-04", "5", "--calendar-days"])
    assert run.stdout == "2024-03-11\n"
    assert "Saturday 9 Mar 2024 is a day off" in run.stderr
    assert "(Civil Code 2015, Art. 148)" in run.stderr
    # 8 calendar days from 26 April end on Saturday 4 May 2024, a worked Saturday.
    worked = cli(["due", "--plan", shipped_plan, "2024-04-26", "8", "--calendar-days"])
    assert worked.stdout == "2024-05-04\n"


def test_due_as_json(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["due", "--plan", shipped_plan, "2024-02-05", "10", "--format", "json"])
    data = json.loads(run.stdout)
    assert (data["received"], data["due"], data["unit"]) == (
        "2024-02-05",
        "2024-02-26",
        "working_days",
    )
    assert len(data["days_off"]) == 11  # 7 days of Tết (two of them a weekend) + 2 weekends
    assert run.stderr == ""


def test_workday(cli: Invoke, shipped_plan: Path) -> None:
    base = ["workday", "--plan", shipped_plan]
    tet = cli([*base, "2024-02-12"])
    assert tet.exit_code == 0
    assert tet.stdout == (
        "Monday 12 Feb 2024 is not a working day: public holiday: Mùng ba Tết Nguyên Đán\n"
        "Next working day: Thursday 15 Feb 2024\n"
    )
    saturday = cli([*base, "2024-05-04"]).stdout
    assert saturday.startswith(
        "Saturday 4 May 2024 is a working day: make-up working day in the plan's calendar: "
        "Làm bù cho ngày nghỉ thứ Hai 29/4/2024"
    )
    both = cli([*base, "2024-02-10"]).stdout
    assert "public holiday: Tết Nguyên Đán; weekend" in both
    assert cli([*base, "2024-03-05"]).stdout == "Tuesday 5 Mar 2024 is a working day\n"
    data = json.loads(cli([*base, "2024-09-03", "-f", "json"]).stdout)
    assert (data["working_day"], data["holiday"], data["next_working_day"]) == (
        False,
        "Quốc khánh",
        "2024-09-04",
    )
    bad = cli([*base, "2024-02-30"])
    assert bad.exit_code == 2
    assert "'2024-02-30' is not a real calendar date" in bad.stderr


def test_periods(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["periods", "--plan", shipped_plan])
    assert run.exit_code == 0, run.output
    assert "Reports of 2024" in run.stdout
    rows = [line for line in run.stdout.splitlines() if line.strip().startswith("before")]
    assert len(rows) == 4
    assert "Báo cáo quý" in rows[0]
    assert "Q1" in rows[0]
    assert "15 Dec 2023–14 Mar 2024" in rows[0]
    assert "Decree 09/2019/NĐ-CP, Art. 12" in run.stdout
    data = json.loads(
        cli(["periods", "--plan", shipped_plan, "--year", "2025", "-f", "json"]).stdout
    )
    assert data["year"] == 2025
    first_quarter = next(r for r in data["reports"] if r["occurrence"]["period"] == "Q1")
    assert first_quarter["data_period"] == {
        "start": "2024-12-15",
        "end": "2025-03-14",
        "label": "2025-Q1",
    }
    # the monthly TTHC report of annex row 13: the month before's 15th to the 14th
    assert data["reports"][0]["occurrence"]["period"] == "M1"
    assert data["reports"][0]["data_period"]["end"] == "2025-01-14"


def test_periods_follow_a_calendar_rule_from_the_plan(cli: Invoke, shipped_plan: Path) -> None:
    calendar = shipped_plan / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    calendar.write_text(text.replace('period_rule: "decree-09-2019"', 'period_rule: "calendar"'))
    data = json.loads(cli(["periods", "--plan", shipped_plan, "-f", "json"]).stdout)
    first_quarter = next(r for r in data["reports"] if r["occurrence"]["period"] == "Q1")
    assert first_quarter["rule"] == "calendar"
    assert first_quarter["data_period"] == {
        "start": "2024-01-01",
        "end": "2024-03-31",
        "label": "2024-Q1",
    }


def test_calendar_file_opens_as_icalendar(cli: Invoke, shipped_plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "cchc.ics"
    run = cli(["calendar", "--plan", shipped_plan, "-o", target, "--tasks-as", "both"])
    assert run.exit_code == 0, run.output
    assert run.stderr == f"wrote 25 events and 19 to-dos to {target}\n"
    raw = target.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = Calendar.from_ical(raw)
    assert len(calendar.walk("VTODO")) == 19
    assert str(calendar.walk("VTODO")[0]["UID"]) == "hp-sgddt-cchc-2024-PL.1@cchc"
    assert "RRULE:FREQ=YEARLY" in raw.decode()
    stdout = cli(["calendar", "--plan", shipped_plan, "--tasks-as", "todos"]).stdout
    assert stdout.count("BEGIN:VTODO") == 19
