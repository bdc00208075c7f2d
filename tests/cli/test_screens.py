"""`cchc status` prints the kept screen on an identical run, and only then."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_cli.cache import cache_dir
from tests.conftest import Invoke


def _forbid_computing(monkeypatch: pytest.MonkeyPatch) -> None:
    import cchc_cli.services.status as service

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the status was computed again")

    monkeypatch.setattr(service, "plan_status", refuse)


def _screens() -> list[Path]:
    return sorted(cache_dir().glob("screen-*.json"))


def test_an_unchanged_plan_prints_the_kept_screen_without_computing_it(
    cli: Invoke, minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cli(["status", "--plan", minimal_plan, "--as-of", "2024-03-05"])
    assert first.exit_code == 0, first.output
    assert len(_screens()) == 1
    _forbid_computing(monkeypatch)
    again = cli(["status", "--plan", minimal_plan, "--as-of", "2024-03-05"])
    assert again.exit_code == 0
    assert again.stdout == first.stdout


@pytest.mark.parametrize(
    "change",
    ["plan", "day", "width", "language", "format", "colour"],
)
def test_anything_the_screen_depends_on_gives_a_new_screen(
    cli: Invoke, minimal_plan: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    args = ["status", "--plan", minimal_plan, "--as-of", "2024-03-05"]
    assert cli(args).exit_code == 0
    if change == "plan":
        tasks = minimal_plan / "tasks.yaml"
        tasks.write_text(tasks.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    elif change == "day":
        args[-1] = "2024-03-06"
    elif change == "width":
        monkeypatch.setenv("COLUMNS", "80")
    elif change == "language":
        args = ["--lang", "vi", *args]
    elif change == "format":
        args = [*args, "--format", "json"]
    else:
        monkeypatch.delenv("NO_COLOR")
    again = cli(args)
    assert again.exit_code == 0, again.output
    assert len(_screens()) == 2


def test_without_as_of_a_screen_is_used_only_on_the_day_it_was_made(
    cli: Invoke, minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cli(["status", "--plan", minimal_plan])
    assert first.exit_code == 0, first.output
    (entry,) = _screens()
    kept = json.loads(entry.read_text(encoding="utf-8"))
    kept["day"], kept["out"] = "2000-01-01", "a screen from another day\n"
    entry.write_text(json.dumps(kept), encoding="utf-8")
    again = cli(["status", "--plan", minimal_plan])
    assert again.stdout == first.stdout


@pytest.mark.parametrize("garbage", ["not json", '{"out": 1}', "[]"])
def test_a_broken_screen_is_ignored(cli: Invoke, minimal_plan: Path, garbage: str) -> None:
    args = ["status", "--plan", minimal_plan, "--as-of", "2024-03-05"]
    first = cli(args)
    (entry,) = _screens()
    entry.write_text(garbage, encoding="utf-8")
    again = cli(args)
    assert again.exit_code == 0
    assert again.stdout == first.stdout


def test_no_screen_is_kept_when_the_cache_is_off(
    cli: Invoke, minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_NO_CACHE", "1")
    assert cli(["status", "--plan", minimal_plan, "--as-of", "2024-03-05"]).exit_code == 0
    assert not _screens()
