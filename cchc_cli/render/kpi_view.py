"""``cchc kpi`` for people (a table that fits the terminal) and for Excel (CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from cchc_cli.model.terms import TARGET_STATUSES
from cchc_cli.render.styles import TARGET_LABEL, TARGET_STYLE, clean
from cchc_cli.results.measures import BreakdownRow, KpiResult, TargetResult

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

__all__ = ["KpiView", "csv_cell", "kpi_csv", "kpi_text", "kpi_xlsx"]

WIDE = 120
"""From this width on, notes get a column of their own."""


def number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}%"


def _notes(target: TargetResult) -> str:
    notes = []
    if target.error_budget is not None:
        notes.append(f"budget {target.error_budget:,}")
    if target.projection is not None:
        notes.append(f"projected {target.projection:.2f}%")
    if target.status == "at_risk" and target.note:
        notes.append(target.note)
    return "; ".join(n for n in notes if n)


class KpiView:
    """The kpi tables, laid out for the width they are printed at."""

    def __init__(self, result: KpiResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.table import Table
        from rich.text import Text

        result, period = self.result, self.result.period
        yield Text.assemble(
            (clean(result.plan), "bold"),
            f" — targets for {period.label} ({period.text()}, rule {result.period_rule}), "
            f"as of {result.as_of:%d/%m/%Y}",
        )
        wide = options.max_width >= WIDE
        table = Table(box=None, pad_edge=False, header_style="bold", padding=(0, 1))
        table.add_column("ref", no_wrap=True)
        table.add_column("measure", overflow="fold")
        for column in ("num", "den", "value"):
            table.add_column(column, justify="right", no_wrap=True)
        table.add_column("target", no_wrap=True)
        table.add_column("status", no_wrap=True)
        if wide:
            table.add_column("note", overflow="fold", min_width=24)
        below: list[str] = []
        for target in result.targets:
            note = _notes(target)
            row: list[RenderableType] = [
                Text(clean(target.ref)),
                Text(clean(target.measure)),
                number(target.numerator),
                number(target.denominator),
                percent(target.value),
                Text(target.threshold_text),
                Text(TARGET_LABEL[target.status], style=TARGET_STYLE[target.status]),
            ]
            if wide:
                row.append(Text(clean(note)))
            elif note and target.status in ("at_risk", "missed"):
                below.append(f"  {target.ref} {target.measure}: {note}")
            table.add_row(*row)
        yield table
        for line in below:
            yield Text(clean(line))
        counts = {s: sum(t.status == s for t in result.targets) for s in TARGET_STATUSES}
        yield Text(", ".join(f"{count} {TARGET_LABEL[s]}" for s, count in counts.items()))
        if result.breakdown:
            yield _breakdown_table(result)
        for report in result.datasets:
            yield Text(
                f"dataset {clean(report.dataset)}: {report.rows:,} rows, {report.used:,} used, "
                f"{report.invalid:,} invalid, {report.duplicates:,} duplicate(s)"
                f"{'' if report.imported else ' (from cache)'}",
                style="" if report.clean else "yellow",
            )
            for example in [*report.invalid_examples, *report.duplicate_examples]:
                yield Text(f"  {clean(str(example))}")
            if report.unshown:
                listed = (
                    f"listed in {result.rejects}"
                    if result.rejects
                    else ("--rejects FILE lists them all")
                )
                yield Text(f"  … and {report.unshown:,} more ({listed})")


def kpi_text(result: KpiResult) -> KpiView:
    return KpiView(result)


def _label(result: KpiResult, key: str, value: str | None) -> str:
    if value is None:
        return "(none)"
    name = result.labels.get(key, {}).get(value) if key == "procedure" else None
    return clean(f"{value} {name}" if name and name != value else value)


def _breakdown_table(result: KpiResult) -> RenderableType:
    """One row per measure and a column per group when groups are few (quarters, units);
    otherwise a row per group, measure names wrapped at their words."""
    from rich.table import Table
    from rich.text import Text

    measures = list(result.measures)
    labels = [
        " · ".join(_label(result, key, row.keys.get(key)) for key in result.by)
        for row in result.breakdown
    ]
    table = Table(
        box=None,
        pad_edge=False,
        padding=(0, 1),
        header_style="bold",
        title=f"by {', '.join(result.by)}",
        title_justify="left",
    )

    def cell(row: BreakdownRow, name: str) -> str:
        return percent(row.measures[name].value) if name in row.measures else "–"

    if len(result.breakdown) <= 6:
        table.add_column("measure", no_wrap=True)
        for label in labels:
            table.add_column(Text(label), justify="right", overflow="fold")
        for name in measures:
            table.add_row(name, *(cell(row, name) for row in result.breakdown))
    else:
        table.add_column(", ".join(result.by), overflow="ellipsis", max_width=36)
        for name in measures:
            table.add_column(name.replace("_", " "), justify="right", overflow="fold")
        for label, row in zip(labels, result.breakdown, strict=True):
            table.add_row(Text(label), *(cell(row, name) for name in measures))
    return table


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
    """A target's row; the operator is cchc's own (``>=``), never taken for a formula."""
    return [
        target.op if column == "op" else cell(getattr(target, column)) for column in _TARGET_COLUMNS
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
