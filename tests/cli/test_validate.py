"""`cchc validate` on good plans, its formats, exit codes and plan discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke


def test_shipped_plan_is_valid_with_the_known_contradictions(cli: Invoke) -> None:
    run = cli(["validate", "--plan", "plan"])
    assert run.exit_code == 0, run.output
    warnings = [line for line in run.stdout.splitlines() if "[warning]" in line]
    # II.6, II.8 and PL.10 set three on-time and three satisfaction thresholds.
    assert len(warnings) == 6
    assert all("conflicting-targets" in line for line in warnings)
    assert any(
        line.startswith("plan/targets.yaml:")
        and "II.6 sets on_time_rate > 95% for 2024, but II.8 = 100%, PL.10 > 90%" in line
        for line in warnings
    )
    assert "valid — 10 file(s), 0 error(s), 6 warning(s); 19 tasks, 36 targets" in run.stdout


def test_strict_fails_on_warnings(cli: Invoke) -> None:
    assert cli(["validate", "--plan", "plan", "--strict"]).exit_code == 1


def test_minimal_plan_is_clean_even_when_strict(cli: Invoke, minimal_plan: Path) -> None:
    run = cli(["validate", "--plan", minimal_plan, "--strict"])
    assert run.exit_code == 0, run.output
    assert "0 error(s), 0 warning(s)" in run.stdout


def test_json_format_is_a_list_of_located_findings(cli: Invoke) -> None:
    run = cli(["validate", "--plan", "plan", "--format", "json"])
    assert run.exit_code == 0
    found = json.loads(run.stdout)
    assert len(found) == 6
    assert set(found[0]) == {"file", "line", "column", "level", "code", "message"}
    assert {f["level"] for f in found} == {"warning"}
    assert all(isinstance(f["line"], int) and f["line"] > 0 for f in found)
    assert "valid" in run.stderr  # the summary stays off stdout


def test_github_format_annotates_warnings(cli: Invoke) -> None:
    run = cli(["validate", "--plan", "plan", "--format", "github"])
    lines = run.stdout.splitlines()
    assert len(lines) == 6
    assert all(line.startswith("::warning file=plan/targets.yaml,line=") for line in lines)


def test_global_plan_option_and_env_and_discovery(
    cli: Invoke, minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(["--plan", minimal_plan, "validate"]).exit_code == 0
    monkeypatch.setenv("CCHC_PLAN", str(minimal_plan))
    assert "2 tasks" in cli(["validate"]).stdout
    monkeypatch.delenv("CCHC_PLAN")
    nested = minimal_plan.parent / "docs" / "deep"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    run = cli(["validate"])
    assert run.exit_code == 0
    assert "2 tasks" in run.stdout


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "plan directory '{path}' (--plan) does not exist"),
        ("empty", "plan directory '{path}' holds no .yaml files"),
        ("file", "--plan must be a directory, but '{path}' is a file"),
    ],
)
def test_unusable_plan_directory_is_a_usage_error(
    cli: Invoke, tmp_path: Path, setup: str, message: str
) -> None:
    path = tmp_path / "plan"
    if setup == "empty":
        path.mkdir()
        (path / "notes.txt").write_text("not a plan")
    elif setup == "file":
        path.write_text("plan: {}\n")
    run = cli(["validate", "--plan", path])
    assert run.exit_code == 2
    assert message.format(path=path) in run.stderr
    assert "hint:" in run.stderr
    assert "Traceback" not in run.output


def test_no_plan_found_anywhere(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli(["validate"])
    assert run.exit_code == 2
    assert "no plan directory found" in run.stderr
    assert "pass --plan DIR, or set CCHC_PLAN" in run.stderr


def test_missing_plan_section(cli: Invoke, minimal_plan: Path) -> None:
    (minimal_plan / "plan.yaml").unlink()
    run = cli(["validate", "--plan", minimal_plan])
    assert run.exit_code == 1
    assert "[error] missing-plan-section: no file holds the 'plan' section" in run.stdout


def test_unknown_option_is_a_usage_error(cli: Invoke) -> None:
    run = cli(["validate", "--plan", "plan", "--format", "xml"])
    assert run.exit_code == 2
    assert "xml" in run.stderr


def test_internal_errors_are_reported_without_traceback(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_plan_dir: Path) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("cchc_cli.loading.load_plan", broken)
    run = cli(["validate", "--plan", "plan"])
    assert run.exit_code == 3
    assert "internal error: RuntimeError: boom" in run.stderr
    assert "This is a bug in cchc" in run.stderr
    assert "Traceback" not in run.output
