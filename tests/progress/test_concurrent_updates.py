"""No update is ever lost: simultaneous updates of one plan file, a file changed by
someone else meanwhile, a plan file that is a link, leftovers of a killed update."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.errors import UserError
from cchc_cli.loading import load_plan
from cchc_cli.loading.roundtrip import RoundTripFile
from cchc_cli.loading.write import plan_lock
from cchc_cli.progress.record import ProgressEntry, record_progress

DAY = date(2024, 6, 3)
PAIRS = 50
BATCH = 10
"""Pairs started at the same moment; 10 pairs = 20 processes racing for one file."""


def _update(plan_dir: str, task: str, note: str, barrier: Any, results: Any) -> None:
    entry = ProgressEntry(status="in_progress", note=note, on=DAY)
    barrier.wait()
    try:
        record_progress(Path(plan_dir), task, entry, today=DAY, lock_wait=30)
    except UserError as exc:
        results.put((note, f"refused: {exc.message}"))
    except Exception as exc:
        results.put((note, f"error: {type(exc).__name__}: {exc}"))
    else:
        results.put((note, "ok"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_fifty_simultaneous_update_pairs_lose_nothing(minimal_plan: Path) -> None:
    context = multiprocessing.get_context("fork")
    load_plan(minimal_plan)  # the imports, once: forked workers then only do the work
    results = context.Queue()
    outcomes: dict[str, str] = {}
    for first in range(0, PAIRS, BATCH):
        pairs = range(first, min(first + BATCH, PAIRS))
        barrier = context.Barrier(2 * len(pairs))
        workers = [
            context.Process(
                target=_update, args=(str(minimal_plan), task, f"{task}#{n}", barrier, results)
            )
            for n in pairs
            for task in ("PL.1", "PL.2")  # one pair: both tasks of tasks.yaml at once
        ]
        for worker in workers:
            worker.start()
        for _ in workers:
            note, outcome = results.get(timeout=120)
            outcomes[note] = outcome
        for worker in workers:
            worker.join(timeout=60)
    assert len(outcomes) == 2 * PAIRS
    assert not [o for o in outcomes.values() if o.startswith("error")], outcomes
    text = (minimal_plan / "tasks.yaml").read_text(encoding="utf-8")
    written = {note for note in outcomes if f'"{note}"' in text}
    succeeded = {note for note, outcome in outcomes.items() if outcome == "ok"}
    assert written == succeeded  # every reported success is in the file, nothing else
    assert len(succeeded) == 2 * PAIRS  # with a 30 s wait, nobody is even refused
    assert not list(minimal_plan.glob(".*.tmp"))


def test_simultaneous_cli_updates_through_real_processes(minimal_plan: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "cchc_cli", "task", "update", "--plan", str(minimal_plan)]
    runs = [
        subprocess.Popen(
            [*command, task, "--status", "in_progress", "--note", f"cli {task} {n}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
        for task in ("PL.1", "PL.2")
    ]
    outcomes = [(run.wait(timeout=120), run.communicate()) for run in runs]
    text = (minimal_plan / "tasks.yaml").read_text(encoding="utf-8")
    for (code, (out, err)), run in zip(outcomes, runs, strict=True):
        note = str(run.args[-1])
        assert code in (0, 2), err
        assert (f'"{note}"' in text) == (code == 0), (note, out, err)
        if code == 2:
            assert "another cchc is updating the plan" in err


def test_a_second_writer_waits_then_is_refused_with_a_message(minimal_plan: Path) -> None:
    entry = ProgressEntry(status="in_progress", note="late", on=DAY)
    with plan_lock(minimal_plan), pytest.raises(UserError) as refused:
        record_progress(minimal_plan, "PL.1", entry, today=DAY, lock_wait=0.2)
    assert "another cchc is updating the plan" in refused.value.message
    assert "nothing was written" in refused.value.message
    assert "late" not in (minimal_plan / "tasks.yaml").read_text(encoding="utf-8")


def test_a_file_saved_by_someone_else_meanwhile_is_not_overwritten(
    minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks = minimal_plan / "tasks.yaml"
    original_dump = RoundTripFile.dump
    calls = {"n": 0}

    def second_dump(self: RoundTripFile) -> str:
        calls["n"] += 1
        text = original_dump(self)
        if calls["n"] == 2:  # the first dump is open_roundtrip's own layout check
            with tasks.open("a", encoding="utf-8") as handle:  # an editor saves meanwhile
                handle.write("# saved by someone else\n")
        return text

    entry = ProgressEntry(status="in_progress", note="mine", on=DAY)
    monkeypatch.setattr(RoundTripFile, "dump", second_dump)
    with pytest.raises(UserError) as refused:
        record_progress(minimal_plan, "PL.1", entry, today=DAY)
    assert "modified on disk" in refused.value.message
    text = tasks.read_text(encoding="utf-8")
    assert "# saved by someone else" in text
    assert "mine" not in text


def test_a_linked_plan_file_is_written_through_the_link(minimal_plan: Path) -> None:
    real = minimal_plan / "sources" / "tasks.txt"  # not a plan file itself: only the link is
    real.parent.mkdir()
    (minimal_plan / "tasks.yaml").rename(real)
    (minimal_plan / "tasks.yaml").symlink_to(Path("sources") / "tasks.txt")
    entry = ProgressEntry(status="in_progress", note="through the link", on=DAY)
    done = record_progress(minimal_plan, "PL.1", entry, today=DAY)
    assert done.path == minimal_plan / "tasks.yaml"
    assert (minimal_plan / "tasks.yaml").is_symlink()
    assert "through the link" in real.read_text(encoding="utf-8")


def test_a_plan_file_linked_outside_the_plan_is_refused(tmp_path: Path, minimal_plan: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    (minimal_plan / "tasks.yaml").rename(outside)
    (minimal_plan / "tasks.yaml").symlink_to(outside)
    entry = ProgressEntry(status="in_progress", note="never", on=DAY)
    with pytest.raises(Exception, match="not valid"):
        record_progress(minimal_plan, "PL.1", entry, today=DAY)
    assert "never" not in outside.read_text(encoding="utf-8")


def test_leftovers_of_a_killed_update_are_removed_and_ignored(cli: Any, minimal_plan: Path) -> None:
    leftover = minimal_plan / ".tasks.yaml.k1ll3d.tmp"
    leftover.write_text("tasks: [half a fi", encoding="utf-8")
    assert cli(["validate", "--plan", minimal_plan]).exit_code == 0
    entry = ProgressEntry(status="in_progress", note="after a crash", on=DAY)
    record_progress(minimal_plan, "PL.1", entry, today=DAY)
    assert not leftover.exists()


def test_the_cli_refuses_with_exit_2_after_waiting(minimal_plan: Path) -> None:
    command = [sys.executable, "-m", "cchc_cli", "task", "update", "PL.1", "--plan"]
    args = [*command, str(minimal_plan), "--status", "in_progress", "--note", "waited"]
    with plan_lock(minimal_plan):  # another update holds the plan for longer than 5 s
        done = subprocess.run(
            args, capture_output=True, text=True, check=False, env={**os.environ, "NO_COLOR": "1"}
        )
    assert done.returncode == 2, done.stderr
    assert "another cchc is updating the plan" in done.stderr
    assert "run the command again in a moment" in done.stderr
    assert "waited" not in (minimal_plan / "tasks.yaml").read_text(encoding="utf-8")
