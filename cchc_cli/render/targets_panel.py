"""The targets panel of ``cchc status``: missed and at-risk targets first.

How the table fits the terminal: Ref, Value and Target never wrap; Status wraps at
spaces first ("có nguy cơ / không đạt"); then Measure is shortened with "…" (never
split across lines). Notes in plain words ("còn được phép trễ 3 hồ sơ", "dự báo cuối năm
97,25%") follow the table, one line per target, wrapped at spaces.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.i18n import _, ngettext
from cchc_cli.i18n.forms import day, number, percent
from cchc_cli.model.terms import TargetStatus
from cchc_cli.render.agenda_tables import Fitted, paragraph, pieces_line
from cchc_cli.render.styles import TARGET_STYLE, clean, target_label
from cchc_cli.services.status import TargetLine, TargetsSummary

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["goal_text", "targets_panel", "value_text"]

_ORDER: dict[TargetStatus, int] = {"missed": 0, "at_risk": 1, "met": 2, "no_data": 3}
_OPS = {">=": "≥", "<=": "≤"}


def value_text(line: TargetLine) -> str:
    """``98,51%`` / ``98.51%`` for a rate, the number otherwise; ``—`` without data."""
    if line.value is None:
        return "—"
    if line.goal_unit in (None, "percent"):
        return percent(line.value, 2)
    return number(line.value, 2)


def goal_text(line: TargetLine) -> str:
    """``≥ 80%``, ``> 95%``: the commitment with the language's decimal mark."""
    if line.op is None or line.goal is None:
        return clean(line.threshold)
    op = _OPS.get(line.op, line.op)
    if line.goal_unit == "percent":
        return f"{op} {number(line.goal, 2)}%"
    return f"{op} {number(line.goal, 2)} {clean(line.goal_unit or '')}".rstrip()


def _plain_notes(line: TargetLine) -> list[str]:
    """What the numbers behind a target's status mean, said plainly."""
    notes = []
    if line.status in ("met", "at_risk") and line.error_budget is not None:
        count = line.error_budget
        late = "on_time" in line.measure  # a rate of dossiers settled on time
        if count == 0:
            notes.append(
                _("not one more late dossier allowed") if late else _("not one more miss allowed")
            )
        elif late:
            notes.append(
                ngettext(
                    "{count} more late dossier allowed", "{count} more late dossiers allowed", count
                ).format(count=number(count))
            )
        else:
            notes.append(
                ngettext("{count} more miss allowed", "{count} more misses allowed", count).format(
                    count=number(count)
                )
            )
    if line.projection is not None:
        notes.append(_("year-end forecast {value}").format(value=percent(line.projection, 2)))
    return notes


def _no_data(summary: TargetsSummary) -> list[str]:
    if summary.reason == "year_not_started" and summary.year_start is not None:
        return [_("the plan's year starts on {day}").format(day=day(summary.year_start))]
    if summary.reason == "cannot_measure":
        return [
            _("cannot measure targets: {problem}").format(problem=summary.problem or "?"),
            _("run `cchc kpi` for details"),
        ]
    return [_("no data yet: targets are measured from the dossier system's exports")]


NOTES_FROM = 120
"""From this width the plain notes have a column of their own; below it they follow the
table, one line per target."""


def targets_panel(summary: TargetsSummary) -> RenderableType:
    """The targets as a table: missed and at-risk ones first, then the rest in plan order."""
    from rich.console import Group
    from rich.text import Text

    heading = Text(_("Targets"), style="bold")
    lines = summary.items
    if not lines:
        return Group(
            heading,
            *(paragraph(f"  {line}", style="dim", indent="  ") for line in _no_data(summary)),
        )
    measured = sorted(
        (line for line in lines if line.status != "no_data"), key=lambda line: _ORDER[line.status]
    )
    pieces = [
        (f"{summary.counts.get(status, 0)} {target_label(status)}", "bold") for status in _ORDER
    ]
    counts = Fitted(lambda width: pieces_line("  ", pieces, width, indent="  "))
    parts: list[RenderableType] = [heading, counts]
    if summary.measured_from is not None and summary.measured_to is not None:
        parts.append(
            Text(
                "  "
                + _("measured from {start} to {end}").format(
                    start=day(summary.measured_from), end=day(summary.measured_to)
                )
            )
        )
    if measured:
        parts.append(Fitted(lambda width: _table(measured, width)))
    if len(measured) < len(lines):
        parts.append(
            paragraph("  " + _("targets without data are listed by `cchc kpi`"), style="dim")
        )
    # Drawn without a frame: a Panel renders its content twice (fit, then crop), which
    # doubled the time of the whole dashboard.
    return Group(*parts)


def _table(measured: list[TargetLine], width: int) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    with_notes = width >= NOTES_FROM
    table = Table(box=None, pad_edge=True, show_header=True, header_style="bold")
    table.add_column(_("Ref"), no_wrap=True)
    table.add_column(_("Measure"), no_wrap=True, overflow="ellipsis", min_width=12)
    table.add_column(_("Value"), no_wrap=True, justify="right")
    table.add_column(_("Target"), no_wrap=True)
    table.add_column(_("Status"), min_width=7, overflow="ellipsis")
    if with_notes:
        table.add_column(_("Note"), min_width=12, overflow="ellipsis")
    notes: list[str] = []
    for line in measured:
        said = "; ".join(_plain_notes(line))
        cells = [
            Text(clean(line.ref)),
            Text(clean(line.measure)),
            Text(value_text(line)),
            Text(goal_text(line)),
            Text(target_label(line.status), style=TARGET_STYLE[line.status]),
        ]
        if with_notes:
            cells.append(Text(said, style="dim"))
        elif said:
            notes.append(
                _("{ref} {measure}: {notes}").format(
                    ref=clean(line.ref), measure=clean(line.measure), notes=said
                )
            )
        table.add_row(*cells)
    if not notes:
        return table
    return Group(table, *(paragraph(f"  {note}", style="dim", indent="    ") for note in notes))
