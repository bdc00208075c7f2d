"""§4: `cchc init` scaffolds a plan repository; `validate --parent` checks a unit plan."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SHIPPED_PLAN, Invoke


def test_a_unit_plan_cascaded_from_the_department_validates(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "tccb"
    run = cli(["init", target, "--from", SHIPPED_PLAN, "--unit", "TCCB"])
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith(f"initialised {target}, cascaded from hp-sgddt-cchc-2024")
    assert cli(["validate", "--plan", target / "plan", "--strict"]).exit_code == 0
    checked = cli(["validate", "--plan", target / "plan", "--parent", SHIPPED_PLAN, "--strict"])
    assert checked.exit_code == 0, checked.output
    tasks = yaml.safe_load((target / "plan" / "tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    assert all(task["parent"] == task["id"] for task in tasks)
    assert all("TCCB" in task["lead"] + task.get("coordinators", []) for task in tasks)
    units = yaml.safe_load((target / "plan" / "units.yaml").read_text(encoding="utf-8"))
    tccb = units["units"][0]
    assert tccb["code"] == "TCCB"
    assert tccb["responsibilities"]["ref"] == "V.2.b"  # the unit's duties from V.2
    log = subprocess.run(
        ["git", "-C", str(target), "log", "--format=%s"], capture_output=True, text=True, check=True
    )
    assert log.stdout.strip() == "CCHC plan repository (cchc init, from hp-sgddt-cchc-2024)"


def test_init_says_what_it_wrote_in_vietnamese(cli: Invoke, tmp_path: Path) -> None:
    run = cli(["--lang", "vi", "init", tmp_path / "new", "--unit", "PGD", "--year", "2025"])
    assert run.exit_code == 0, run.output
    lines = run.stdout.splitlines()
    assert lines[0].startswith(f"đã khởi tạo {tmp_path / 'new'} (commit ")
    assert lines[-1] == f"bước tiếp theo: cd {tmp_path / 'new'} && cchc validate"


def test_a_skeleton_validates(cli: Invoke, tmp_path: Path) -> None:
    run = cli(["init", tmp_path / "new", "--unit", "PGD", "--year", "2025"])
    assert run.exit_code == 0, run.output
    assert cli(["validate", "--plan", tmp_path / "new" / "plan"]).exit_code == 0
    meta = yaml.safe_load((tmp_path / "new" / "plan" / "plan.yaml").read_text(encoding="utf-8"))
    assert meta["plan"]["year"] == 2025


def test_a_non_empty_directory_is_refused_unless_forced(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    run = cli(["init", tmp_path])
    assert run.exit_code == 2
    assert f"'{tmp_path}' is not empty (notes.txt); cchc init writes a new plan repository" in (
        run.stderr
    )
    assert "pass --force" in run.stderr
    assert cli(["init", tmp_path, "--force"]).exit_code == 0
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_an_unknown_unit(cli: Invoke, tmp_path: Path) -> None:
    run = cli(["init", tmp_path / "x", "--from", SHIPPED_PLAN, "--unit", "TCBB"])
    assert run.exit_code == 2
    assert "unit 'TCBB' is not in the plan hp-sgddt-cchc-2024 (did you mean 'TCCB'?)" in run.stderr


def test_from_needs_a_unit(cli: Invoke, tmp_path: Path) -> None:
    run = cli(["init", tmp_path / "x", "--from", SHIPPED_PLAN])
    assert run.exit_code == 2
    assert "--from needs --unit CODE" in run.stderr


def test_parent_references_resolve_and_weaker_targets_warn(
    cli: Invoke, tmp_path: Path, minimal_plan: Path
) -> None:
    unit = tmp_path / "unit"
    assert cli(["init", unit, "--from", minimal_plan, "--unit", "TCCB"]).exit_code == 0
    targets = unit / "plan" / "targets.yaml"
    targets.write_text(targets.read_text(encoding="utf-8").replace("95", "90"), "utf-8")
    tasks = unit / "plan" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("parent: PL.2", "parent: PL.3"))
    run = cli(["validate", "--plan", unit / "plan", "--parent", minimal_plan])
    assert run.exit_code == 1
    assert (
        "[error] parent-unknown: task 'PL.2': parent 'PL.3' is not a task of the parent plan "
        "test-plan-2024 (did you mean 'PL.2'?)"
    ) in run.stdout
    assert (
        "[warning] parent-weaker: target 'II.6:on_time_rate' is weaker than its parent "
        "'II.6:on_time_rate' of test-plan-2024 (lowered: > 95 → > 90)"
    ) in run.stdout


def test_the_workflow_calls_commands_that_exist(cli: Invoke, tmp_path: Path) -> None:
    assert cli(["init", tmp_path / "r"]).exit_code == 0
    workflow = yaml.safe_load((tmp_path / "r" / ".github/workflows/plan.yml").read_text("utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert "cchc validate --format github --strict" in runs[1]
    assert any("cchc diff" in run and "--format md" in run for run in runs)
    assert any("--fail-on breaking" in run for run in runs)
    assert steps[0]["with"]["fetch-depth"] == 0
    for run in runs:
        if run.startswith("cchc "):
            words = run.split("#")[0].split(">")[0].split()
            args = [word for word in words[1:] if not word.startswith('"')]
            assert cli([*args, "--help"]).exit_code == 0, run
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (ROOT / "templates/plan-repo/plan.yml").read_text(encoding="utf-8") in readme
    config = (ROOT / "templates/plan-repo/pre-commit-config.yaml").read_text(encoding="utf-8")
    assert config in readme


def test_the_shipped_hook_runs_through_pre_commit(cli: Invoke, tmp_path: Path) -> None:
    """`pre-commit try-repo` installs cchc from this repository and runs cchc-validate."""
    pytest.importorskip("pre_commit")
    repo = tmp_path / "r"
    assert cli(["init", repo, "--unit", "PGD", "--year", "2024"]).exit_code == 0
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "cchc-validate"]
    good = subprocess.run(
        [*command, "--all-files"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert good.returncode == 0, good.stdout + good.stderr
    assert "cchc validate" in good.stdout
    plan = repo / "plan" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2024", "year: 1900"), "utf-8")
    bad = subprocess.run(
        [*command, "--all-files"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1
    assert "plan/plan.yaml:" in bad.stdout


def test_readme_init_example_is_real(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    from tests.test_readme import console_example

    shutil.copytree(SHIPPED_PLAN, tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    run = cli(["init", "tccb", "--from", "plan", "--unit", "TCCB"])
    shown = re.sub(r"commit [0-9a-f]{7}", "commit …", run.stdout.rstrip("\n"))
    assert shown == console_example("cchc init tccb --from plan --unit TCCB")
