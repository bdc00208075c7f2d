"""The user cache as a library: every kind of broken cache is skipped, and said once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cchc_cli import cache


@pytest.fixture
def notes() -> list[str]:
    said: list[str] = []
    cache.set_reporter(said.append)
    yield said
    cache.set_reporter(None)


def test_entries_round_trip_and_a_missing_one_is_no_note(notes: list[str]) -> None:
    assert cache.read_entry("schedule-x.json") is None
    cache.write_entry("schedule-x.json", '{"a": 1}')
    assert cache.read_json("schedule-x.json", dict) == {"a": 1}
    assert notes == []


@pytest.mark.parametrize(
    ("content", "kind"),
    [(b"[]", dict), (b"{}", list), (b"\xff\xfe\x00", dict), (b"{not json", dict), (b"null", dict)],
)
def test_an_entry_of_the_wrong_type_is_ignored_and_noted(
    notes: list[str], content: bytes, kind: type
) -> None:
    (cache.cache_dir()).mkdir(parents=True, exist_ok=True)
    (cache.cache_dir() / "hashes.json").write_bytes(content)
    assert cache.read_json("hashes.json", kind) is None
    assert len(notes) == 1
    assert "cache not used" in notes[0]


def test_a_cache_dir_that_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, notes: list[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker))
    cache.write_entry("schedule-y.json", "{}")
    assert cache.read_entry("schedule-y.json") is None
    assert cache.usable_dir("imports") is None
    assert len(notes) == 1  # said once, however often the cache was tried


def test_a_cache_dir_that_cannot_be_written(
    monkeypatch: pytest.MonkeyPatch, notes: list[str]
) -> None:
    # Mode bits do not stop root, so stand in for a read-only directory.
    monkeypatch.setattr(os, "access", lambda *_args, **_kwargs: False)
    cache.write_entry("schedule-z.json", "{}")
    assert cache.usable_dir() is None
    assert "not writable" in notes[0]


def test_a_garbage_secret_is_replaced_once_per_run(notes: list[str]) -> None:
    cache.secret_key.cache_clear()
    cache.cache_dir().mkdir(parents=True, exist_ok=True)
    (cache.cache_dir() / "import-cache.key").write_text("garbage", encoding="ascii")
    key = cache.secret_key()
    assert len(key) == 32
    assert cache.secret_key() is key  # read once per run
    assert (cache.cache_dir() / "import-cache.key").read_text(encoding="ascii") == key.hex()
    assert "not a key cchc wrote" in notes[0]
    cache.secret_key.cache_clear()


def test_the_content_key_is_hashed_once_until_a_file_changes(minimal_plan: Path) -> None:
    first = cache.content_key(minimal_plan)
    assert first is not None
    assert cache.content_key(minimal_plan) == first
    tasks = minimal_plan / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert cache.content_key(minimal_plan) != first


def test_no_content_key_for_a_plan_file_linked_outside(tmp_path: Path, minimal_plan: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("units: []\n", encoding="utf-8")
    (minimal_plan / "more.yaml").symlink_to(outside)
    assert cache.content_key(minimal_plan) is None


def test_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    cache.write_entry("schedule-off.json", "{}")
    assert cache.read_entry("schedule-off.json") is None
    assert cache.usable_dir() is None
