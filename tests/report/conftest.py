"""Fixtures of the report tests: the shipped plan, run from its repository's root."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import golden_checker

GOLDEN = Path(__file__).resolve().parent / "golden"

AS_OF = "2024-07-05"


@pytest.fixture
def repo(shipped_plan: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped plan; the working directory is its repository's root."""
    monkeypatch.chdir(shipped_plan.parent)
    return shipped_plan.parent


check_golden = golden_checker(GOLDEN)
