""" "Did you mean …?" for misspelt ids, codes and field names."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from cchc_cli.i18n import _

__all__ = ["closest", "did_you_mean", "lookalike_letters", "skeleton"]

# Letters of other scripts that look like Latin ones (after Unicode's confusables.txt,
# the ones a keyboard switched to Russian or Greek really produces), and the Icelandic
# eth that passes for the Vietnamese Đ.
_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХУІЈЅаеорсухіјѕԁһӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινÐð",
    "ABEKMHOPCTXYIJSaeopcyxijsdhlABEZHIKMNOPTYXoivĐđ",
)

_LONGEST = 200
"""Longer words are not ids: no suggestion (and no quadratic comparison) for them."""


def skeleton(text: str) -> str:
    """What ``text`` looks like: compatibility forms folded (NFKC: full-width letters),
    lookalike letters of other scripts mapped to Latin. Two ids with one skeleton are
    the same id to a reader."""
    return unicodedata.normalize("NFKC", text).translate(_LOOKALIKES)


def lookalike_letters(text: str) -> str:
    """The lookalike letters in ``text``, named: "'Р' is U+0420 CYRILLIC CAPITAL LETTER
    ER", or an empty string."""
    names = [
        _("'{char}' is U+{code} {name}").format(
            char=char,
            code=f"{ord(char):04X}",
            name=unicodedata.name(char, _("a lookalike letter")),
        )
        for char in dict.fromkeys(text)
        if char.translate(_LOOKALIKES) != char
    ]
    return "; ".join(names)


def _fold(text: str) -> str:
    """Lower case without diacritics, so "Đ" ~ "D" and "ồ" ~ "o" count as near, and
    lookalike letters as their Latin twins."""
    text = skeleton(text)
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
    if match is None or match == word:
        return ""
    return " " + _("(did you mean '{match}'?)").format(match=match)
