"""``cchc kpi`` for people (a table that fits the terminal) and for Excel (CSV, xlsx).

The text view speaks the language in use; CSV and xlsx are for machines and spreadsheets:
English headers, ISO dates, dot decimals, note codes (``below_so_far``), whatever the
language.

Widths. The targets table keeps the ref, the value, the threshold and the status at every
width; a measure name is never split (cut with "…" when its column is narrow) and a
status wraps at its spaces. As the terminal narrows, in this order:

1. below 120 columns the note column goes: the notes (late dossiers still allowed,
   year-end forecast, why a target is at risk or missed) are printed under the table,
   one target a line, wrapped at words;
2. the measure column gives up room (names cut with "…", down to 20 characters), then
   the status column wraps at its words;
3. below 80 columns the numerator and denominator columns go (the value keeps the
   percent).

The ``--by`` breakdown: with six groups or fewer, a column per group; otherwise a row per
group, the measures as columns — the last measures dropped (and named) when they do not
fit. Column headers (groups, measures) wrap at their words
first, widest first; then the first column (measures, groups) is cut with "…". Unit codes
show with the unit's short name from 120 columns on. Dataset lines wrap at words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from cchc_cli.i18n import N_, _
from cchc_cli.model.terms import TARGET_STATUSES, Period
from cchc_cli.render.fit import NBSP, Cell, Column, Line, least_width, table, wrap
from cchc_cli.render.styles import TARGET_STYLE, clean, target_label
from cchc_cli.results.measures import BreakdownRow, DatasetSummary, KpiResult, TargetResult

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

__all__ = [
    "KpiView",
    "csv_cell",
    "dataset_lines",
    "kpi_csv",
    "kpi_lines",
    "kpi_text",
    "kpi_xlsx",
    "note_text",
    "period_label",
    "period_text",
    "status_label",
]

WIDE = 120
"""From this width on, notes get a column of their own and units their short names."""
NARROW = 80
"""Below this width the numerator and denominator columns go."""

status_label = target_label
"""``đạt``, ``có nguy cơ không đạt``… (``met``, ``at risk``… in English): the one table
of target statuses, :data:`cchc_cli.render.styles.TARGET_LABEL`."""


def number(value: float | None) -> str:
    """A count or a figure as the language writes it (``1.996``, ``1,996``), or ``–``."""
    from cchc_cli.i18n.forms import number as form

    if value is None:
        return "–"
    return form(value) if float(value).is_integer() else form(value, 2)


def percent(value: float | None) -> str:
    """``95,50%`` (vi), ``95.50%`` (en), or ``–``."""
    from cchc_cli.i18n.forms import percent as form

    return "–" if value is None else form(value)


def threshold(target: TargetResult) -> str:
    """The commitment as the language writes it: ``>= 97,5%``, ``định tính``."""
    from cchc_cli.i18n.forms import number as form

    if target.op is None or target.threshold is None:
        return _("qualitative")
    shown = form(target.threshold, 2)
    if target.threshold_text.endswith("%"):
        return f"{target.op} {shown}%"
    unit = target.threshold_text.split(" ", 2)[2:]
    return " ".join([target.op, shown, *unit])


_NOTES: dict[str, str] = {
    "qualitative": N_("qualitative: met by evidence"),
    "evidence": N_("qualitative: met by evidence ({evidence})"),
    "no_source": N_("no dataset or measurement gives this measure yet"),
    "zero_denominator": N_("zero denominator: nothing to measure in this period"),
    "below_so_far": N_("below {threshold} so far; the period runs to {day}"),
    "out_of_reach": N_(
        "can no longer be reached: {short} of {total} already fall short of {threshold}"
    ),
    "counted_against": N_("can no longer be reached: {short} already count against {threshold}"),
    "projected_short": N_("year-end forecast {projection} misses {threshold}"),
    "no_budget": N_("no more late dossiers allowed: one more misses {threshold}"),
    "on_course": N_(
        "on course: {value} with {elapsed} of the year gone, against {expected} pro rata "
        "of {threshold}"
    ),
    "behind": N_(
        "behind: {value} with {elapsed} of the year gone, against {expected} pro rata "
        "of {threshold}"
    ),
}
"""What each note code says; the figures come from the target and its note."""


def note_text(target: TargetResult) -> str:
    """Why the target stands where it does, in the language in use ("" without a note)."""
    return _note(target).replace(NBSP, " ")


def _note(target: TargetResult) -> str:
    """:func:`note_text`, its dates and thresholds kept whole when wrapped."""
    from cchc_cli.i18n.forms import day
    from cchc_cli.i18n.forms import percent as share

    note = target.note
    if note is None:
        return ""
    code = "evidence" if note.code == "qualitative" and note.evidence else note.code
    return _(_NOTES[code]).format(
        evidence=clean(note.evidence or ""),
        threshold=keep(threshold(target)),
        day=keep(day(note.period_end)) if note.period_end else "",
        short=number(note.short),
        total=number(note.of),
        projection=percent(target.projection),
        value=percent(target.value),
        elapsed=share(note.elapsed or 0, 0),
        expected=percent(note.expected),
    )


_LATE = ("on_time_rate", "on_time_handled_rate", "early_rate")
_DOSSIERS = (
    "online_full_share",
    "online_submitted_share",
    "online_share",
    "online_payment_share",
    "digitized_share",
    "dossiers_tracked_share",
)
"""Shares of dossiers (the others count procedures, units, documents…)."""


def _allowed(measure: str, count: int) -> str:
    """How many more bad items the threshold still allows, said plainly."""
    one = count == 1
    if measure in _LATE:
        said = (
            _("{count} more late dossier allowed")
            if one
            else _("{count} more late dossiers allowed")
        )
    elif measure == "satisfaction_rate":
        said = (
            _("{count} more dissatisfied rating allowed")
            if one
            else _("{count} more dissatisfied ratings allowed")
        )
    elif measure in _DOSSIERS:
        said = (
            _("{count} more dossier may fall short")
            if one
            else _("{count} more dossiers may fall short")
        )
    else:
        said = _("{count} more may fall short")
    return said.format(count=number(count))


def keep(text: str) -> str:
    """``text`` kept on one line when wrapped (a date, a threshold): no-break spaces."""
    return text.replace(" ", NBSP)


def _notes(target: TargetResult) -> str:
    """The plain facts of a target: late dossiers still allowed, the year-end forecast,
    and why it is at risk or missed."""
    notes = []
    if target.error_budget:
        notes.append(_allowed(target.measure, target.error_budget))
    if target.projection is not None and not (
        target.note is not None and target.note.code == "projected_short"
    ):
        notes.append(
            keep(_("year-end forecast {percent}").format(percent=percent(target.projection)))
        )
    if target.status in ("at_risk", "missed") and target.note is not None:
        notes.append(_note(target))
    return "; ".join(notes)


YEAR_TO_DATE = " (year to date)"
"""How ``--ytd`` ends a period's label (``2024-Q2 (year to date)``)."""


def period_label(period: Period) -> str:
    """A period's label for people: ``2024-Q2 (lũy kế từ đầu năm)`` for a ``--ytd`` one,
    whose label is data in JSON (``2024-Q2 (year to date)``)."""
    label = clean(period.label)
    if label.endswith(YEAR_TO_DATE):
        return _("{period} (year to date)").format(period=label.removesuffix(YEAR_TO_DATE))
    return label


def period_text(period: Period) -> str:
    """``2024-Q2 (15/03/2024–14/06/2024)``; a period named by its dates
    (``2024-01-01..2024-03-31``) by its span only: one date form per line."""
    from cchc_cli.i18n.forms import span

    days = keep(span(period.start, period.end))
    if not period.label or ".." in period.label:
        return days
    return f"{period_label(period)} ({days})"


def _head(result: KpiResult) -> str:
    from cchc_cli.i18n.forms import day

    return _("{plan} — targets for {period}, rule {rule}, as of {day}").format(
        plan=clean(result.plan),
        period=period_text(result.period),
        rule=result.period_rule,
        day=keep(day(result.as_of)),
    )


def _targets_table(result: KpiResult, width: int) -> list[Line]:
    wide = width >= WIDE
    counts = width >= NARROW
    columns = [
        Column(_("ref")),
        Column(_("measure"), fit="cut", least=20),
        *([Column(_("num"), "right"), Column(_("den"), "right")] if counts else []),
        Column(_("value"), "right"),
        Column(_("threshold")),
        Column(_("status"), fit="wrap", least=6),
    ]
    if wide:
        columns.append(Column(_("note"), fit="wrap", least=24))
    rows: list[list[Cell]] = []
    for target in result.targets:
        row: list[Cell] = [clean(target.ref), clean(target.measure)]
        if counts:
            row += [number(target.numerator), number(target.denominator)]
        row += [
            percent(target.value),
            threshold(target),
            (status_label(target.status), TARGET_STYLE[target.status]),
        ]
        if wide:
            row.append(clean(_notes(target)))
        rows.append(row)
    status = len(columns) - (2 if wide else 1)
    order = [len(columns) - 1, 1, status] if wide else [1, status]
    return table(columns, rows, width, order)


def dataset_lines(report: DatasetSummary, width: int, rejects: str | None) -> list[Line]:
    """What one dataset held: rows, used, set aside; examples; where the rest are."""
    said = _(
        "dataset {dataset}: {rows} rows, {used} used, {invalid} invalid, {duplicates} duplicate(s)"
    ).format(
        dataset=clean(report.dataset),
        rows=number(report.rows),
        used=number(report.used),
        invalid=number(report.invalid),
        duplicates=number(report.duplicates),
    )
    if not report.imported:
        said += " " + _("(from cache)")
    style = "" if report.clean else "yellow"
    lines: list[Line] = [[(line, style)] for line in wrap(said, width)]
    for example in [*report.invalid_examples, *report.duplicate_examples]:
        lines += wrap(clean(example.text()), width, "  ")
    if report.unshown:
        if rejects:
            more = _("… and {count} more (listed in {file})").format(
                count=number(report.unshown), file=clean(rejects)
            )
        else:
            more = _("… and {count} more (--rejects FILE lists them all)").format(
                count=number(report.unshown)
            )
        lines += wrap(more, width, "  ")
    return lines


def kpi_lines(result: KpiResult, width: int) -> Iterator[Line]:
    """The kpi view at ``width`` columns."""
    head = wrap(_head(result), width)
    yield [(head[0], "bold")]
    yield from head[1:]
    yield from _targets_table(result, width)
    if width < WIDE:
        for target in result.targets:
            note = _notes(target)
            if note:
                said = _("{ref} {measure}: {note}").format(
                    ref=clean(target.ref), measure=clean(target.measure), note=clean(note)
                )
                yield from wrap(said, width, "  ", "    ")
    counts = {s: sum(t.status == s for t in result.targets) for s in TARGET_STATUSES}
    summary = ", ".join(
        _("{count} {status}").format(count=number(count), status=status_label(s))
        for s, count in counts.items()
    )
    yield from wrap(summary, width)
    if result.breakdown:
        yield from _breakdown(result, width)
    for report in result.datasets:
        yield from dataset_lines(report, width, result.rejects)


class KpiView:
    """The kpi view, laid out for the width it is printed at."""

    def __init__(self, result: KpiResult) -> None:
        self.result = result

    def lines(self, width: int) -> list[str]:
        from cchc_cli.render.fit import plain

        return [plain(line) for line in kpi_lines(self.result, width)]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from cchc_cli.render.fit import Fitted

        yield Fitted(lambda width: kpi_lines(self.result, width))


def kpi_text(result: KpiResult) -> KpiView:
    return KpiView(result)


def _label(result: KpiResult, key: str, value: str | None, named: bool) -> str:
    if value is None:
        return _("(none)")
    name = result.labels.get(key, {}).get(value) if key == "procedure" or named else None
    return clean(f"{value} {name}" if name and name != value else value)


_BY: dict[str, str] = {
    "unit": N_("unit"),
    "procedure": N_("procedure"),
    "month": N_("month"),
    "quarter": N_("quarter"),
}


def _by_words(result: KpiResult) -> str:
    return ", ".join(_(_BY[key]) if key in _BY else key for key in result.by)


def _breakdown(result: KpiResult, width: int) -> list[Line]:
    """One row per measure and a column per group when groups are few (quarters, units);
    otherwise a row per group, the measures as columns."""
    named = width >= WIDE
    measures = list(result.measures)
    labels = [
        " · ".join(_label(result, key, row.keys.get(key), named) for key in result.by)
        for row in result.breakdown
    ]

    def cell(row: BreakdownRow, name: str) -> str:
        return percent(row.measures[name].value) if name in row.measures else "–"

    lines: list[Line] = [""]
    lines += [
        [(line, "bold")] for line in wrap(_("by {keys}").format(keys=_by_words(result)), width)
    ]
    if len(result.breakdown) <= 6:
        columns = [
            Column(_("measure"), fit="cut", least=12),
            *(Column(label, "right", fit="wrap", least=8) for label in labels),
        ]
        rows: list[list[Cell]] = [
            [name, *(cell(row, name) for row in result.breakdown)] for name in measures
        ]
        order: list[int | tuple[int, ...]] = [tuple(range(1, len(columns))), 0]
    else:
        shown = list(measures)
        while True:
            columns = [
                Column(_by_words(result), fit="cut", least=12),
                *(Column(name.replace("_", " "), "right", fit="wrap", least=8) for name in shown),
            ]
            rows = [
                [label, *(cell(row, name) for name in shown)]
                for label, row in zip(labels, result.breakdown, strict=True)
            ]
            if len(shown) <= 1 or least_width(columns, rows) <= width:
                break
            shown.pop()
        order = [tuple(range(1, len(columns))), 0]
        left = measures[len(shown) :]
        if left:
            lines += wrap(
                _("not shown at this width (--format csv has them): {measures}").format(
                    measures=", ".join(left)
                ),
                width,
            )
    return lines + table(columns, rows, width, order)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell for a spreadsheet: text starting like a formula gets a leading ``'``
    (OWASP, CSV injection), so Excel shows it instead of evaluating it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _target_cells(target: TargetResult, cell: Callable[[object], object]) -> list[object]:
    """A target's row; the operator is cchc's own (``>=``), never taken for a formula;
    the note is its code (``below_so_far``): the same in every language."""
    return [
        target.op
        if column == "op"
        else cell(target.note.code if column == "note" and target.note else getattr(target, column))
        for column in _TARGET_COLUMNS
    ]


_TARGET_COLUMNS = (
    "ref",
    "target",
    "measure",
    "numerator",
    "denominator",
    "value",
    "op",
    "threshold",
    "status",
    "error_budget",
    "projection",
    "note",
)


def kpi_csv(result: KpiResult) -> str:
    """Targets, then (with ``--by``) one row per group and measure; UTF-8 with a BOM so
    that Excel reads the Vietnamese text right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    keys = list(result.by)
    writer.writerow(["section", *keys, *_TARGET_COLUMNS])
    blank = [""] * len(keys)
    for target in result.targets:
        writer.writerow(["target", *blank, *_target_cells(target, csv_cell)])
    for row in result.breakdown:
        for name, figure in row.measures.items():
            group = [csv_cell(row.keys.get(key)) for key in keys]
            cells = ["", "", name, figure.numerator, figure.denominator, figure.value]
            tail = [""] * (len(_TARGET_COLUMNS) - len(cells))
            writer.writerow(["breakdown", *group, *(csv_cell(cell) for cell in cells), *tail])
    return "\ufeff" + out.getvalue().rstrip("\r\n")


def _sheet_cell(value: object) -> object:
    """Numbers stay numbers, text stays text (marked as text below, never a formula)."""
    return value if value is None or isinstance(value, bool | int | float) else str(value)


def kpi_xlsx(result: KpiResult) -> bytes:
    """A workbook for Excel: a sheet of targets, and a sheet of the ``--by`` breakdown."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    targets = book.active
    assert targets is not None  # noqa: S101 - a new workbook has a sheet
    targets.title = "targets"
    targets.append(list(_TARGET_COLUMNS))
    for target in result.targets:
        targets.append(_target_cells(target, _sheet_cell))
    if result.breakdown:
        keys = list(result.by)
        sheet = book.create_sheet(("by " + " and ".join(keys))[:31])
        sheet.append([*keys, "measure", "numerator", "denominator", "value"])
        for row in result.breakdown:
            for name, figure in row.measures.items():
                group = [_sheet_cell(row.keys.get(key)) for key in keys]
                sheet.append([*group, name, figure.numerator, figure.denominator, figure.value])
    for sheet in book.worksheets:
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for line in sheet.iter_rows():
            for cell in line:
                if isinstance(cell.value, str):  # "=HYPERLINK(…)" from an export is text
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
