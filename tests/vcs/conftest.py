"""Real git repositories of a plan, built commit by commit in a temporary directory."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN

PL5 = """
  - id: PL.5
    content: "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở."
    lead: [TCCB]
    coordinators: [VP]
    deadline:
      text: "Trước ngày 31/3/2024"
      before: 2024-03-31
    areas: [III.1.a]
"""


@dataclass
class PlanRepo:
    """A git repository with the test plan in ``plan/``."""

    root: Path

    @property
    def plan(self) -> Path:
        return self.root / "plan"

    def git(self, *args: str) -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Nguyễn Văn A",
            "GIT_AUTHOR_EMAIL": "a@example.vn",
            "GIT_COMMITTER_NAME": "Nguyễn Văn A",
            "GIT_COMMITTER_EMAIL": "a@example.vn",
            "GIT_AUTHOR_DATE": "2024-02-01T09:00:00+07:00",
            "GIT_COMMITTER_DATE": "2024-02-01T09:00:00+07:00",
        }
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.plan / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "--short", "HEAD")


def new_repo(root: Path) -> PlanRepo:
    """A repository whose first commit (on ``main``) holds the test plan plus PL.5."""
    root.mkdir(parents=True, exist_ok=True)
    repo = PlanRepo(root)
    shutil.copytree(MINIMAL_PLAN, repo.plan)
    with (repo.plan / "tasks.yaml").open("a", encoding="utf-8") as handle:
        handle.write(PL5)
    repo.git("init", "-q", "-b", "main")
    repo.commit("The 2024 plan as issued")
    return repo


@pytest.fixture
def plan_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PlanRepo:
    """The plan's history: issued; PL.2 moved to its own file and units.yaml renamed;
    the on-time threshold lowered and PL.5 moved later; PL.1 cancelled. The working
    directory is the repository."""
    repo = new_repo(tmp_path / "repo")
    task_pl2 = (repo.plan / "tasks.yaml").read_text(encoding="utf-8")
    start = task_pl2.index("  - id: PL.2")
    end = task_pl2.index("  - id: PL.5")
    (repo.plan / "tasks.yaml").write_text(task_pl2[:start] + task_pl2[end:], encoding="utf-8")
    (repo.plan / "inspection.yaml").write_text("tasks:\n" + task_pl2[start:end], encoding="utf-8")
    repo.git("mv", "plan/units.yaml", "plan/don-vi.yaml")
    repo.commit("PL.2 in its own file; units.yaml named in Vietnamese")
    repo.edit("targets.yaml", "value: 95", "value: 90")
    repo.edit("tasks.yaml", "before: 2024-03-31", "before: 2024-06-30")
    repo.commit("Lower the on-time threshold; PL.5 later (decision 12/QĐ)")
    repo.edit("tasks.yaml", "areas: [III.1.a]\n", "areas: [III.1.a]\n    status: cancelled\n")
    repo.commit("Cancel PL.1: the plan was issued by the city")
    monkeypatch.chdir(repo.root)
    return repo
