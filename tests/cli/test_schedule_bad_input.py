"""Every bad input named in the deadlines issue: message, exit code, and no traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import Invoke, Run

UPDATE_PL3 = ["task", "update", "PL.3", "--status", "in_progress", "--date", "2024-03-01"]

AS_OF_COMMANDS = [
    ["status"],
    ["deadlines"],
    ["task", "show", "PL.1"],
]


def assert_usage_error(run: Run, message: str) -> None:
    assert run.exit_code == 2, run.output
    assert message in run.stderr
    assert "Traceback" not in run.output
    assert run.stdout == ""


@pytest.mark.parametrize("command", AS_OF_COMMANDS, ids=" ".join)
def test_as_of_with_an_impossible_month(
    cli: Invoke, shipped_plan: Path, command: list[str]
) -> None:
    run = cli([*command, "--plan", shipped_plan, "--as-of", "2024-13-01"])
    assert_usage_error(run, "--as-of: '2024-13-01' is not a real calendar date")
    assert "write the day as dd/mm/yyyy or yyyy-mm-dd" in run.stderr


@pytest.mark.parametrize("command", AS_OF_COMMANDS, ids=" ".join)
def test_as_of_in_an_ambiguous_form(cli: Invoke, shipped_plan: Path, command: list[str]) -> None:
    run = cli([*command, "--plan", shipped_plan, "--as-of", "2024/06/01"])
    assert_usage_error(
        run, "--as-of: '2024/06/01' is ambiguous: it could be 1 Jun 2024 or 6 Jan 2024"
    )


@pytest.mark.parametrize("command", [["status"], ["deadlines"]], ids=" ".join)
def test_unknown_unit_code(cli: Invoke, shipped_plan: Path, command: list[str]) -> None:
    run = cli([*command, "--plan", shipped_plan, "--unit", "TCB"])
    assert_usage_error(run, "unknown unit code 'TCB' (did you mean 'TCCB'?)")


@pytest.mark.parametrize(
    "command",
    [["task", "show", "PL.99"], ["task", "update", "PL.99", "--status", "in_progress"]],
    ids=" ".join,
)
def test_unknown_task_id(cli: Invoke, shipped_plan: Path, command: list[str]) -> None:
    run = cli([*command, "--plan", shipped_plan])
    assert_usage_error(run, "unknown task id 'PL.99' (did you mean 'PL.9'?)")


def test_task_update_on_a_read_only_file(cli: Invoke, shipped_plan: Path) -> None:
    tasks = shipped_plan / "tasks.yaml"
    before = tasks.read_bytes()
    tasks.chmod(0o444)
    try:
        run = cli([*UPDATE_PL3, "--plan", shipped_plan])
    finally:
        tasks.chmod(0o644)
    assert_usage_error(run, "tasks.yaml': the file is read-only")
    assert "chmod u+w" in run.stderr
    assert tasks.read_bytes() == before


def test_write_interrupted_between_temp_file_and_rename(
    cli: Invoke, shipped_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks = shipped_plan / "tasks.yaml"
    before = tasks.read_bytes()

    def power_cut(self: Path, target: object) -> Path:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "replace", power_cut)
    run = cli([*UPDATE_PL3, "--plan", shipped_plan])
    assert_usage_error(run, "cannot write")
    assert "Input/output error" in run.stderr
    assert tasks.read_bytes() == before
    assert sorted(os.listdir(shipped_plan)) == sorted(
        p.name for p in Path(__file__).resolve().parents[2].joinpath("plan").iterdir()
    )


def test_file_modified_on_disk_between_load_and_write(
    cli: Invoke, shipped_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cchc_cli.loading

    tasks = shipped_plan / "tasks.yaml"
    real_load = cchc_cli.loading.load_plan

    def someone_saves_meanwhile(plan_dir: Path, overrides: object = None) -> object:
        if overrides:  # the validation of the new text: another editor saves now
            with tasks.open("a", encoding="utf-8") as stream:
                stream.write("# added by a colleague\n")
        return real_load(plan_dir, overrides)  # type: ignore[arg-type]

    monkeypatch.setattr(cchc_cli.loading, "load_plan", someone_saves_meanwhile)
    run = cli([*UPDATE_PL3, "--plan", shipped_plan])
    assert_usage_error(run, "tasks.yaml' was modified on disk while the update was being prepared")
    assert "nothing was written" in run.stderr
    text = tasks.read_text(encoding="utf-8")
    assert text.endswith("# added by a colleague\n")
    assert "2024-03-01" not in text


def validate_json(cli: Invoke, plan: Path) -> tuple[int, list[dict[str, object]]]:
    run = cli(["validate", "--plan", plan, "--format", "json"])
    return run.exit_code, json.loads(run.stdout)


@pytest.mark.parametrize(
    ("rule", "code", "line", "column", "message"),
    [
        (
            "{frequency: quarterly, day: 31, month: last}",
            "invalid-recurrence",
            11,
            46,  # the day
            "report-quarterly: day 31 does not exist in June 2024",
        ),
        (
            "{frequency: quarterly, periods: [Q1, Q5], day: 10, month: last}",
            "schema-value",
            11,
            55,  # Q5
            "'periods[1]' is 'Q5', which is not a period of the year",
        ),
        (
            "{frequency: quarterly, periods: [Q1, H2], day: 10}",
            "invalid-recurrence",
            11,
            41,  # the 'periods' key
            "period 'H2' is half-yearly, but the rule is quarterly: use Q1, Q2, Q3, Q4",
        ),
    ],
)
def test_an_invalid_recurring_rule(
    *,
    cli: Invoke,
    minimal_plan: Path,
    rule: str,
    code: str,
    line: int,
    column: int,
    message: str,
) -> None:
    duties = minimal_plan / "duties.yaml"
    text = duties.read_text(encoding="utf-8")
    old = "{frequency: quarterly, periods: [Q1, Q3], day: 10, month: last}"
    duties.write_text(text.replace(old, rule), encoding="utf-8")
    exit_code, findings = validate_json(cli, minimal_plan)
    assert exit_code == 1
    [finding] = [f for f in findings if f["level"] == "error"]
    assert finding["code"] == code
    assert str(finding["file"]).endswith("duties.yaml")
    assert (finding["line"], finding["column"]) == (line, column)
    assert message in str(finding["message"])
    run = cli(["status", "--plan", minimal_plan])
    assert run.exit_code == 1
    assert "is not valid" in run.stderr
    assert "Traceback" not in run.output


CONFLICT = """\
calendar:
  overrides:
    - date: "2024-05-04"
      kind: working_day
      reason: "Làm bù cho ngày 29/4"
    - start: "2024-05-02"
      end: "2024-05-05"
      kind: day_off
      reason: "Nghỉ"
"""


def test_a_calendar_override_listing_one_date_twice_with_conflicting_meaning(
    cli: Invoke, minimal_plan: Path
) -> None:
    (minimal_plan / "calendar.yaml").write_text(CONFLICT, encoding="utf-8")
    exit_code, findings = validate_json(cli, minimal_plan)
    assert exit_code == 1
    [finding] = findings
    assert finding["code"] == "calendar-conflict"
    assert str(finding["file"]).endswith("calendar.yaml")
    assert (finding["line"], finding["column"]) == (6, 14)
    assert str(finding["message"]).startswith(
        "2024-05-04 (in the range 2024-05-02..2024-05-05) is listed as day_off here but as "
        "working_day in override 1 (at "
    )
    run = cli(["deadlines", "--plan", minimal_plan])
    assert run.exit_code == 1
    assert "calendar-conflict" in run.stderr


def test_the_same_date_twice_with_the_same_meaning_is_a_warning(
    cli: Invoke, minimal_plan: Path
) -> None:
    twice = CONFLICT.replace("kind: day_off", "kind: working_day")
    (minimal_plan / "calendar.yaml").write_text(twice, encoding="utf-8")
    exit_code, findings = validate_json(cli, minimal_plan)
    assert exit_code == 0
    assert [f["code"] for f in findings] == ["calendar-duplicate"]


@pytest.mark.parametrize("days", [["-3"], ["--", "-3"]], ids=["-3", "-- -3"])
def test_due_with_negative_days(cli: Invoke, shipped_plan: Path, days: list[str]) -> None:
    run = cli(["due", "--plan", shipped_plan, "2024-02-05", *days])
    assert_usage_error(run, "DAYS must be 0 or more (a processing time), not -3")


def test_due_with_a_bad_date_or_too_many_days(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["due", "--plan", shipped_plan, "05.02.2024", "10"])
    assert_usage_error(run, "DATE: '05.02.2024' is ambiguous: it could be 5 Feb 2024 or 2 May 2024")
    run = cli(["due", "--plan", shipped_plan, "2024-02-05", "99999"])
    assert_usage_error(run, "DAYS must be at most 3660")


def test_an_unknown_time_zone_is_a_located_error(cli: Invoke, minimal_plan: Path) -> None:
    (minimal_plan / "calendar.yaml").write_text(
        'calendar:\n  timezone: "Asia/Hanoi City"\n', encoding="utf-8"
    )
    exit_code, findings = validate_json(cli, minimal_plan)
    assert exit_code == 1
    [finding] = findings
    assert (finding["code"], finding["line"], finding["column"]) == ("calendar-timezone", 2, 13)
    assert "unknown time zone 'Asia/Hanoi City'" in str(finding["message"])
