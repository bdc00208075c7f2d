"""Quoting a user's text in a message: one line, bounded length.

Kept free of other cchc imports, so that every module (models, dates, loading) can use it.
"""

from __future__ import annotations

import reprlib
import unicodedata

__all__ = ["QUOTE_LIMIT", "quote", "shorten"]

QUOTE_LIMIT = 80
"""How many characters of a user's text a message shows."""

_REPR = reprlib.Repr()  # keyword arguments need Python 3.12
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict = 2, 4, 4
_REPR.maxstring = _REPR.maxother = QUOTE_LIMIT


def _visible(char: str) -> str:
    """A control, format or line-separator character as an escape, so that a message
    stays on one line and the terminal shows what the file holds."""
    if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char not in "\u200c\u200d":
        return char.encode("unicode_escape").decode("ascii")
    return char


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """User text (or any value from a file) as a message quotes it: in single quotes, on
    one line, cut to ``limit`` characters with the full length said.

    Every message that repeats what a user wrote goes through here, so a megabyte-long
    scalar or an expanded alias never floods the terminal.
    """
    text = value if isinstance(value, str) else _REPR.repr(value)
    cut = len(text) > limit
    shown = "".join(_visible(char) for char in text[:limit])
    if cut:
        shown = f"{shown}…' ({len(text):,} characters"
        return f"'{shown})"
    return f"'{shown}'"


def shorten(text: str, length: int, *, at_word: bool = False) -> str:
    """``text`` on one line (runs of white space folded), cut to ``length`` characters
    with "…" — after the last whole word when ``at_word``."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    if at_word:
        return text[:length].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text[: length - 1].rstrip() + "…"
