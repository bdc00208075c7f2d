"""§2: `cchc diff` on a real repository: meaning, breaking changes, the CI gate."""

from __future__ import annotations

import json

from tests.conftest import Invoke
from tests.vcs.conftest import PlanRepo


def test_a_lowered_threshold_and_a_later_deadline_are_breaking(
    cli: Invoke, plan_repo: PlanRepo
) -> None:
    run = cli(["diff", "HEAD~2", "HEAD~1", "--fail-on", "breaking"])
    assert run.exit_code == 1, run.output
    assert run.stdout.splitlines() == [
        f"2 changes (2 breaking): HEAD~2 ({plan_repo.git('rev-parse', '--short=7', 'HEAD~2')}) "
        f"→ HEAD~1 ({plan_repo.git('rev-parse', '--short=7', 'HEAD~1')})",
        "~ target II.6:on_time_rate (modified, targets.yaml)",
        "    BREAKING: target lowered: > 95 → > 90",
        "    value: 95 → 90",
        "~ task PL.5 (modified, tasks.yaml)",
        "    BREAKING: deadline moved later: 31 Mar 2024 → 30 Jun 2024 (+91 days)",
        "    deadline.before: 2024-03-31 → 2024-06-30",
    ]


def test_without_the_gate_breaking_changes_exit_0(cli: Invoke, plan_repo: PlanRepo) -> None:
    assert cli(["diff", "HEAD~2", "HEAD"]).exit_code == 0


def test_a_cancelled_task_is_breaking(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["diff", "HEAD~1", "HEAD", "--format", "json"])
    data = json.loads(run.stdout)
    assert data["breaking"] == 1
    [change] = data["changes"]
    assert (change["kind"], change["id"], change["breaking"]) == (
        "task",
        "PL.1",
        [{"code": "task_cancelled", "before": None, "after": None, "days": None, "items": []}],
    )
    assert change["fields"][0]["before"] == "not_started"


def test_moves_and_renames_between_files_are_no_change(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["diff", "HEAD~3", "HEAD~2", "--fail-on", "breaking"])
    assert run.exit_code == 0, run.output
    assert "0 changes (0 breaking)" in run.stdout
    assert (
        "moved to another file (no change): task PL.2, unit VP, unit TCCB, unit SNV" in run.stdout
    )


def test_added_removed_and_wording(cli: Invoke, plan_repo: PlanRepo) -> None:
    plan_repo.edit(
        "tasks.yaml",
        'content: "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở."',
        'content: "Rà soát, đơn giản hóa và công bố thủ tục hành chính thuộc thẩm quyền của Sở."',
    )
    (plan_repo.plan / "inspection.yaml").unlink()
    plan_repo.edit("tasks.yaml", "lead: [TCCB]", "lead: [VP]")
    run = cli(["diff", "HEAD"])  # → the working tree
    assert run.exit_code == 0, run.output
    out = run.stdout
    assert "- task PL.2 (removed, inspection.yaml)\n    BREAKING: task removed" in out
    assert "BREAKING: lead unit removed: TCCB" in out
    assert 'lead: ["TCCB"] → ["VP"]' in out
    assert (
        "content: Rà soát, đơn giản hóa {+và công bố+} thủ tục hành … thuộc thẩm quyền "
        "[-giải quyết-] của Sở." in out
    )
    assert "working tree" in out.splitlines()[0]


def test_md_is_a_pull_request_comment(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["diff", "HEAD~2", "HEAD", "--format", "md"])
    assert run.exit_code == 0, run.output
    lines = run.stdout.splitlines()
    assert lines[0].startswith("**cchc diff** ⚠️: 3 changes (3 breaking): HEAD~2")
    assert "| ~ | task `PL.5` | deadline.before | **yes**: deadline moved later" in run.stdout
    assert "<details><summary>Field by field</summary>" in lines
    assert lines[-1] == "</details>"


def test_default_is_the_merge_base_with_main_to_the_working_tree(
    cli: Invoke, plan_repo: PlanRepo
) -> None:
    plan_repo.git("checkout", "-q", "-b", "feature")
    plan_repo.edit("targets.yaml", 'op: ">"', 'op: ">="')
    plan_repo.commit("At least 90%, 90% included")
    plan_repo.edit("tasks.yaml", "coordinators: [VP]", "coordinators: [VP, SNV]")  # uncommitted
    run = cli(["diff", "--fail-on", "breaking"])
    assert run.exit_code == 1, run.output
    assert run.stdout.startswith("2 changes (1 breaking): merge-base of HEAD and main (")
    assert "BREAKING: target weakened: > 90 → >= 90" in run.stdout  # the base is main's HEAD
    assert 'coordinators: ["VP"] → ["VP", "SNV"]' in run.stdout


def test_a_stricter_target_and_an_earlier_deadline_are_not_breaking(
    cli: Invoke, plan_repo: PlanRepo
) -> None:
    plan_repo.edit("targets.yaml", "value: 90", "value: 97")
    plan_repo.edit("tasks.yaml", "before: 2024-06-30", "before: 2024-05-31")
    run = cli(["diff", "HEAD", "--fail-on", "breaking"])
    assert run.exit_code == 0, run.output
    assert "2 changes (0 breaking)" in run.stdout
