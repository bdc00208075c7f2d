"""Golden files: rendered output checked against files kept in the repository.

``CCHC_UPDATE_GOLDEN=1`` rewrites them from the real output; review the diff, then commit.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

UPDATE_ENV = "CCHC_UPDATE_GOLDEN"


def check_golden_file(path: Path, text: str) -> None:
    """``text`` equals the golden file ``path`` (rewritten under CCHC_UPDATE_GOLDEN=1)."""
    if os.environ.get(UPDATE_ENV):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with {UPDATE_ENV}=1 once"
    assert text == path.read_text(encoding="utf-8")


def golden_checker(folder: Path) -> Callable[[str, str], None]:
    """``check_golden(name, text)`` for the golden files of ``folder``."""

    def check_golden(name: str, text: str) -> None:
        check_golden_file(folder / name, text)

    return check_golden
