"""``cchc history`` as text: one block per commit, newest first.

Fits the terminal as ``cchc diff`` does: lines wrap at spaces with their indent (a commit
message, a file or a field is never split), nothing is dropped at any width; the date of
a commit is written as the language writes dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from cchc_cli.i18n import _
from cchc_cli.render.diff_view import breaking_line, change_word, field_line, kind_word
from cchc_cli.render.fit import Fitted, Line, wrap
from cchc_cli.render.registry import Output
from cchc_cli.render.styles import clean
from cchc_cli.services.history import HistoryResult

__all__ = ["history_lines", "history_text"]


def _item(item: str) -> str:
    """``task PL.5, target II.6:on_time_rate`` in the language in use."""
    named = []
    for part in item.split(", "):
        kind, _space, ident = part.partition(" ")
        named.append(f"{kind_word(kind)} {clean(ident)}")
    return ", ".join(named)


def _day(stamp: str) -> str:
    from cchc_cli.i18n.forms import day

    try:
        return day(date.fromisoformat(stamp[:10])).replace(" ", "\u00a0")
    except ValueError:
        return stamp[:10]


def history_lines(result: HistoryResult, width: int) -> Iterator[Line]:
    """The history at ``width`` columns."""
    count = len(result.entries)
    head = (
        _("{item}: {count} commit ({revision})")
        if count == 1
        else _("{item}: {count} commits ({revision})")
    ).format(item=_item(result.item), count=count, revision=clean(result.revision))
    yield from wrap(head, width)
    for entry in result.entries:
        yield ""
        said = _("{commit} {day} {author}: {message}").format(
            commit=entry.commit,
            day=_day(entry.date),
            author=clean(entry.author),
            message=clean(entry.message),
        )
        yield from wrap(said, width, "", "  ")
        where = f"{entry.moved_from} → {entry.file}" if entry.moved_from else entry.file
        yield from wrap(
            _("{change} ({file})").format(change=change_word(entry.change), file=clean(where)),
            width,
            "  ",
            "    ",
        )
        for reason in entry.breaking:
            yield from ([(line, "bold")] for line in wrap(breaking_line(reason), width, "    "))
        for change in entry.fields:
            yield from wrap(field_line(change), width, "    ", "      ")


def history_text(result: HistoryResult) -> Output:
    return Output(Fitted(lambda width: history_lines(result, width)))
