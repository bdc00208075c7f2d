"""The plan view is cached by content: same plan, same view; changed plan, new view."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_cli.errors import FindingsError
from cchc_cli.schedule import cache
from cchc_cli.schedule.cache import cache_dir, load_schedule
from cchc_cli.schedule.view import from_json, to_json


def entries() -> list[Path]:
    return sorted(cache_dir().glob("schedule-*.json"))


def test_view_survives_json(shipped_plan: Path) -> None:
    view = load_schedule(shipped_plan, use_cache=False)
    again = from_json(to_json(view))
    assert again == view
    assert again.calendar.add_working_days(__import__("datetime").date(2024, 2, 5), 10).day == 26


def test_second_load_reads_the_cache_without_validating(
    shipped_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_schedule(shipped_plan)
    assert len(entries()) == 1

    def no_validation(_plan_dir: Path) -> None:
        raise AssertionError("the plan was loaded again")

    monkeypatch.setattr("cchc_cli.loading.require_plan", no_validation)
    assert load_schedule(shipped_plan) == first


def test_a_changed_plan_is_read_again(shipped_plan: Path) -> None:
    before = load_schedule(shipped_plan)
    tasks = shipped_plan / "tasks.yaml"
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace("Ban hành Kế hoạch CCHC", "Ban hành KH CCHC", 1),
        encoding="utf-8",
    )
    after = load_schedule(shipped_plan)
    assert before.tasks[0].content != after.tasks[0].content
    assert len(entries()) == 2


def test_an_invalid_plan_is_never_cached(minimal_plan: Path) -> None:
    (minimal_plan / "units.yaml").write_text("units:\n  - code: vp\n", encoding="utf-8")
    with pytest.raises(FindingsError, match="is not valid"):
        load_schedule(minimal_plan)
    assert entries() == []


def test_a_corrupt_entry_is_ignored(shipped_plan: Path) -> None:
    view = load_schedule(shipped_plan)
    [entry] = entries()
    entry.write_text("{not json", encoding="utf-8")
    assert load_schedule(shipped_plan) == view


def test_no_cache_when_asked_or_when_the_directory_is_unusable(
    shipped_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    load_schedule(shipped_plan)
    assert entries() == []
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    assert load_schedule(shipped_plan).plan_id == "hp-sgddt-cchc-2024"


def test_holidays_of_other_years_are_cached_too(shipped_plan: Path) -> None:
    view = load_schedule(shipped_plan)
    assert not view.calendar.is_working_day(__import__("datetime").date(2030, 1, 1))
    assert any(path.name.endswith("-2030.json") for path in cache_dir().glob("holidays-*.json"))
