"""§0: a plan read from a git revision, the same way as from the working tree."""

from __future__ import annotations

from pathlib import Path

from cchc_cli.findings import format_findings
from cchc_cli.loading.plan_loader import load_source
from cchc_cli.sources.base import WorkingTree
from cchc_cli.sources.git_revision import revision_source
from cchc_cli.vcs.repo import find_repo
from tests.vcs.conftest import PlanRepo


def _source(repo: PlanRepo, rev: str):  # type: ignore[no-untyped-def]
    return revision_source(find_repo(repo.root), "plan", rev)


def test_a_revision_loads_like_the_working_tree(plan_repo: PlanRepo) -> None:
    old = load_source(_source(plan_repo, "HEAD~3"))
    assert old.plan is not None, format_findings(old.findings, "text")
    assert old.files[0].as_posix() == "HEAD~3:plan/areas.yaml"
    assert "PL.2" in old.plan.tasks_by_id
    assert old.plan.targets_by_id["II.6:on_time_rate"].value == 95
    now = load_source(WorkingTree(plan_repo.plan))
    assert now.plan is not None
    assert now.plan.targets_by_id["II.6:on_time_rate"].value == 90


def test_findings_at_a_revision_are_named_rev_path_line_col(plan_repo: PlanRepo) -> None:
    plan_repo.edit("targets.yaml", "value: 90", "value: [90")
    plan_repo.commit("A broken edit")
    loaded = load_source(_source(plan_repo, "HEAD"))
    text = format_findings(loaded.findings, "text")
    assert "HEAD:plan/targets.yaml:8:" in text
    assert "[error] yaml-syntax" in text or "[error] yaml" in text


def test_one_file_is_read_without_the_cross_file_checks(plan_repo: PlanRepo) -> None:
    source = _source(plan_repo, "HEAD")
    tasks = [path for path in source.files() if path.name == "tasks.yaml"]
    alone = load_source(source, files=tasks, checks=False)
    assert alone.findings == []  # no "missing plan section", no unknown references
    assert alone.draft is not None
    assert [task.id for task in alone.draft.tasks] == ["PL.1", "PL.5"]


def test_the_plan_absent_at_a_revision_has_no_files(plan_repo: PlanRepo, tmp_path: Path) -> None:
    plan_repo.git("checkout", "-q", "--orphan", "empty")
    plan_repo.git("rm", "-rq", "--cached", "plan")
    (plan_repo.root / "README.md").write_text("nothing yet\n", encoding="utf-8")
    plan_repo.git("add", "README.md")
    plan_repo.git("commit", "-qm", "Empty")
    assert _source(plan_repo, "empty").files() == []
