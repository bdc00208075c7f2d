"""§3: `cchc history ID`: every commit that changed one item, followed across files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Invoke
from tests.vcs.conftest import PlanRepo


def _sha(repo: PlanRepo, rev: str) -> str:
    return repo.git("rev-parse", "--short=7", rev)


def test_the_commit_that_moved_pl5_later(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["history", "PL.5"])
    assert run.exit_code == 0, run.output
    assert run.stdout.splitlines() == [
        "task PL.5: 2 commits (HEAD)",
        "",
        f"{_sha(plan_repo, 'HEAD~1')} 1 Feb 2024 Nguyễn Văn A: "
        "Lower the on-time threshold; PL.5 later (decision 12/QĐ)",
        "  modified (tasks.yaml)",
        "    BREAKING: deadline moved later: 31 Mar 2024 → 30 Jun 2024 (+91 days)",
        "    deadline.before: 2024-03-31 → 2024-06-30",
        "",
        f"{_sha(plan_repo, 'HEAD~3')} 1 Feb 2024 Nguyễn Văn A: The 2024 plan as issued",
        "  added (tasks.yaml)",
    ]


def test_an_item_is_followed_across_files(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["history", "PL.2"])
    assert "  moved (tasks.yaml → inspection.yaml)" in run.stdout
    assert "PL.2 in its own file" in run.stdout


def test_json_has_author_date_message_and_fields(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["history", "II.6:on_time_rate", "--format", "json"])
    data = json.loads(run.stdout)
    assert data["item"] == "target II.6:on_time_rate"
    newest = data["entries"][0]
    assert newest["author"] == "Nguyễn Văn A"
    assert newest["date"] == "2024-02-01T09:00:00+07:00"
    assert newest["fields"] == [
        {"field": "value", "before": 95.0, "after": 90.0, "breaking": None, "words": None}
    ]
    assert newest["breaking"] == [
        {"code": "target_lowered", "before": "> 95", "after": "> 90", "days": None, "items": []}
    ]
    assert [entry["change"] for entry in data["entries"]] == ["modified", "added"]


def test_a_removed_item_keeps_its_history(cli: Invoke, plan_repo: PlanRepo) -> None:
    (plan_repo.plan / "inspection.yaml").unlink()
    plan_repo.commit("PL.2 dropped")
    run = cli(["history", "PL.2"])
    assert run.exit_code == 0, run.output
    assert "  removed (inspection.yaml)\n    BREAKING: task removed" in run.stdout


def test_an_unknown_id(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["history", "PL.9"])
    assert run.exit_code == 2
    assert "no item 'PL.9' in the plan at HEAD nor in its history (did you mean 'PL.5'?)" in (
        run.stderr
    )


def test_history_outside_a_repository(cli: Invoke, minimal_plan: Path) -> None:
    run = cli(["history", "PL.1", "--plan", minimal_plan])
    assert run.exit_code == 2
    assert "is not inside a git repository: cchc history reads" in run.stderr


def test_an_unknown_revision(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["history", "PL.5", "--rev", "mainn"])
    assert run.exit_code == 2
    assert "unknown revision 'mainn' (did you mean 'main'?)" in run.stderr


def test_one_entry_of_a_large_file_is_read_alone() -> None:
    from cchc_cli.vcs.history import entry_text

    text = (
        "# tasks\ntasks:\n  - id: PL.1\n    content: a\n\n  - content: b\n"
        '    id: "PL.10"\n    lead: [VP]\n  # next\n  - id: PL.11\n'
    )
    assert entry_text(text, "PL.10") == (
        'tasks:\n  - content: b\n    id: "PL.10"\n    lead: [VP]\n  # next\n'
    )
    assert entry_text(text, "PL.1") == "tasks:\n  - id: PL.1\n    content: a\n\n"
    assert entry_text(text, "PL.2") is None
    assert entry_text("tasks: [{id: PL.1}]\n", "PL.1") is None  # flow style: read whole


def test_a_commit_that_broke_the_file_is_not_a_removal(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.edit("tasks.yaml", "tasks:\n", "tasks: [\n")
    plan_repo.commit("Broken by mistake")
    plan_repo.edit("tasks.yaml", "tasks: [\n", "tasks:\n")
    plan_repo.edit("tasks.yaml", "before: 2024-06-30", "before: 2024-05-31")
    plan_repo.commit("Fixed; PL.5 a month earlier")
    run = cli(["history", "PL.5"])
    assert run.exit_code == 0, run.output
    assert "removed" not in run.stdout
    assert run.stdout.count("  added") == 1
    assert "Fixed; PL.5 a month earlier\n  modified (tasks.yaml)" in run.stdout
    assert "deadline.before: 2024-06-30 → 2024-05-31" in run.stdout
