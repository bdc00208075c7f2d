"""The words people read, in their language: gettext catalogs, Vietnamese first.

Every string a person reads on the terminal goes through :func:`_` (or
:func:`ngettext` when it counts something). The message ids are English; the
catalogs ``locale/<lang>/LC_MESSAGES/cchc.po`` (compiled to ``.mo`` beside them,
shipped, and checked fresh by ``tests/test_catalogs.py``) hold Vietnamese and
English. ``make catalogs`` extracts, updates and compiles them with Babel.

The language is, in order: ``--lang`` (the global option, also read from the command
line at import so that ``--help`` texts follow it), ``$CCHC_LANG``, the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``en…`` → English), else Vietnamese.

Machine output never goes through here: JSON and CSV keep English keys, ISO dates and
dot decimals whatever the language. Official documents (reports) are Vietnamese by
law and take their words from :mod:`cchc_cli.i18n.vi`.

This module imports only the standard library: ``cchc --version`` pays for it.
"""

from __future__ import annotations

import gettext as _gettext
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Literal, get_args

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "Language",
    "_",
    "language",
    "ngettext",
    "parse_language",
    "resolve_language",
    "set_language",
]

Language = Literal["vi", "en"]
LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)
DEFAULT: Final[Language] = "vi"
DOMAIN: Final = "cchc"
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"


class _Speaking:
    """The language in use and its catalog (one per process; the CLI sets it per run)."""

    lang: Language | None = None
    catalog: _gettext.NullTranslations = _gettext.NullTranslations()


def parse_language(value: str) -> Language | None:
    """``vi``/``en`` from a language tag or a locale name (``en_US.UTF-8`` → ``en``)."""
    tag = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    for known in LANGUAGES:
        if tag == known:
            return known
    return None


def _from_argv(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def resolve_language(explicit: str | None = None, argv: Sequence[str] | None = None) -> Language:
    """The language to speak: ``explicit``, ``--lang`` in ``argv``, ``$CCHC_LANG``, locale."""
    for candidate in (
        explicit,
        _from_argv(sys.argv[1:] if argv is None else argv),
        os.environ.get("CCHC_LANG"),
    ):
        if candidate:
            chosen = parse_language(candidate)
            if chosen is not None:
                return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            # The first locale variable set decides, as in POSIX; C/POSIX say nothing.
            return parse_language(value) or DEFAULT
    return DEFAULT


def _load(lang: Language) -> _gettext.NullTranslations:
    try:
        with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    except OSError:
        # Running from a checkout whose catalogs were never compiled: English ids.
        return _gettext.NullTranslations()


def set_language(lang: str | None = None) -> Language:
    """Speak ``lang`` from now on (``None``: resolve it again); returns the language."""
    chosen = resolve_language(lang)
    _Speaking.catalog = _load(chosen)
    _Speaking.lang = chosen
    return chosen


def language() -> Language:
    """The language in use (resolved on first use)."""
    return _Speaking.lang or set_language()


def _catalog() -> _gettext.NullTranslations:
    if _Speaking.lang is None:
        set_language()
    return _Speaking.catalog


def _(message: str) -> str:
    """``message`` in the current language."""
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted message for ``count`` (Vietnamese has one form)."""
    return _catalog().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it yet (tables of labels)."""
    return message
