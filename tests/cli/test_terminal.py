"""The terminal, as a real process sees it: encodings, colour, a pipe that closes;
and the commands that work outside a plan, sample-data's --force, the calendar file."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import SHIPPED_PLAN, Invoke


def cchc(
    *args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    base.update(CCHC_LANG="vi", COLUMNS="100")
    return subprocess.run(
        [sys.executable, "-m", "cchc_cli", *map(str, args)],
        capture_output=True,
        env={**base, **(env or {})},
        cwd=cwd,
        check=False,
        timeout=120,
    )


STATUS = ("--plan", SHIPPED_PLAN, "status", "--as-of", "01/04/2024", "--no-color")


def test_cp1258_output_writes_vietnamese_and_exits_0() -> None:
    utf8 = cchc(*STATUS, env={"PYTHONIOENCODING": "utf-8"})
    legacy = cchc(*STATUS, env={"PYTHONIOENCODING": "cp1258"})
    assert utf8.returncode == legacy.returncode == 0, legacy.stderr.decode("cp1258")
    text = unicodedata.normalize("NFC", legacy.stdout.decode("cp1258"))
    # letters Windows-1258 lacks are written as letter + tone mark: the same words
    assert "Kế hoạch triển khai" in text
    assert b"Traceback" not in legacy.stderr


def test_ascii_output_replaces_and_says_how_to_get_utf8() -> None:
    run = cchc(*STATUS, env={"PYTHONIOENCODING": "ascii"})
    assert run.returncode == 0, run.stderr
    assert "Ke hoach trien khai" in run.stdout.decode("ascii")
    err = run.stderr.decode("ascii")
    assert err.count("PYTHONIOENCODING=utf-8") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("flag", "env"),
    [("--no-color", {}), (None, {"NO_COLOR": "1"})],
    ids=["--no-color", "NO_COLOR"],
)
def test_no_colour_means_no_escape_codes_on_a_terminal(
    flag: str | None, env: dict[str, str]
) -> None:
    args = ["--plan", SHIPPED_PLAN, "status", "--as-of", "01/04/2024"]
    forced = {"FORCE_COLOR": "1", "PYTHONIOENCODING": "utf-8"}  # rich: a terminal
    coloured = cchc(*args, env=forced)
    assert b"\x1b[" in coloured.stdout  # the forced terminal does get colour
    plain = cchc(*args, *([flag] if flag else []), env={**forced, **env})
    assert plain.returncode == 0
    assert b"\x1b" not in plain.stdout + plain.stderr
    error = cchc(*args[:-1], "2024/04/01", *([flag] if flag else []), env={**forced, **env})
    assert error.returncode == 2
    assert b"\x1b" not in error.stderr


@pytest.mark.parametrize("command", [["validate"], ["export"], ["status", "--as-of", "01/04/2024"]])
def test_a_closed_pipe_is_not_an_error(command: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    process = subprocess.Popen(
        [sys.executable, "-m", "cchc_cli", "--plan", str(SHIPPED_PLAN), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before cchc writes: `| head -0`
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    assert b"Traceback" not in err
    assert b"Exception ignored" not in err


def test_validate_piped_to_head(tmp_path: Path) -> None:
    shell = f"{sys.executable} -m cchc_cli --plan {SHIPPED_PLAN} validate | head -1"
    run = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {shell}"], capture_output=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (["due", "05/02/2024", "10"], "2024-02-26"),
        (["workday", "12/02/2024", "-f", "json"], '"working_day": false'),
    ],
)
def test_due_and_workday_outside_a_plan(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], out: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli(args)
    assert run.exit_code == 0, run.output
    assert out in run.stdout
    notes = [line for line in run.stderr.splitlines() if line.startswith("note:")]
    assert notes == [
        "note: no plan found here; counting on the national calendar only (weekends and "
        "public holidays, no plan overrides). Pass --plan DIR to use a plan's calendar."
    ]


def test_a_named_plan_that_is_missing_is_still_an_error(cli: Invoke, tmp_path: Path) -> None:
    run = cli(["due", "--plan", tmp_path / "nowhere", "05/02/2024", "10"])
    assert run.exit_code == 2
    assert "does not exist" in run.stderr


def test_sample_data_keeps_an_existing_file(cli: Invoke, tmp_path: Path) -> None:
    first = cli(["sample-data", "--rows", "20", "-o", tmp_path])
    assert first.exit_code == 0, first.output
    target = tmp_path / "ho-so-tthc.csv"
    before = target.read_bytes()
    again = cli(["sample-data", "--rows", "30", "--seed", "2", "-o", tmp_path])
    assert again.exit_code == 2
    assert "ho-so-tthc.csv exists" in again.stderr
    assert "add --force to replace it" in again.stderr
    assert target.read_bytes() == before
    forced = cli(["sample-data", "--rows", "30", "--seed", "2", "-o", tmp_path, "--force"])
    assert forced.exit_code == 0, forced.output
    assert forced.stderr.startswith("wrote 30 dossiers to ")
    assert target.read_bytes() != before


def test_calendar_reports_fall_on_the_day_they_are_sent(
    cli: Invoke, shipped_plan: Path, tmp_path: Path
) -> None:
    target = tmp_path / "cchc.ics"
    run = cli(["calendar", "--plan", shipped_plan, "-o", target])
    assert run.exit_code == 0, run.output
    assert run.stderr == f"wrote 25 events and 0 to-dos to {target}\n"
    calendar = Calendar.from_ical(target.read_bytes())
    assert calendar.walk("VTODO") == []
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    quarterly = events["hp-sgddt-cchc-2024-report-quarterly@cchc"]
    # before 10/03/2024: the 9th is a Saturday, the report goes on Friday 08/03
    assert quarterly.decoded("DTSTART") == date(2024, 3, 8)
    assert [d.dt for d in quarterly["RDATE"].dts] == [date(2024, 9, 9)]
    task = events["hp-sgddt-cchc-2024-PL.1-deadline@cchc"]
    assert task.decoded("DTSTART") == date(2024, 1, 24)
    assert str(task["SUMMARY"]).startswith("Hạn: PL.1 ")
    assert len([uid for uid in events if uid.endswith("-deadline@cchc")]) == 19


@pytest.mark.parametrize(("tasks_as", "events", "todos"), [("todos", 6, 19), ("both", 25, 19)])
def test_calendar_tasks_as(
    cli: Invoke, shipped_plan: Path, tasks_as: str, events: int, todos: int
) -> None:
    run = cli(["calendar", "--plan", shipped_plan, "--tasks-as", tasks_as])
    assert run.exit_code == 0
    calendar = Calendar.from_ical(run.stdout)
    assert len(calendar.walk("VEVENT")) == events
    assert len(calendar.walk("VTODO")) == todos
    uids = [str(c["UID"]) for c in [*calendar.walk("VEVENT"), *calendar.walk("VTODO")]]
    assert len(uids) == len(set(uids))
