""" "Did you mean …?" for misspelt ids, codes and field names."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

__all__ = ["closest", "did_you_mean"]

_LONGEST = 200
"""Longer words are not ids: no suggestion (and no quadratic comparison) for them."""


def _fold(text: str) -> str:
    """Lower case without diacritics, so "Đ" ~ "D" and "ồ" ~ "o" count as near."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def closest(word: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The candidate most like ``word``, or None when nothing is close."""
    if len(word) > _LONGEST:
        return None
    options = list(dict.fromkeys(candidates))
    folded = {_fold(option): option for option in options}
    for exact in (word, _fold(word)):
        if exact in folded:
            return folded[exact]
    match = difflib.get_close_matches(_fold(word), list(folded), n=1, cutoff=cutoff)
    return folded[match[0]] if match else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` or an empty string."""
    match = closest(word, candidates)
    return f" (did you mean '{match}'?)" if match is not None and match != word else ""
