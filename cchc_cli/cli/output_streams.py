"""stdout and stderr that never stop a run: any encoding, a reader that goes away.

* A stream whose encoding cannot write every character (``PYTHONIOENCODING=cp1258``,
  a Windows console in cp1252, ``LANG=C``) writes what it can: a Vietnamese letter it
  lacks is written as letter and tone mark (Windows-1258 has them apart), else loses its
  marks ("ệ" → "e"); anything else becomes "?". At the end of the run one note on stderr
  says that characters were lost and how to get UTF-8. Only text is replaced: files cchc
  writes (``-o``) are always UTF-8.
* A reader that closes the pipe (``cchc validate | head -1``) is not an error: the run
  ends quietly with exit 0, as Unix tools do.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
import unicodedata
from typing import Final, NoReturn

import typer

from cchc_cli.i18n import N_, _

__all__ = ["broken_pipe_exit", "drop_stdout", "guard_encoding", "note_replaced"]

HANDLER: Final = "cchc-replace"
REPLACED_NOTE = N_(
    "note: {count} characters could not be written in this output's encoding "
    "({encoding}) and were replaced; for Vietnamese text set PYTHONIOENCODING=utf-8 "
    "(on Windows also run: chcp 65001)."
)
_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")
"""The five Vietnamese tone marks: Windows-1258 writes them after a letter."""
_PLAIN: Final = {"đ": "d", "Đ": "D", "–": "-", "—": "-", "…": "...", "→": "->", "·": "-"}


class _Replaced:
    count = 0
    encoding = ""


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    # A charmap codec (cp1258) names itself "charmap" in the error: use the stream's name.
    encoding = _Replaced.encoding or exc.encoding
    out: list[str] = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        toned = letter + "".join(c for c in decomposed if c in _TONES)
        plain = _PLAIN.get(char) or "".join(
            part for part in decomposed if not unicodedata.combining(part)
        )
        for candidate in (toned, decomposed, plain, "?"):
            if candidate and _fits(candidate, encoding):
                out.append(candidate)
                # Letters and tone marks written apart (Windows-1258) read the same.
                _Replaced.count += candidate not in (toned, decomposed)
                break
    return "".join(out), exc.end


codecs.register_error(HANDLER, _replace)


def guard_encoding() -> None:
    """Let stdout and stderr replace what their encoding cannot write (not UTF-8 only)."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # a test runner's capture, already Unicode
        if codecs.lookup(stream.encoding).name in ("utf-8", "utf-16", "utf-32"):
            continue
        stream.reconfigure(errors=HANDLER)
        _Replaced.encoding = _Replaced.encoding or stream.encoding


def note_replaced() -> None:
    """One note on stderr when characters were replaced during the run."""
    if not _Replaced.count:
        return
    with contextlib.suppress(OSError):
        print(
            _(REPLACED_NOTE).format(count=_Replaced.count, encoding=_Replaced.encoding),
            file=sys.stderr,
        )
    _Replaced.count = 0


def drop_stdout() -> None:
    """The reader has gone: what is left to write goes nowhere (not to a closed pipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (a test runner's capture)


def broken_pipe_exit() -> NoReturn:
    """The reader has gone: end the command with exit 0."""
    drop_stdout()
    raise typer.Exit(0)
