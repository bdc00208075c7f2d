"""Rich tables of tasks and duties as of a day (shared by ``status`` and ``deadlines``),
and the words and dates of a deadline in the run's language.

How :func:`items_table` fits the terminal (widths in columns):

* the ID is never wrapped nor cut; the Due cell keeps each date whole (one date form
  per line: the deadline, then the state and time left or late, wrapped at spaces);
* What wraps at spaces, a word too long for it ends in "…", and a task's content is
  shortened to its start (60 characters below 100 columns, 100 from there);
* Who shows the units' names (wrapped at spaces, at most 24 columns) where that
  leaves What 24 columns or more; otherwise their codes, one per line, and the names
  are listed under the table;
* when What would get fewer than 14 columns, the Who column is dropped and the units'
  codes go under What (at 60 columns), then the Due column narrows to its longest
  word (a date is never split; "chậm nhất ngày" wraps above it);
* from 120 columns the Due column widens so that a state and its time fit on a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from cchc_cli.i18n import _, ngettext
from cchc_cli.i18n.forms import day, span, weekday_name
from cchc_cli.quoting import shorten
from cchc_cli.render.styles import STATE_STYLE, clean, state_label
from cchc_cli.schedule.rules import Occurrence
from cchc_cli.schedule.state import ItemState

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

__all__ = [
    "NAMES_FROM",
    "WIDE",
    "Fitted",
    "deadline_text",
    "items_table",
    "longest_word",
    "period_label",
    "pieces_line",
    "send_by_note",
    "timing_text",
    "units_legend",
    "who_text",
]

NAMES_FROM = 100
"""From this width a task's content is shown to 100 characters (60 below)."""
_WHAT_ROOM = 24
"""Units are named when What keeps at least this many columns."""
WIDE = 120
"""From this width the Due column takes a deadline and its state on one line each."""


class Fitted:
    """A renderable built for the width it is drawn at, so that a view can drop or
    narrow columns in a stated order instead of letting rich cut words."""

    def __init__(self, build: Callable[[int], RenderableType]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width)


def period_label(period: str) -> str:
    """``quý 1`` / ``Q1``, ``tháng 3`` / ``M3``, ``6 tháng đầu năm`` / ``H1``, ``năm`` /
    ``year``: the period of a report as people say it."""
    kind, number = period[:1], period[1:]
    if kind == "Q" and number.isdigit():
        return _("Q{number}").format(number=number)
    if kind == "M" and number.isdigit():
        return _("M{number}").format(number=number)
    if period == "H1":
        return _("first half-year")
    if period == "H2":
        return _("second half-year")
    if period == "Y":
        return _("full year")
    return period


def deadline_text(occurrence: Occurrence | None) -> str:
    """``trước ngày 25/01/2024`` / ``before 25 Jan 2024``, ``chậm nhất ngày …`` / ``by …``,
    or the window ``01/01/2024–31/12/2024``."""
    if occurrence is None:
        return "—"
    if occurrence.relation == "window" and occurrence.start is not None:
        return span(occurrence.start, occurrence.day)
    if occurrence.relation == "before":
        return _("before {day}").format(day=day(occurrence.day))
    return _("by {day}").format(day=day(occurrence.day))


def deadline_date(occurrence: Occurrence | None) -> str:
    """The date part of :func:`deadline_text` (the whole span of a window): what a
    narrow column must keep on one line."""
    if occurrence is None:
        return "—"
    if occurrence.relation == "window" and occurrence.start is not None:
        return span(occurrence.start, occurrence.day)
    return day(occurrence.day)


def break_before_date(text: str, date_text: str, width: int) -> str:
    """``text`` with a line break before ``date_text`` when it does not fit ``width``:
    ``trước ngày`` / ``31 Jan 2024`` on two lines, the date whole."""
    if len(text) <= width or f" {date_text}" not in text:
        return text
    return text.replace(f" {date_text}", f"\n{date_text}", 1)


_EN_DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b")
_NBSP = "\N{NO-BREAK SPACE}"


def wrap(text: str, width: int, indent: str = "") -> str:
    """``text`` wrapped at spaces to ``width`` (next lines indented by ``indent``): a
    word is never split, nor a date written with spaces (``5 Feb 2024``)."""
    import textwrap

    out: list[str] = []
    for line in text.split("\n"):
        kept = _EN_DATE.sub(lambda match: match.group(0).replace(" ", _NBSP), line)
        lead = line[: len(line) - len(line.lstrip(" "))]
        out += textwrap.wrap(
            kept,
            width=max(width, 20),
            initial_indent="",
            subsequent_indent=lead + indent,
            break_long_words=False,
            break_on_hyphens=False,
            drop_whitespace=True,
        ) or [""]
    return "\n".join(out).replace(_NBSP, " ")


def paragraph(text: str, style: str = "", indent: str = "") -> Fitted:
    """``text`` as a renderable wrapped by :func:`wrap` at the width it is drawn at."""
    from rich.text import Text

    return Fitted(lambda width: Text(wrap(text, width, indent), style=style))


def who_text(item: ItemState, names: Mapping[str, str] | None = None) -> str:
    """The item's units: their names when ``names`` is given, else their codes."""
    if names is None:
        return ", ".join(item.units)
    return ", ".join(clean(names.get(code, code)) for code in item.units)


def units_legend(codes: Iterable[str], names: Mapping[str, str]) -> str | None:
    """``Đơn vị: VP Văn phòng Sở; TCCB Phòng Tổ chức cán bộ`` for the codes shown."""
    known = [code for code in dict.fromkeys(codes) if code in names]
    if not known:
        return None
    listed = "; ".join(f"{code} {clean(names[code])}" for code in known)
    return _("Units: {list}").format(list=listed)


def timing_text(item: ItemState) -> str:
    """``còn 3 ngày làm việc`` / ``3 working days left``, ``trễ 24 ngày làm việc`` /
    ``24 working days late``, ``hôm nay là ngày cuối`` / ``last day today``."""
    if not item.open or item.occurrence is None:
        return "—"
    if item.working_days_late is not None:
        count = item.working_days_late
        return ngettext("{count} working day late", "{count} working days late", count).format(
            count=count
        )
    if item.days_left == 0:
        return _("last day today")
    count = item.working_days_left or 0
    return ngettext("{count} working day left", "{count} working days left", count).format(
        count=count
    )


def send_by_note(item: ItemState) -> str | None:
    """``09/03/2024 là Thứ Bảy, ngày nghỉ: gửi chậm nhất ngày 08/03/2024`` when the last
    day is a day off."""
    if item.send_by is None or item.occurrence is None:
        return None
    last = item.occurrence.last_day
    return _("{day} is a {weekday} (day off): send by {send_by}").format(
        day=day(last), weekday=weekday_name(last), send_by=day(item.send_by)
    )


def _title(item: ItemState, length: int) -> str:
    what = shorten(clean(item.title), length, at_word=True)
    if item.occurrence is not None and item.occurrence.period:
        what = _("{title} ({period})").format(
            title=what, period=period_label(item.occurrence.period)
        )
    return what


def longest_word(texts: Iterable[str]) -> int:
    """The length of the longest run of non-spaces in ``texts`` (0 when empty)."""
    return max((len(word) for text in texts for word in text.split()), default=0)


def pieces_line(
    head: str, pieces: Sequence[tuple[str, str]], width: int, *, indent: str = ""
) -> RenderableType:
    """``head`` then ``pieces`` joined by " · ", broken into lines between pieces only
    (``1 đã hoàn thành`` never splits), each piece with its style."""
    from rich.text import Text

    text = Text(head, style="bold")
    used = len(head)
    for index, (piece, style) in enumerate(pieces):
        sep = "" if index == 0 else " · "
        if index and used + len(sep) + len(piece) > width:
            text.append("\n" + indent)
            used, sep = len(indent), ""
        text.append(sep)
        text.append(piece, style=style)
        used += len(sep) + len(piece)
    return text


_WHAT_MIN = 14
"""Below this width for What, the Who column is dropped."""


def items_table(
    items: Sequence[ItemState],
    *,
    show_state: bool = False,
    names: Mapping[str, str] | None = None,
) -> RenderableType:
    """One row per item, fitted to the width it is drawn at (see the module's doc); days
    off on last days are footnoted below the table.

    The Due cell holds the deadline and, below it, the time left or late (prefixed with
    the state when ``show_state``).
    """
    unit_names: Mapping[str, str] = names or {}
    return Fitted(lambda width: _items_table(items, show_state, unit_names, width))


def _cells(items: Sequence[ItemState], show_state: bool) -> tuple[list[str], list[str], list[str]]:
    """The Due cell's two parts of every item (deadline with its footnote mark, timing)
    and the footnotes."""
    notes: list[str] = []
    dues: list[str] = []
    timings: list[str] = []
    for item in items:
        due = deadline_text(item.occurrence)
        note = send_by_note(item) if item.open else None
        if note is not None:
            notes.append(note)
            due += " " + "*" * len(notes)
        dues.append(due)
        timing = timing_text(item)
        if show_state:
            label = state_label(item.state)
            timing = label if timing == "—" else f"{label}: {timing}"
        timings.append(timing)
    return dues, timings, notes


def _widths(
    width: int,
    ids: list[str],
    dues: list[str],
    whos: list[str],
    *,
    timings: list[str],
    longest: int,
) -> tuple[int, int, int | None]:
    """Widths of ID, Due and Who (None: dropped): ID whole; Due as wide as its longest
    deadline up to 23 (34 from WIDE), never under its longest date (``longest``); Who as
    its longest code, or up to 24 for names; What gets the rest, and Who goes when What
    would get under 14."""
    id_width = max(len(ident) for ident in ids)
    room = 34 if width >= WIDE else 23
    due_width = min(max(len(due) for due in [*dues, *timings]), max(longest, room))
    due_width = max(due_width, len(_("Due")))
    who_width = min(max(len(line) for who in whos for line in who.split("\n")), 24)
    who_width = max(who_width, longest_word(whos), len(_("Who")))
    gaps = 3 * 3  # padding and rule between four columns
    if width - id_width - due_width - who_width - gaps >= _WHAT_MIN:
        return id_width, due_width, who_width
    if width - id_width - due_width - gaps + 3 < _WHAT_MIN:
        due_width = max(longest, len(_("Due")))
    return id_width, due_width, None


def _items_table(
    items: Sequence[ItemState], show_state: bool, names: Mapping[str, str], width: int
) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    dues, timings, notes = _cells(items, show_state)
    dates = [deadline_date(item.occurrence) for item in items]
    longest = max([len(date) for date in dates] + [longest_word(dues)])
    ids = [item.id for item in items]
    whos = [who_text(item, names) for item in items]
    id_width, due_width, who_width = _widths(
        width, ids, dues, whos, timings=timings, longest=longest
    )
    with_names = (
        bool(names)
        and who_width is not None
        and width - id_width - due_width - who_width - 9 >= _WHAT_ROOM
    )
    if not with_names:
        whos = [who_text(item).replace(", ", ",\n") for item in items]
        id_width, due_width, who_width = _widths(
            width, ids, dues, whos, timings=timings, longest=longest
        )
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column(_("ID"), no_wrap=True, width=id_width)
    table.add_column(_("What"), min_width=8, overflow="ellipsis")
    if who_width is not None:
        table.add_column(_("Who"), width=who_width, overflow="ellipsis")
    table.add_column(_("Due"), width=due_width, overflow="ellipsis")
    length = 100 if width >= NAMES_FROM else 60
    for item, due, date, timing, who in zip(items, dues, dates, timings, whos, strict=True):
        what = Text(_title(item, length))
        if who_width is None and item.units:
            what.append("\n" + who_text(item), style="dim")
        cell = Text(break_before_date(due, date, due_width))
        if timing != "—":
            cell.append("\n" + timing, style=STATE_STYLE[item.state] or "dim")
        cells = [Text(clean(item.id)), what]
        if who_width is not None:
            cells.append(Text(who))
        table.add_row(*cells, cell)
    lines = [f"{'*' * (n + 1)} {note}" for n, note in enumerate(notes)]
    if not with_names:
        legend = units_legend((code for item in items for code in item.units), names)
        if legend is not None:
            lines.append(legend)
    if not lines:
        return table
    return Group(table, Text(wrap("\n".join(lines), width, "  "), style="dim"))
