"""Fixtures of the report tests: the shipped plan, run from its repository's root."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_ENV = "CCHC_UPDATE_GOLDEN"
"""Set to 1 to rewrite the golden files from the real output (then review the diff)."""

AS_OF = "2024-07-05"


@pytest.fixture
def repo(shipped_plan: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped plan; the working directory is its repository's root."""
    monkeypatch.chdir(shipped_plan.parent)
    return shipped_plan.parent


def check_golden(name: str, text: str) -> None:
    """``text`` equals the golden file ``name`` (rewritten under CCHC_UPDATE_GOLDEN=1)."""
    import os

    path = GOLDEN / name
    if os.environ.get(UPDATE_ENV):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with {UPDATE_ENV}=1 once"
    assert text == path.read_text(encoding="utf-8")
