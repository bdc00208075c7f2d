"""``cchc kpi`` output: a rich table, JSON with stable keys, or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, Literal

from cchc_cli.measure.attainment import Figure
from cchc_cli.measure.kpi import KpiResult

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["kpi_as_dict", "render_kpi"]

Format = Literal["text", "json", "csv"]
_STYLE = {"met": "green", "at_risk": "yellow", "missed": "red", "no_data": "dim"}


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "numerator": figure.numerator,
        "denominator": figure.denominator,
        "value": None if figure.value is None else round(figure.value, 2),
        "source": figure.source,
    }


def kpi_as_dict(result: KpiResult) -> dict[str, Any]:
    """Everything the command shows, as plain data (the JSON output)."""
    return {
        "plan": result.plan,
        "period": result.period.as_dict(),
        "period_rule": result.rule,
        "as_of": result.as_of.isoformat(),
        "targets": [target.as_dict() for target in result.targets],
        "measures": {name: _figure(figure) for name, figure in result.measures.items()},
        "breakdown": [
            {"keys": row.keys, "measures": {k: _figure(v) for k, v in row.figures.items()}}
            for row in result.breakdown
        ],
        "datasets": [report.as_dict() for report in result.datasets],
    }


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}%"


def _csv(result: KpiResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if result.breakdown:
        keys = list(result.by)
        writer.writerow([*keys, "measure", "numerator", "denominator", "value"])
        for row in result.breakdown:
            for name, figure in row.figures.items():
                writer.writerow(
                    [
                        *(row.keys.get(key) or "" for key in keys),
                        name,
                        _number(figure.numerator).replace(",", ""),
                        _number(figure.denominator).replace(",", ""),
                        "" if figure.value is None else f"{figure.value:.2f}",
                    ]
                )
        return out.getvalue().rstrip("\n")
    columns = [
        "ref",
        "target",
        "measure",
        "numerator",
        "denominator",
        "value",
        "op",
        "threshold",
        "met",
        "status",
        "error_budget",
        "projection",
        "note",
    ]
    writer.writerow(columns)
    for target in result.targets:
        data = target.as_dict()
        writer.writerow(["" if data[name] is None else data[name] for name in columns])
    return out.getvalue().rstrip("\n")


def _label(result: KpiResult, key: str, value: str | None) -> str:
    if value is None:
        return "(none)"
    name = result.labels.get(key, {}).get(value) if key == "procedure" else None
    return f"{value} {name}" if name and name != value else value


def _text(result: KpiResult, console: Console) -> None:
    from rich.table import Table

    period = result.period
    console.print(
        f"[bold]{result.plan}[/] — targets for {period.label} "
        f"({period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}, rule {result.rule}), as of "
        f"{result.as_of:%d/%m/%Y}"
    )
    wide = console.width >= 120
    table = Table(box=None, pad_edge=False, header_style="bold", padding=(0, 1))
    table.add_column("ref", no_wrap=True)
    table.add_column("measure", overflow="fold")
    for column in ("num", "den", "value"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("target", no_wrap=True)
    table.add_column("status", no_wrap=True)
    if wide:
        table.add_column("note", overflow="fold", min_width=24)
    notes_below: list[str] = []
    for target in result.targets:
        threshold = "qualitative" if target.op is None else f"{target.op} {target.threshold:g}%"
        notes = []
        if target.error_budget is not None:
            notes.append(f"budget {target.error_budget:,}")
        if target.projection is not None:
            notes.append(f"projected {target.projection:.2f}%")
        if target.status == "at_risk" and target.note:
            notes.append(target.note)
        note = "; ".join(n for n in notes if n)
        row = [
            target.ref,
            target.measure,
            _number(target.numerator),
            _number(target.denominator),
            _percent(target.value),
            threshold,
            f"[{_STYLE[target.status]}]{target.status}[/]",
        ]
        if wide:
            row.append(note)
        elif note and target.status in ("at_risk", "missed"):
            notes_below.append(f"  {target.ref} {target.measure}: {note}")
        table.add_row(*row)
    console.print(table)
    for below in notes_below:
        console.print(below, markup=False)
    counts = {status: sum(t.status == status for t in result.targets) for status in _STYLE}
    console.print(", ".join(f"{count} {status}" for status, count in counts.items()))
    if result.breakdown:
        _breakdown_table(result, console)
    for report in result.datasets:
        line = (
            f"dataset {report.dataset}: {report.rows:,} rows, {report.used:,} used, "
            f"{report.invalid:,} invalid, {report.duplicates:,} duplicate(s)"
            f"{'' if report.imported else ' (from cache)'}"
        )
        console.print(line, style=None if report.clean else "yellow")
        for row_note in [*report.invalid_examples, *report.duplicate_examples]:
            console.print(f"  {row_note}", markup=False)


def _breakdown_table(result: KpiResult, console: Console) -> None:
    """One row per measure and a column per group when groups are few (quarters, units);
    otherwise a row per group, measure names wrapped at their words."""
    from rich.table import Table

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
    if len(result.breakdown) <= 6:
        table.add_column("measure", no_wrap=True)
        for label in labels:
            table.add_column(label, justify="right", overflow="fold")
        for name in measures:
            table.add_row(
                name,
                *(
                    _percent(row.figures[name].value) if name in row.figures else "–"
                    for row in result.breakdown
                ),
            )
    else:
        table.add_column(", ".join(result.by), overflow="ellipsis", max_width=36)
        for name in measures:
            table.add_column(name.replace("_", " "), justify="right", overflow="fold")
        for label, row in zip(labels, result.breakdown, strict=True):
            cells = [
                _percent(row.figures[name].value) if name in row.figures else "–"
                for name in measures
            ]
            table.add_row(label, *cells)
    console.print(table)


def render_kpi(result: KpiResult, fmt: Format, console: Console) -> None:
    if fmt == "json":
        console.print(
            json.dumps(kpi_as_dict(result), ensure_ascii=False, indent=2),
            markup=False,
            highlight=False,
        )
    elif fmt == "csv":
        console.print(_csv(result), markup=False, highlight=False)
    else:
        _text(result, console)
