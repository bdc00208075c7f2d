"""`cchc task show` and `cchc task update`: the round trip through a real git repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_PLAN, Invoke


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.vn", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def changed_lines(repo: Path) -> list[str]:
    """The lines ``git diff`` shows as removed or added, without context."""
    diff = git(repo, "diff", "--unified=0", "--no-color")
    return [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the shipped plan, committed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(SHIPPED_PLAN, root / "plan")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "plan")
    return root


UPDATE_PL1 = [
    "task",
    "update",
    "PL.1",
    "--status",
    "done",
    "--percent",
    "100",
    "--note",
    "Đã ban hành: Kế hoạch số 12/KH-SGDĐT",
    "--evidence",
    "Kế hoạch số 12/KH-SGDĐT ngày 22/01/2024",
    "--evidence",
    "https://example.vn/kh-cchc-2024.pdf",
    "--date",
    "2024-01-22",
]


def test_round_trip_adds_only_the_new_lines_and_keeps_comments(cli: Invoke, repo: Path) -> None:
    plan = repo / "plan"
    comments = [line for line in (plan / "tasks.yaml").read_text().splitlines() if "#" in line]
    run = cli([*UPDATE_PL1, "--plan", plan])
    assert run.exit_code == 0, run.output
    assert "PL.1: not started → done; update of 22 Jan 2024 added to" in run.stdout
    assert changed_lines(repo) == [
        "-    status: not_started",
        "+    status: done",
        "+    updates:",
        '+      - date: "2024-01-22"',
        "+        status: done",
        "+        percent: 100",
        '+        note: "Đã ban hành: Kế hoạch số 12/KH-SGDĐT"',
        "+        evidence:",
        '+          - "Kế hoạch số 12/KH-SGDĐT ngày 22/01/2024"',
        '+          - "https://example.vn/kh-cchc-2024.pdf"',
    ]
    assert git(repo, "diff", "--stat").count("|") == 1  # one file changed
    after = (plan / "tasks.yaml").read_text()
    assert all(comment in after for comment in comments)
    check = cli(["validate", "--plan", plan, "--format", "json"])
    assert check.exit_code == 0, check.output
    codes = {finding["code"] for finding in json.loads(check.stdout)}
    assert codes == {"conflicting-targets"}  # the plan's own; no status-mismatch


def test_a_second_update_appends_below_the_first(cli: Invoke, repo: Path) -> None:
    plan = repo / "plan"
    first = ["task", "update", "PL.3", "--plan", plan, "-s", "in_progress", "-p", "30"]
    assert cli([*first, "--date", "2024-03-01", "-n", "Đã kiểm tra 3 đơn vị"]).exit_code == 0
    git(repo, "commit", "-q", "-am", "first update")
    second = ["task", "update", "PL.3", "--plan", plan, "-s", "in_progress", "-p", "60.5"]
    assert cli([*second, "--date", "2024-04-01", "--by", "Văn phòng Sở"]).exit_code == 0
    assert changed_lines(repo) == [
        '+      - date: "2024-04-01"',
        "+        status: in_progress",
        "+        percent: 60.5",
        '+        by: "Văn phòng Sở"',
    ]
    shown = json.loads(cli(["task", "show", "PL.3", "--plan", plan, "-f", "json"]).stdout)
    assert [u["percent"] for u in shown["task"]["updates"]] == [30, 60.5]
    assert shown["state"]["percent"] == 60.5


def test_an_invalid_result_is_refused_with_the_reason(cli: Invoke, repo: Path) -> None:
    plan = repo / "plan"
    before = (plan / "tasks.yaml").read_bytes()
    run = cli(
        ["task", "update", "PL.2", "--plan", plan, "--status", "done", "--date", "2024-02-01"]
    )
    assert run.exit_code == 1
    assert "done-without-evidence: task PL.2 is done but no update gives evidence" in run.stderr
    assert "refused: with this update the plan would not be valid" in run.stderr
    assert "'tasks.yaml' was not changed" in run.stderr
    assert (plan / "tasks.yaml").read_bytes() == before
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2999-01-01"], "--date 2999-01-01 is in the future"),
        (
            ["--date", "03/13/2024"],
            "--date: '03/13/2024' is not a date: dd/mm/yyyy is read day first",
        ),
        (["--percent", "120"], "Invalid value for '--percent'"),
        (["--status", "finished"], "Invalid value for '--status'"),
    ],
)
def test_bad_update_options(cli: Invoke, repo: Path, args: list[str], message: str) -> None:
    plan = repo / "plan"
    run = cli(["task", "update", "PL.3", "--plan", plan, "--status", "in_progress", *args])
    assert run.exit_code == 2, run.output
    assert message in run.stderr
    assert "Traceback" not in run.output
    assert git(repo, "status", "--porcelain") == ""


def test_an_update_older_than_the_latest_is_refused(cli: Invoke, repo: Path) -> None:
    plan = repo / "plan"
    base = ["task", "update", "PL.3", "--plan", plan, "--status", "in_progress"]
    assert cli([*base, "--date", "2024-03-01"]).exit_code == 0
    run = cli([*base, "--date", "2024-02-01"])
    assert run.exit_code == 2
    assert "already has an update of 2024-03-01" in run.stderr


def test_task_show(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["task", "show", "PL.1", "--plan", shipped_plan, "--as-of", "2024-01-20"])
    assert run.exit_code == 0, run.output
    assert "PL.1 · due soon" in run.stdout
    assert "Ban hành Kế hoạch CCHC năm 2024." in run.stdout
    assert "VP — Văn phòng Sở" in run.stdout
    assert "Deadline as written  Trước ngày 25/1/2024" in run.stdout
    assert "Deadline             before 25 Jan 2024" in run.stdout
    assert "Last day             24 Jan 2024" in run.stdout
    assert "3 working days left" in run.stdout
    assert "tasks.yaml:9" in run.stdout
    assert "none recorded yet" in run.stdout
    data = json.loads(cli(["task", "show", "PL.1", "--plan", shipped_plan, "-f", "json"]).stdout)
    assert data["task"]["id"] == "PL.1"
    assert data["task"]["deadline"]["before"] == "2024-01-25"
    assert data["file"].endswith("tasks.yaml:9")


UPDATE_PL2 = ["task", "update", "PL.2", "-s", "in_progress", "--date", "2024-02-01"]


def test_a_plan_file_with_crlf_line_ends_and_a_bom_keeps_them(
    cli: Invoke, minimal_plan: Path
) -> None:
    tasks = minimal_plan / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8").replace("\n", "\r\n")
    tasks.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    run = cli([*UPDATE_PL2, "--plan", minimal_plan])
    assert run.exit_code == 0, run.output
    raw = tasks.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b'      - date: "2024-02-01"\r\n' in raw


def test_a_file_that_cannot_be_written_back_unchanged_is_refused(
    cli: Invoke, minimal_plan: Path
) -> None:
    tasks = minimal_plan / "tasks.yaml"
    # Two spaces after a colon: ruamel would write the line back with one.
    text = tasks.read_text(encoding="utf-8").replace(
        "    areas: [III.1.b]", "    areas:  [III.1.b]"
    )
    tasks.write_text(text, encoding="utf-8")
    before = tasks.read_bytes()
    run = cli([*UPDATE_PL2, "--plan", minimal_plan])
    assert run.exit_code == 2
    assert "without reformatting it" in run.stderr
    assert tasks.read_bytes() == before
