"""Lines that fit the terminal, for the measuring and git views (kpi, score, diff,
history, rollup).

The rules: a line never runs past the width; text wraps only at spaces (an id, a
measure name or a path is never split); what cannot fit on a line of its own is cut at
the end with "…". A view builds its lines for the width it is printed at
(:class:`Fitted`), so the same result reads well at 60, 80 or 200 columns.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

__all__ = [
    "ELLIPSIS",
    "Cell",
    "Column",
    "Fitted",
    "Line",
    "ellipsize",
    "least_width",
    "plain",
    "table",
    "wrap",
]

ELLIPSIS = "…"
NBSP = "\u00a0"
"""Joins words that must stay on one line (a date, a threshold); printed as a space."""

_SPACES = re.compile(r"[ \t\n]+")
"""Where a line may break: ASCII spaces (a no-break space keeps a date or a threshold whole)."""

Segments = list[tuple[str, str]]
Line = str | Segments
"""A line: plain, or pieces of (text, rich style)."""
Cell = str | tuple[str, str]
"""A table cell: text, or (text, rich style)."""


def ellipsize(text: str, width: int) -> str:
    """``text``, cut to ``width`` characters with "…" at the end when longer."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)].rstrip() + ELLIPSIS


def wrap(text: str, width: int, indent: str = "", hang: str | None = None) -> list[str]:
    """``text`` on as many lines of ``width`` as it takes, broken at spaces only; the
    first line starts with ``indent``, the others with ``hang`` (default: ``indent`` and
    two spaces). A word longer than a line is cut with "…"."""
    hang = indent + "  " if hang is None else hang
    lines = textwrap.wrap(
        text,
        width=max(width, len(hang) + 8),
        initial_indent=indent,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]
    return [ellipsize(line.replace(NBSP, " "), width) for line in lines]


@dataclass(frozen=True)
class Column:
    """A column of :func:`table`: ``fit`` says how it gives up room when the table is
    too wide — ``keep`` never, ``cut`` with "…" at the end (ids, measure names), ``wrap``
    at spaces (words, never split), down to ``least`` characters."""

    header: str
    align: Literal["left", "right"] = "left"
    fit: Literal["keep", "cut", "wrap"] = "keep"
    least: int = 6


def _cell(cell: Cell) -> tuple[str, str]:
    return (cell, "") if isinstance(cell, str) else cell


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    width: int,
    order: Sequence[int | tuple[int, ...]] = (),
    indent: str = "",
) -> list[Line]:
    """``rows`` under ``columns``, one space between columns, at most ``width`` wide.
    When the table is wider, the columns named in ``order`` (indices, or tuples of
    indices that give up room together, widest first) give up room in that order, each
    down to its ``least`` (a wrapped column: its longest word)."""
    grid = [[_cell(c) for c in row] for row in rows]
    heads = [column.header for column in columns]
    sizes, floors = _sizes(columns, grid)
    room = width - len(indent) - (len(columns) - 1)
    for step in order:
        group = (step,) if isinstance(step, int) else step
        # A group gives up room widest first, so that its columns end up alike.
        while sum(sizes) > room:
            above = [i for i in group if sizes[i] > floors[i]]
            if not above:
                break
            widest = max(above, key=lambda i: sizes[i])
            sizes[widest] -= 1

    def lay(cells: Sequence[tuple[str, str]], head: bool) -> list[Line]:
        parts: list[list[str]] = []
        for i, (text, _style) in enumerate(cells):
            if columns[i].fit == "wrap" and len(text) > sizes[i]:
                parts.append(
                    textwrap.wrap(text, sizes[i], break_long_words=False, break_on_hyphens=False)
                    or [""]
                )
            else:
                parts.append([ellipsize(text, sizes[i])])
            parts[-1] = [part.replace(NBSP, " ") for part in parts[-1]]
        height = max(len(p) for p in parts)
        out: list[Line] = []
        for n in range(height):
            line: Segments = [(indent, "")] if indent else []
            for i, part in enumerate(parts):
                text = ellipsize(part[n], sizes[i]) if n < len(part) else ""
                pad = " " * (sizes[i] - len(text))
                text_style = "bold" if head else cells[i][1]
                if columns[i].align == "right":
                    line += [(pad, ""), (text, text_style)]
                else:
                    line += [(text, text_style), (pad, "")]
                if i < len(parts) - 1:
                    line.append((" ", ""))
            out.append(_rstrip(line))
        return out

    lines = lay([(head, "") for head in heads], head=True)
    for row in grid:
        lines += lay(row, head=False)
    return lines


def _sizes(
    columns: Sequence[Column], grid: list[list[tuple[str, str]]]
) -> tuple[list[int], list[int]]:
    """Each column's natural width, and the least it can give up room to."""
    sizes, floors = [], []
    for i, column in enumerate(columns):
        texts = [column.header, *(row[i][0] for row in grid)]
        size = max(len(text) for text in texts)
        sizes.append(size)
        if column.fit == "wrap":
            words = [w for text in texts for w in _SPACES.split(text)]
            floors.append(max([column.least, *map(len, words)]))
        elif column.fit == "cut":
            floors.append(min(size, column.least))
        else:
            floors.append(size)
    return sizes, floors


def least_width(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], indent: str = "") -> int:
    """The narrowest :func:`table` can make ``rows`` (every column at its least)."""
    floors = _sizes(columns, [[_cell(c) for c in row] for row in rows])[1]
    return len(indent) + sum(floors) + len(columns) - 1


def _rstrip(line: Segments) -> Segments:
    while line and not line[-1][0].strip():
        line = line[:-1]
    if line:
        text, style = line[-1]
        line = [*line[:-1], (text.rstrip(), style)]
    return line


def plain(line: Line) -> str:
    """The text of a line, without its styles."""
    return line if isinstance(line, str) else "".join(text for text, _ in line)


class Fitted:
    """A renderable whose lines are built for the width they are printed at."""

    def __init__(self, build: Callable[[int], Iterable[Line]]) -> None:
        self.build = build

    def lines(self, width: int) -> list[str]:
        """The plain lines at ``width`` (tests, and output without rich)."""
        return [plain(line) for line in self.build(width)]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        width = options.max_width
        for line in self.build(width):
            if isinstance(line, str):
                yield Text(ellipsize(line, width), no_wrap=True, overflow="ellipsis")
            else:
                text = Text.assemble(*line, no_wrap=True, overflow="ellipsis")
                text.truncate(width, overflow="ellipsis")
                yield text
