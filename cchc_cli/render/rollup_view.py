"""``cchc rollup`` as text and as Markdown: one table per target, units and total.

The text view speaks the language in use and fits the terminal: a target's heading wraps
at words; its table keeps the unit, numerator, denominator and value columns at every
width, and the value column (a qualitative target's evidence is a sentence) wraps at its
words, never splitting one. Numbers and dates are written as the language writes them.
"""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.i18n import N_, _
from cchc_cli.render.fit import NBSP, Cell, Column, Fitted, Line, table, wrap
from cchc_cli.render.kpi_view import number, percent, period_text
from cchc_cli.render.styles import clean, md_escape
from cchc_cli.services.rollup import RollupResult, RollupTarget, UnitFigure

__all__ = ["rollup_lines", "rollup_md", "rollup_text"]

_TASK_STATUS = {
    "not_started": N_("not started"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "cancelled": N_("cancelled"),
}


def _value(figure: UnitFigure, target: RollupTarget) -> str:
    from cchc_cli.i18n.forms import number as form

    if target.qualitative:
        return clean(figure.evidence) if figure.evidence else _("(no evidence named)")
    if figure.value is None:
        if figure.unit == "total" and figure.numerator is None:
            return _("cannot be added")
        return _("no data")
    if target.unit == "percent":
        return percent(figure.value)
    return form(figure.value, 2)


def _unit(name: str) -> str:
    return _("total") if name == "total" else clean(name)


def _rows(target: RollupTarget) -> list[tuple[str, str, str, str]]:
    figures = [*target.units, *([target.total] if target.total else [])]
    return [
        (_unit(f.unit), number(f.numerator), number(f.denominator), _value(f, target))
        for f in figures
    ]


def _threshold(target: RollupTarget) -> str:
    return _("qualitative") if target.qualitative else clean(target.threshold)


def _heading(target: RollupTarget) -> str:
    return f"{clean(target.target)} ({clean(target.measure)}, {_threshold(target)})"


def _head(result: RollupResult) -> list[str]:
    lines = [
        _("rollup of {count} unit plans ({units}): {period}").format(
            count=len(result.units),
            units=", ".join(map(clean, result.units)),
            period=period_text(result.period).replace(NBSP, " "),
        )
    ]
    if result.missing:
        lines.append(
            _("missing (no data for the period): {units}").format(
                units=", ".join(map(clean, result.missing))
            )
        )
    return lines


def _status(status: str, count: int) -> str:
    word = _(_TASK_STATUS[status]) if status in _TASK_STATUS else status
    return _("{count} {status}").format(count=number(count), status=word)


def _progress(result: RollupResult) -> list[str]:
    return [
        f"{clean(p.unit)}: "
        + (", ".join(_status(status, n) for status, n in p.tasks.items()) or _("no tasks"))
        for p in result.progress
    ]


def rollup_lines(result: RollupResult, width: int) -> Iterator[Line]:
    """The rollup at ``width`` columns."""
    for line in _head(result):
        yield from wrap(line, width)
    columns = [
        Column(_("unit"), fit="cut", least=8),
        Column(_("numerator"), "right"),
        Column(_("denominator"), "right"),
        Column(_("value"), fit="wrap", least=12),
    ]
    for target in result.targets:
        yield ""
        yield from ([(line, "bold")] for line in wrap(_heading(target), width))
        rows: list[list[Cell]] = [list(row) for row in _rows(target)]
        yield from table(columns, rows, width, [3, 0], indent="  ")
    yield ""
    yield _("tasks by status:")
    for line in _progress(result):
        yield from wrap(line, width, "  ", "    ")


def rollup_text(result: RollupResult) -> Fitted:
    return Fitted(lambda width: rollup_lines(result, width))


def rollup_md(result: RollupResult) -> str:
    lines = [md_escape(line) for line in _head(result)]
    for target in result.targets:
        lines += [
            "",
            f"#### {md_escape(_heading(target))}",
            "",
            "| " + " | ".join([_("unit"), _("numerator"), _("denominator"), _("value")]) + " |",
            "|---|---:|---:|---|",
        ]
        lines.extend(
            f"| {md_escape(u)} | {n} | {d} | {md_escape(v)} |" for u, n, d, v in _rows(target)
        )
    lines += [
        "",
        _("Tasks by status:"),
        "",
        *(f"- {md_escape(line)}" for line in _progress(result)),
    ]
    return "\n".join(lines)
