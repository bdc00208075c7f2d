"""Finding plan files: bounded, hidden and tool folders skipped, links checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_cli.errors import UserError
from cchc_cli.loading import discover
from cchc_cli.loading.discover import outside_plan, plan_files


def test_tool_and_hidden_folders_are_skipped(minimal_plan: Path) -> None:
    for folder in (".git", ".venv", "venv", "node_modules", "__pycache__", ".cchc"):
        (minimal_plan / folder).mkdir()
        (minimal_plan / folder / "x.yaml").write_text("broken: [\n", encoding="utf-8")
    (minimal_plan / ".hidden.yaml").write_text("broken: [\n", encoding="utf-8")
    assert [path.name for path in plan_files(minimal_plan)] == [
        "areas.yaml",
        "duties.yaml",
        "plan.yaml",
        "targets.yaml",
        "tasks.yaml",
        "units.yaml",
    ]


def test_a_walk_over_too_many_entries_stops(
    minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discover, "MAX_WALK_ENTRIES", 10)
    for index in range(11):
        (minimal_plan / f"f{index}.txt").write_text("", encoding="utf-8")
    with pytest.raises(UserError, match="more than 10 files and folders"):
        plan_files(minimal_plan)


def test_too_many_yaml_files_are_refused(
    minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discover, "MAX_PLAN_FILES", 5)
    with pytest.raises(UserError, match="at most 5 are read"):
        plan_files(minimal_plan)


def test_links_leading_outside(tmp_path: Path, minimal_plan: Path) -> None:
    (tmp_path / "outside.yaml").write_text("x: 1\n", encoding="utf-8")
    (minimal_plan / "out.yaml").symlink_to(tmp_path / "outside.yaml")
    (minimal_plan / "in.yaml").symlink_to("units.yaml")
    assert outside_plan(minimal_plan / "out.yaml", minimal_plan)
    assert not outside_plan(minimal_plan / "in.yaml", minimal_plan)
    assert not outside_plan(minimal_plan / "units.yaml", minimal_plan)
