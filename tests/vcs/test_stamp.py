"""§1: status, kpi and reports carry the plan's revision; outside git, "unversioned"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import SHIPPED_PLAN, Invoke
from tests.vcs.conftest import PlanRepo, new_repo

STATUS = ["status", "--as-of", "2024-03-05", "--format", "json"]


def _revision(cli: Invoke, plan: Path) -> dict[str, object]:
    run = cli([*STATUS, "--plan", plan])
    assert run.exit_code == 0, run.output
    return dict(json.loads(run.stdout)["revision"])


def test_status_names_the_commit_and_its_tag(cli: Invoke, plan_repo: PlanRepo) -> None:
    head = plan_repo.git("rev-parse", "--short=7", "HEAD")
    assert _revision(cli, plan_repo.plan) == {
        "text": head,
        "commit": head,
        "tag": None,
        "branch": "main",
        "modified": False,
    }
    plan_repo.git("tag", "v2024.1")
    assert _revision(cli, plan_repo.plan)["text"] == f"{head} v2024.1"


def test_uncommitted_changes_to_the_plan_are_modified(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.edit("targets.yaml", "value: 90", "value: 85")
    stamp = _revision(cli, plan_repo.plan)
    assert stamp["modified"] is True
    assert str(stamp["text"]).endswith(" modified")
    text = cli(["status", "--as-of", "2024-03-05", "--plan", plan_repo.plan]).stdout
    line = next(line for line in text.splitlines() if "Plan test-plan-2024" in line)
    commit = str(stamp["text"]).removesuffix(" modified")
    assert f"Plan test-plan-2024 · revision {commit}, with uncommitted changes " in line


def test_changes_outside_the_plan_do_not_count(cli: Invoke, plan_repo: PlanRepo) -> None:
    (plan_repo.root / "notes.txt").write_text("draft\n", encoding="utf-8")
    assert _revision(cli, plan_repo.plan)["modified"] is False


def test_a_detached_head_has_no_branch(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.git("checkout", "-q", "--detach", "HEAD~1")
    stamp = _revision(cli, plan_repo.plan)
    assert stamp["branch"] is None
    assert stamp["commit"] == plan_repo.git("rev-parse", "--short=7", "HEAD")


def test_outside_a_repository_the_plan_is_unversioned(cli: Invoke, minimal_plan: Path) -> None:
    assert _revision(cli, minimal_plan)["text"] == "unversioned"
    export = cli(["export", "--plan", minimal_plan])
    assert json.loads(export.stdout)["revision"]["text"] == "unversioned"


def test_export_names_the_commit(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.edit("targets.yaml", "value: 90", "value: 85")
    export = cli(["export", "--plan", plan_repo.plan])
    head = plan_repo.git("rev-parse", "--short=7", "HEAD")
    assert json.loads(export.stdout)["revision"]["text"] == f"{head} modified"


def test_kpi_json_and_the_report_carry_the_revision(cli: Invoke, tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    shutil.rmtree(repo.plan)
    shutil.copytree(SHIPPED_PLAN, repo.plan)
    head = repo.commit("The shipped plan")
    kpi = cli(["--plan", repo.plan, "kpi", "--year", "2024", "--as-of", "2025-01-10", "-f", "json"])
    assert kpi.exit_code == 0, kpi.output
    assert json.loads(kpi.stdout)["revision"] == head
    args = ["--plan", repo.plan, "report", "--quarter", "Q2", "--year", "2024"]
    report = cli([*args, "--as-of", "2024-07-05"])
    assert report.exit_code == 0, report.output
    assert f"phiên bản {head}" in report.stdout


def test_the_report_says_uncommitted_changes_in_vietnamese(cli: Invoke, tmp_path: Path) -> None:
    """The official report is Vietnamese whatever the language of the run (tests: English)."""
    repo = new_repo(tmp_path / "repo")
    shutil.rmtree(repo.plan)
    shutil.copytree(SHIPPED_PLAN, repo.plan)
    head = repo.commit("The shipped plan")
    repo.edit("targets.yaml", "value: 95", "value: 96")
    args = ["--plan", repo.plan, "report", "--quarter", "Q2", "--as-of", "2024-07-05"]
    report = cli(args)
    assert report.exit_code == 0, report.output
    assert f"phiên bản {head}, có thay đổi chưa commit" in report.stdout
    assert "modified" not in report.stdout
