"""§2 bad input: each a message that says what and how to fix it, and an exit code."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.vcs.conftest import PlanRepo


def test_not_a_git_repository(cli: Invoke, minimal_plan: Path) -> None:
    run = cli(["diff", "--plan", minimal_plan])
    assert run.exit_code == 2
    assert f"'{minimal_plan}' is not inside a git repository" in run.stderr
    assert "hint: run cchc inside the plan repository" in run.stderr
    assert "Traceback" not in run.output
    assert cli(["validate", "--plan", minimal_plan]).exit_code == 0  # others still work


def test_an_unknown_revision_suggests_a_branch_or_tag(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.git("tag", "v2024.1")
    run = cli(["diff", "mian"])
    assert run.exit_code == 2
    assert "unknown revision 'mian' (did you mean 'main'?)" in run.stderr
    run = cli(["diff", "v2024.2", "HEAD"])
    assert "unknown revision 'v2024.2' (did you mean 'v2024.1'?)" in run.stderr


def test_a_shallow_clone_without_the_merge_base(
    cli: Invoke, plan_repo: PlanRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_repo.git("checkout", "-q", "-b", "feature", "HEAD~1")
    plan_repo.edit("targets.yaml", "value: 90", "value: 80")
    plan_repo.commit("Lower again")
    plan_repo.git("checkout", "-q", "main")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--no-single-branch",
         f"file://{plan_repo.root}", str(clone)],
        check=True,
    )  # fmt: skip
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", "feature"], check=True)
    monkeypatch.chdir(clone)
    run = cli(["diff"])
    assert run.exit_code == 2
    assert "this is a shallow clone: the merge-base of HEAD and origin/main was not fetched" in (
        run.stderr
    )
    assert "fetch-depth: 0" in run.stderr


def test_the_plan_absent_at_one_revision_is_all_added(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.git("checkout", "-q", "--orphan", "empty")
    plan_repo.git("rm", "-rq", "--cached", "plan")
    plan_repo.git("commit", "-q", "--allow-empty", "-m", "Nothing yet")
    plan_repo.git("checkout", "-q", "-f", "main")
    run = cli(["diff", "empty", "main", "--fail-on", "breaking"])
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("10 changes (0 breaking): empty (")
    assert "+ task PL.5 (added, tasks.yaml)" in run.stdout
    assert "the plan directory 'empty:plan' is absent; everything is added" in run.stderr


def test_a_file_that_fails_to_parse_at_one_revision(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.edit("targets.yaml", "value: 90", "value: [90")
    plan_repo.edit("tasks.yaml", "before: 2024-06-30", "before: 2024-09-30")
    plan_repo.commit("A broken edit, and PL.5 later still")
    run = cli(["diff", "HEAD~1", "HEAD", "--fail-on", "breaking"])
    assert run.exit_code == 1, run.output
    assert "HEAD:plan/targets.yaml:8:" in run.stderr  # REV:path:line:col
    assert "could not read everything (the diff covers the rest)" in run.stderr
    assert "task PL.5" in run.stdout  # the rest is compared
    assert "target" not in run.stdout  # unknown at HEAD: neither removed nor changed


def test_an_id_in_two_files_at_one_revision(cli: Invoke, plan_repo: PlanRepo) -> None:
    text = (plan_repo.plan / "inspection.yaml").read_text(encoding="utf-8")
    (plan_repo.plan / "more.yaml").write_text(text.replace("Kiểm tra", "Kiểm tra lại"), "utf-8")
    plan_repo.commit("PL.2 twice")
    run = cli(["diff", "HEAD~1", "HEAD"])
    assert run.exit_code == 0, run.output
    assert "HEAD:plan/more.yaml:2:9: [error] duplicate-id: duplicate task id 'PL.2'" in run.stderr
    assert "already defined at HEAD:plan/inspection.yaml:2:9" in run.stderr
    assert "0 changes" in run.stdout  # the first one is compared


def test_a_detached_head_compares_with_its_merge_base(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.git("checkout", "-q", "--detach", "HEAD")
    plan_repo.edit("tasks.yaml", "lead: [TCCB]", "lead: [VP]")
    run = cli(["diff", "--fail-on", "breaking"])
    assert run.exit_code == 1
    assert "merge-base of HEAD and main" in run.stdout
    assert "BREAKING: lead unit removed: TCCB" in run.stdout


def test_not_a_format(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["diff", "--format", "html"])
    assert run.exit_code == 2
    assert "'html' is not one of" in run.stderr


def test_a_repository_without_commits(
    cli: Invoke, minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(minimal_plan.parent)], check=True)
    monkeypatch.chdir(minimal_plan.parent)
    run = cli(["diff", "HEAD"])
    assert run.exit_code == 2
    assert "the repository has no commit yet" in run.stderr
    assert "hint: commit the plan first" in run.stderr
    status = cli(["status", "--as-of", "2024-03-05", "--format", "json"])
    assert '"text": "uncommitted"' in status.stdout


def test_no_default_branch_to_compare_with(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.git("branch", "-m", "main", "trunk")
    run = cli(["diff"])
    assert run.exit_code == 2
    assert "no default branch (main, master or origin/HEAD) to compare with" in run.stderr
    assert "hint: name the revisions: cchc diff REV_A [REV_B]" in run.stderr
