"""`cchc validate` on good plans, its formats, exit codes and plan discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke

ACCEPTED = "6 accepted warnings — show them with --show-accepted"


def test_shipped_plan_is_valid_and_counts_its_accepted_contradictions(cli: Invoke) -> None:
    run = cli(["validate", "--plan", "plan"])
    assert run.exit_code == 0, run.output
    # II.6, II.8 and PL.10 set three on-time and three satisfaction thresholds: the plan
    # accepts the six warnings, so they are counted, not printed.
    assert run.stdout.splitlines() == [
        f"plan: valid — 10 files, 0 errors, 0 warnings ({ACCEPTED}); "
        "19 tasks, 36 targets, 15 units, 6 reporting duties"
    ]


def test_show_accepted_prints_the_accepted_warnings_with_their_reason(cli: Invoke) -> None:
    run = cli(["validate", "--plan", "plan", "--show-accepted"])
    assert run.exit_code == 0, run.output
    shown = [line for line in run.stdout.splitlines() if "[accepted warning]" in line]
    assert len(shown) == 6
    assert all("conflicting-targets" in line for line in shown)
    assert any(
        line.startswith("plan/targets.yaml:")
        and "II.6 sets on_time_rate > 95% for 2024, but II.8 = 100%, PL.10 > 90%" in line
        and "— accepted: Văn bản đã ký đặt ba ngưỡng" in line
        for line in shown
    )
    assert "(6 accepted warnings, shown above)" in run.stdout


def test_strict_does_not_fail_on_accepted_warnings(cli: Invoke, shipped_plan: Path) -> None:
    assert cli(["validate", "--plan", "plan", "--strict"]).exit_code == 0
    targets = shipped_plan / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    # Without its acknowledgement, II.6's on-time warning is a warning again.
    start = text.index('  - id: "II.6:on_time_rate"')
    cut = text.index("    accepted:", start)
    end = text.index("  - id:", cut)
    targets.write_text(text[:cut] + text[end:], encoding="utf-8")
    run = cli(["validate", "--plan", shipped_plan, "--strict"])
    assert run.exit_code == 1
    assert "[warning] conflicting-targets: II.6 sets on_time_rate > 95%" in run.stdout
    assert "1 warning (5 accepted warnings — show them with --show-accepted)" in run.stdout


def test_an_acknowledgement_that_matches_no_warning_is_a_warning(
    cli: Invoke, minimal_plan: Path
) -> None:
    targets = minimal_plan / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    first = text.index("  - id:")
    end = text.index("\n  - id:", first + 1) if "\n  - id:" in text[first + 1 :] else len(text)
    item = text[first:end].rstrip("\n")
    targets.write_text(
        text[:first]
        + item
        + '\n    accepted:\n      conflicting-target: "old news"\n'
        + text[end:].lstrip("\n"),
        encoding="utf-8",
    )
    run = cli(["validate", "--plan", minimal_plan])
    assert run.exit_code == 0, run.output
    assert "[warning] accepted-unused: target " in run.stdout
    assert "accepts the warning 'conflicting-target', but cchc finds no such warning" in run.stdout
    assert "remove the entry from 'accepted'" in run.stdout


def test_minimal_plan_is_clean_even_when_strict(cli: Invoke, minimal_plan: Path) -> None:
    run = cli(["validate", "--plan", minimal_plan, "--strict"])
    assert run.exit_code == 0, run.output
    assert "0 errors, 0 warnings;" in run.stdout


def test_json_format_is_a_list_of_located_findings(cli: Invoke) -> None:
    run = cli(["validate", "--plan", "plan", "--format", "json"])
    assert run.exit_code == 0
    found = json.loads(run.stdout)
    assert len(found) == 6
    keys = {"file", "line", "column", "level", "code", "message", "accepted"}
    assert set(found[0]) == keys
    assert {f["level"] for f in found} == {"warning"}
    assert all(f["accepted"].startswith("Văn bản đã ký") for f in found)
    assert all(isinstance(f["line"], int) and f["line"] > 0 for f in found)
    assert "valid" in run.stderr  # the summary stays off stdout


def test_github_format_annotates_open_warnings_only(cli: Invoke) -> None:
    assert cli(["validate", "--plan", "plan", "--format", "github"]).stdout.strip() == ""
    run = cli(["validate", "--plan", "plan", "--format", "github", "--show-accepted"])
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


def _accept(targets: Path, accepted: str) -> None:
    """Give the first target of ``targets`` an ``accepted`` entry (YAML text)."""
    text = targets.read_text(encoding="utf-8").rstrip("\n")
    ref = next(line for line in text.splitlines() if line.strip().startswith("ref:"))
    indent = ref[: len(ref) - len(ref.lstrip())]
    targets.write_text(f"{text}\n{indent}accepted: {accepted}\n", encoding="utf-8")


def test_accepted_written_as_one_reason_says_how_to_write_it(
    cli: Invoke, minimal_plan: Path
) -> None:
    _accept(minimal_plan / "targets.yaml", '"the plan says so"')
    run = cli(["validate", "--plan", minimal_plan])
    assert run.exit_code == 1
    assert (
        "[error] schema-type: 'accepted' should be a mapping (key: value lines), not a text "
        "string ('the plan says so'); write one line per warning: its code, a colon and the "
        'reason (conflicting-targets: "why")'
    ) in run.stdout


def test_an_error_cannot_be_accepted(cli: Invoke, minimal_plan: Path) -> None:
    _accept(minimal_plan / "targets.yaml", '{schema-range: "we know"}')
    text = (minimal_plan / "targets.yaml").read_text(encoding="utf-8")
    (minimal_plan / "targets.yaml").write_text(text.replace("value: 95", "value: -1"), "utf-8")
    run = cli(["validate", "--plan", minimal_plan])
    assert run.exit_code == 1
    assert "[error] schema-range: 'value' must be ≥ 0" in run.stdout


def test_a_weaker_unit_target_can_be_accepted_with_a_reason(
    cli: Invoke, tmp_path: Path, minimal_plan: Path
) -> None:
    unit = tmp_path / "unit"
    assert cli(["init", unit, "--from", minimal_plan, "--unit", "TCCB"]).exit_code == 0
    targets = unit / "plan" / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("95", "90"), "utf-8")
    _accept(targets, '{parent-weaker: "the unit handles the hardest dossiers"}')
    # Without --parent the weaker target is not looked for: no stale acknowledgement.
    alone = cli(["validate", "--plan", unit / "plan", "--strict"])
    assert alone.exit_code == 0, alone.output
    run = cli(["validate", "--plan", unit / "plan", "--parent", minimal_plan, "--strict"])
    assert run.exit_code == 0, run.output
    assert "1 accepted warning — show it with --show-accepted" in run.stdout
    shown = cli(["validate", "--plan", unit / "plan", "--parent", minimal_plan, "--show-accepted"])
    assert (
        "[accepted warning] parent-weaker: target 'II.6:on_time_rate' is weaker than its parent"
    ) in shown.stdout
    assert "— accepted: the unit handles the hardest dossiers" in shown.stdout
