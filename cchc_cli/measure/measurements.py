"""Figures kept by hand: one row per target (or measure) and period.

Targets that no dossier export yields — inspection coverage, procedures cut, e-identity
share — are measured by the office and written into a small sheet. Each row names a
target id (``II.4:inspection_coverage``) or a measure id (``inspection_coverage``, then
it serves every target on that measure), a period, and either a numerator and a
denominator or a value in percent.

For a requested period, the rows whose period lies inside it count; of those, the one
covering most days (then the latest) is taken, because report figures are cumulative
(*lũy kế*): a 2024-H1 row already holds Q1 and Q2. Rows of the same period for several
units add up (numerators and denominators), so a whole-plan figure can be given either
way.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.i18n import N_, _
from cchc_cli.measure.cache import Cache
from cchc_cli.measure.importer import match_columns, sniff_dataset_file
from cchc_cli.measure.periods import parse_period_label
from cchc_cli.measure.sniff import clip, decode_all
from cchc_cli.model.datasets import Dataset
from cchc_cli.model.terms import Period, PeriodRule

__all__ = ["MAX_NUMBER", "Measurement", "pick", "read_measurement_file", "read_measurements"]

MAX_NUMBER = 1e15
"""Counts and percentages beyond this are typing mistakes (``1e400`` is infinity)."""


@dataclass(frozen=True, slots=True)
class Measurement:
    target: str
    period: Period
    numerator: float | None
    denominator: float | None
    value: float | None
    unit: str | None
    source: str | None
    note: str | None
    where: str
    """``file:line`` of the row."""


_WHAT = {"numerator": N_("numerator"), "denominator": N_("denominator"), "value": N_("value")}


def _number(text: str, what: str, where: str) -> float | None:
    cleaned = text.strip().replace("%", "").replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # Vietnamese decimal comma: 12,5
    try:
        number = float(cleaned)
    except ValueError:
        raise UserError(
            _("{where}: {what} '{text}' is not a number").format(
                where=where, what=_(_WHAT[what]), text=text
            )
        ) from None
    if not math.isfinite(number) or number > MAX_NUMBER:
        raise UserError(
            _("{where}: {what} '{text}' is not a usable number (at most {most})").format(
                where=where, what=_(_WHAT[what]), text=clip(text), most=f"{MAX_NUMBER:.0e}"
            )
        )
    if number < 0:
        raise UserError(
            _("{where}: {what} {text} is negative").format(
                where=where, what=_(_WHAT[what]), text=text
            )
        )
    return number


def _rows_after_header(reader: Any, header_line: int, name: str) -> Iterator[tuple[list[str], int]]:
    """(cells, first line) of every record after the header."""
    line = 1
    try:
        for record in reader:
            if line > header_line:
                yield record, line
            line = reader.line_num + 1
    except csv.Error as exc:
        raise UserError(
            _("{where}: cannot read the row ({problem})").format(
                where=f"{name}:{line}", problem=exc
            )
        ) from None


def read_measurements(
    dataset: Dataset, files: list[Path], rule: PeriodRule, cache: Cache
) -> list[Measurement]:
    """Every row of a ``measurements`` dataset; a bad cell is an error at file:line."""
    return [row for path in files for row in read_measurement_file(dataset, path, rule, cache)]


def read_measurement_file(
    dataset: Dataset, path: Path, rule: PeriodRule, cache: Cache | None
) -> list[Measurement]:
    """The rows of one file of a ``measurements`` dataset (``cache``: for workbooks)."""
    found: list[Measurement] = []
    sniffed, text_path = sniff_dataset_file(dataset, path, cache)
    positions = match_columns(dataset, sniffed)
    name = relative_path(path)
    reader = csv.reader(decode_all(text_path, sniffed.encoding), delimiter=sniffed.delimiter)
    for row, line in _rows_after_header(reader, sniffed.header_line, name):
        if not any(cell.strip() for cell in row):
            continue
        cells = {
            field: (row[index].strip() if index < len(row) else "")
            for field, index in positions.items()
        }
        where = f"{name}:{line}"
        if not cells.get("target"):
            raise UserError(_("{where}: the row names no target or measure").format(where=where))
        try:
            period = parse_period_label(rule, cells.get("period", ""))
        except (ValueError, UserError) as exc:  # a range that ends before it starts: UserError
            raise UserError(f"{where}: {exc}") from None
        numerator = _number(cells.get("numerator", ""), "numerator", where)
        denominator = _number(cells.get("denominator", ""), "denominator", where)
        value = _number(cells.get("value", ""), "value", where)
        if value is None and (numerator is None or denominator is None):
            raise UserError(
                _("{where}: give a numerator and a denominator, or a value (percent)").format(
                    where=where
                )
            )
        found.append(
            Measurement(
                cells["target"],
                period,
                numerator,
                denominator,
                value,
                cells.get("unit") or None,
                cells.get("source") or None,
                cells.get("note") or None,
                where,
            )
        )
    return found


def pick(
    rows: list[Measurement], names: tuple[str, ...], period: Period, unit: str | None = None
) -> list[Measurement]:
    """The rows that give ``period``'s figure for the first of ``names`` that has any."""
    for name in names:
        inside = [
            row
            for row in rows
            if row.target == name
            and period.contains(row.period)
            and (unit is None or row.unit == unit)
        ]
        if not inside:
            continue
        best = max(inside, key=lambda row: (row.period.days, row.period.end))
        chosen = [row for row in inside if row.period == best.period]
        if unit is None and any(row.unit is None for row in chosen):
            chosen = [row for row in chosen if row.unit is None]
        return chosen
    return []
