"""Checks shared by the width tests of the measuring and git views (kpi, score, diff,
history, rollup), and their golden files."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import Invoke, Run
from tests.golden import golden_checker

GOLDEN = Path(__file__).resolve().parent / "golden"

WIDTHS = (60, 80, 120)
LANGS = ("vi", "en")
_EDGES = "()[]{}:;,.'\"«»→–—·"
_ID = re.compile(r"\w+[_.:][\w.:]+")
"""A word that looks like an id or a measure name (``on_time_rate``, ``II.6``)."""


check_golden = golden_checker(GOLDEN)


def run_at(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, width: int, lang: str, args: list[str]
) -> Run:
    """``cchc --lang LANG ARGS`` printed at ``width`` columns."""
    monkeypatch.setenv("COLUMNS", str(width))
    run = cli(["--lang", lang, *args])
    assert run.exit_code in (0, 1), run.output
    return run


def _words(text: str) -> set[str]:
    return {word.strip(_EDGES) for word in text.split()} - {""}


def check_fits(narrow: str, wide: str, width: int, names: Iterable[str], extra: str = "") -> None:
    """``narrow`` (printed at ``width``) against the same view printed very wide: no line
    longer than the width; every word is a word of the wide view, or cut with "…" (a
    word split across lines would be two words the wide view does not have); an id or a
    measure name is whole or cut with "…", never a bare piece of itself. ``extra``: words
    only a narrow view says (what it left out)."""
    from rich.cells import cell_len

    long = [line for line in narrow.splitlines() if cell_len(line) > width]
    assert not long, f"lines longer than {width}:\n" + "\n".join(long)
    whole = set(names)
    known = _words(wide) | _words(extra) | whole
    pieces = {
        word
        for word in _words(narrow)
        if word not in known and not word.endswith("…") and "…" not in word
    }
    assert not pieces, f"words split at {width} columns: {sorted(pieces)}"
    for word in _words(narrow):
        if word in whole or "…" in word or not _ID.fullmatch(word):
            continue
        partial = [name for name in whole if name.startswith(word) or name.endswith(word)]
        assert not partial, f"{word!r} is a piece of {partial[0]!r} at {width} columns"
