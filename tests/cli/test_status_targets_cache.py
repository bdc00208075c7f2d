"""After an edit, `cchc status` measures the targets again only if the edit can change them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke

AS_OF = ["--as-of", "2024-03-05"]


def _forbid_measuring(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import cchc_cli.services.status as service

    measured: list[str] = []
    real = service._measure_targets

    def counting(*args: object, **kwargs: object) -> object:
        measured.append("measured")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "_measure_targets", counting)
    return measured


def test_a_comment_or_a_narrative_does_not_open_the_exports_again(
    cli: Invoke, shipped_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cli(["status", "--plan", shipped_plan, *AS_OF])
    assert first.exit_code == 0, first.output
    measured = _forbid_measuring(monkeypatch)
    tasks = shipped_plan / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    again = cli(["status", "--plan", shipped_plan, *AS_OF])
    assert again.exit_code == 0, again.output
    assert measured == []
    assert again.stdout == first.stdout


def test_a_task_done_is_measured_again(
    cli: Invoke, shipped_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(["status", "--plan", shipped_plan, *AS_OF]).exit_code == 0
    measured = _forbid_measuring(monkeypatch)
    update = cli(
        [
            "--plan",
            shipped_plan,
            "task",
            "update",
            "PL.1",
            "--status",
            "done",
            "--evidence",
            "12/KH-SGDĐT",
            "--date",
            "2024-01-22",
        ]
    )
    assert update.exit_code == 0, update.output
    again = cli(["status", "--plan", shipped_plan, *AS_OF])
    assert again.exit_code == 0, again.output
    assert measured == ["measured"]
