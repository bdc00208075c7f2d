"""`cchc status` and `cchc deadlines` on the shipped plan, as people and CI read them."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_cli.render.json_out import to_json
from cchc_cli.render.status_view import status_text
from cchc_cli.services.status import TargetLine, plan_status
from cchc_cli.services.workspace import Workspace
from tests.conftest import Invoke


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def test_on_20_january_the_units_plan_duty_is_due_soon(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["status", "--plan", shipped_plan, "--as-of", "2024-01-20"])
    assert run.exit_code == 0, run.output
    assert "Kế hoạch triển khai, thực hiện công tác CCHC năm 2024" in run.stdout
    assert "As of Saturday 20 Jan 2024" in run.stdout
    assert "Tasks: 0 overdue · 1 due soon · 0 on track · 18 not started · 0 done" in run.stdout
    due_soon = section(run.stdout, "Due soon (within 14 days)", "Next report")
    assert "unit-plans" in due_soon
    assert "before 25 Jan 2024" in due_soon
    assert "3 working days left" in due_soon
    assert "none" in section(run.stdout, "Overdue", "Due soon")


def test_on_5_march_the_q1_report_is_next_with_its_data_period(
    cli: Invoke, shipped_plan: Path
) -> None:
    run = cli(["status", "--plan", shipped_plan, "--as-of", "2024-03-05"])
    assert run.exit_code == 0, run.output
    nxt = run.stdout[run.stdout.index("Next report") :]
    assert "Next report: Báo cáo quý (Q1)\n  due before 10 Mar 2024" in nxt
    assert "data period 15 Dec 2023–14 Mar 2024" in nxt
    assert "9 Mar 2024 is a Saturday (day off): send by 8 Mar 2024" in nxt
    overdue = section(run.stdout, "Overdue", "Due soon")
    assert "PL.1" in overdue
    assert "24 working days late" in overdue


def test_status_json_has_stable_keys_and_iso_dates(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["status", "--plan", shipped_plan, "--as-of", "2024-03-05", "--format", "json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert list(data) == [
        "plan",
        "as_of",
        "horizon_days",
        "unit",
        "counts",
        "overdue",
        "due_soon",
        "next_report",
        "targets",
        "score",
        "revision",  # the plan's revision stamp (tests/vcs/test_stamp.py)
        "year_end",
        "year_over",
        "units",
    ]
    assert data["as_of"] == "2024-03-05"
    assert data["counts"] == {
        "overdue": 1,
        "due_soon": 0,
        "on_track": 0,
        "not_started": 18,
        "done": 0,
        "cancelled": 0,
    }
    nxt = data["next_report"]
    assert nxt["id"] == "report-quarterly"
    assert nxt["occurrence"] == {
        "relation": "before",
        "day": "2024-03-10",
        "start": None,
        "period": "Q1",
        "year": 2024,
        "last_day": "2024-03-09",
    }
    assert nxt["as_written"] == "trước ngày 10 tháng cuối của quý"
    assert nxt["data_period"] == {"start": "2023-12-15", "end": "2024-03-14", "label": "2024-Q1"}
    assert nxt["send_by"] == "2024-03-08"
    assert data["overdue"][0]["working_days_late"] == 24
    assert list(data["targets"]) == [
        "status",
        "counts",
        "items",
        "measured_from",
        "measured_to",
        "reason",
        "problem",
        "year_start",
    ]
    # Data, not a sentence: the views say it in the reader's language.
    assert (data["targets"]["measured_from"], data["targets"]["measured_to"]) == (
        "2023-12-15",
        "2024-03-05",
    )
    assert (data["year_end"], data["year_over"]) == ("2024-12-31", False)
    assert data["units"]["VP"] == "Văn phòng Sở"
    assert "[" not in run.stdout.replace("[]", "").replace('": [', "").split("\n")[0]


def test_status_for_one_unit(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(
        ["status", "--plan", shipped_plan, "--as-of", "2024-01-20", "-u", "TTS", "-f", "json"]
    )
    data = json.loads(run.stdout)
    assert data["unit"] == "TTS"
    # TTS leads PL.13 and coordinates PL.3
    assert data["counts"]["not_started"] == 2
    assert sum(data["counts"].values()) == 2
    # the plan's next report, whoever asks: the monthly TTHC report (annex row 13) of January
    assert data["next_report"]["id"] == "report-tthc-monthly"
    other = cli(
        ["status", "--plan", shipped_plan, "--as-of", "2024-01-20", "-u", "VP", "-f", "json"]
    )
    assert json.loads(other.stdout)["next_report"] == data["next_report"]


def test_the_targets_panel_says_no_data_until_targets_are_measured(
    cli: Invoke, minimal_plan: Path
) -> None:
    run = cli(["status", "--plan", minimal_plan, "--as-of", "2024-01-20"])
    assert "Targets" in run.stdout
    assert "no data yet" in run.stdout


def test_status_measures_the_targets_from_the_plan_datasets(
    cli: Invoke, shipped_plan: Path
) -> None:
    run = cli(["status", "--plan", shipped_plan, "--as-of", "2024-06-20", "--format", "json"])
    assert run.exit_code == 0, run.output
    targets = json.loads(run.stdout)["targets"]
    assert targets["status"] == "measured"
    assert targets["measured_to"] == "2024-06-20"
    on_time = next(t for t in targets["items"] if t["ref"] == "II.6" and "on_time" in t["measure"])
    assert on_time["threshold"] == "> 95%"
    assert on_time["status"] in {"met", "at_risk", "missed"}
    assert sum(targets["counts"].values()) == len(targets["items"]) == 36
    text = cli(["status", "--plan", shipped_plan, "--as-of", "2024-06-20"]).stdout
    assert "measured from 15 Dec 2023 to 20 Jun 2024" in text
    assert "targets without data are listed by `cchc kpi`" in text


def test_a_data_problem_does_not_break_the_dashboard(cli: Invoke, shipped_plan: Path) -> None:
    for export in (shipped_plan / "data").glob("ho-so-*.csv"):
        export.unlink()
    run = cli(["status", "--plan", shipped_plan, "--as-of", "2024-06-20"])
    assert run.exit_code == 0, run.output
    assert "cannot measure targets: dataset 'ho-so-tthc'" in run.stdout


def test_the_targets_panel_shows_measured_targets(shipped_plan: Path) -> None:
    from io import StringIO

    from rich.console import Console

    from cchc_cli.dates import parse_iso_date

    lines = [
        TargetLine("II.6", "on_time_rate", 96.5, "> 95%", "met"),
        TargetLine("PL.18", "online_payment_share", None, ">= 30%", "no_data"),
    ]
    result = plan_status(Workspace(shipped_plan), as_of=parse_iso_date("2024-06-30"), targets=lines)
    console = Console(file=StringIO(), width=100, no_color=True)
    console.print(status_text(result))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "II.6" in text
    assert "96.50%" in text
    assert "no data yet" not in text
    data = json.loads(to_json(result))
    assert data["targets"]["items"][0] == {
        "ref": "II.6",
        "measure": "on_time_rate",
        "value": 96.5,
        "threshold": "> 95%",
        "status": "met",
        "op": None,
        "goal": None,
        "goal_unit": None,
        "error_budget": None,
        "projection": None,
    }


def test_status_of_an_invalid_plan_fails_with_its_findings(cli: Invoke, minimal_plan: Path) -> None:
    (minimal_plan / "tasks.yaml").write_text("tasks:\n  - id: PL.1\n", encoding="utf-8")
    run = cli(["status", "--plan", minimal_plan])
    assert run.exit_code == 1
    assert "schema-missing-field" in run.stderr
    assert "run `cchc validate` for details" in run.stderr


def test_status_defaults_to_today(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["status", "--plan", shipped_plan, "--format", "json"])
    assert run.exit_code == 0
    assert len(json.loads(run.stdout)["as_of"]) == 10


def test_deadlines_within_and_overdue(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["deadlines", "--plan", shipped_plan, "--as-of", "2024-03-05", "--within", "30"])
    assert run.exit_code == 0, run.output
    assert "Deadlines within 30 days as of Tuesday 5 Mar 2024" in run.stdout
    assert run.stdout.index("PL.1") < run.stdout.index("report-quarterly")
    assert "3 items" in run.stdout  # PL.1, Q1 report, the monthly TTHC report of March
    data = json.loads(
        cli(
            [
                "deadlines",
                "--plan",
                shipped_plan,
                "--as-of",
                "2024-03-05",
                "--overdue",
                "-f",
                "json",
            ]
        ).stdout
    )
    assert [item["id"] for item in data["items"]] == ["PL.1"]
    assert data["items"][0]["state"] == "overdue"


def test_deadlines_fail_on(cli: Invoke, shipped_plan: Path) -> None:
    base = ["deadlines", "--plan", shipped_plan]
    late = cli([*base, "--as-of", "2024-03-05", "--fail-on", "overdue"])
    assert late.exit_code == 1
    assert "1 item overdue (--fail-on overdue): PL.1" in late.stderr
    assert "PL.1" in late.stdout  # the list is printed before failing
    early = cli([*base, "--as-of", "2024-01-10", "--fail-on", "overdue"])
    assert early.exit_code == 0, early.output
    soon = cli([*base, "--as-of", "2024-01-20", "--fail-on", "due-soon"])
    assert soon.exit_code == 1
    assert "4 items overdue or due soon (--fail-on due-soon)" in soon.stderr
    assert "report-tthc-monthly" in soon.stderr  # January's, due by 31/01
    bad = cli([*base, "--fail-on", "late"])
    assert bad.exit_code == 2
    assert "Traceback" not in bad.output


def test_deadlines_all_includes_done_tasks(cli: Invoke, shipped_plan: Path) -> None:
    update = ["task", "update", "PL.1", "--plan", shipped_plan, "--status", "done"]
    assert cli([*update, "--date", "2024-01-22", "-e", "KH số 12"]).exit_code == 0
    base = ["deadlines", "--plan", shipped_plan, "--as-of", "2024-03-05", "-f", "json"]
    ids = [item["id"] for item in json.loads(cli(base).stdout)["items"]]
    assert "PL.1" not in ids
    everything = json.loads(cli([*base, "--all"]).stdout)["items"]
    assert everything[-1]["id"] == "PL.1"
    assert everything[-1]["state"] == "done"


def test_status_shows_the_score_and_its_weakest_indicator(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["status", "--plan", shipped_plan, "--as-of", "2024-07-01"])
    assert run.exit_code == 0, run.output
    assert "Score (qd766): 47.71 of 100 points (60 of them measurable)" in run.stdout
    assert "weakest: online.payment, 3.19 of 8 points" in run.stdout
    data = json.loads(
        cli(["status", "--plan", shipped_plan, "--as-of", "2024-07-01", "--format", "json"]).stdout
    )
    assert data["score"]["earned"] == 47.71
    assert data["score"]["weakest"] == "online.payment"
