"""SQL that turns an export's text cells into canonical, typed columns.

Everything here is cchc's own SQL text; what comes from the plan or the file (mapping
keys and values, column positions) travels as ``?`` parameters or as our own ``cN``
column names, never as SQL. Each date cell is classified by its *form* (dd/mm/yyyy, ISO,
Excel serial), so a column that mixes forms can be refused instead of guessed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.i18n import N_, _
from cchc_cli.measure.fields import CHANNELS, DOSSIER_FIELDS
from cchc_cli.measure.sniff import Sniffed, clip, nfc
from cchc_cli.model.datasets import DATE_FORMATS, Dataset, DateFormat
from cchc_cli.results.measures import RowCode

__all__ = [
    "DATE_FORM_NAMES",
    "PROBLEMS",
    "Sql",
    "check_date_forms",
    "date_fallback_sql",
    "date_form_sql",
    "date_primary_sql",
    "default_mapping",
    "form_of",
    "mapping_sql",
    "other_form",
    "rank_date_formats",
]

DATE_FORM_NAMES = {1: "dd/mm/yyyy", 2: N_("ISO yyyy-mm-dd"), 3: N_("Excel serial number")}
"""Date forms a cell is classified into (0 = empty, 9 = none of these)."""

PROBLEMS: dict[int, RowCode] = {
    1: "no_dossier_id",
    2: "bad_received_at",
    3: "bad_due_at",
    4: "bad_resolved_at",
    5: "resolved_before_received",
}
"""Why a row is invalid (the ``problem`` column; 0 = valid), as a :data:`RowCode`."""

_STRPTIME = {
    "dd/mm/yyyy HH:MM:SS": "%d/%m/%Y %H:%M:%S",
    "dd/mm/yyyy HH:MM": "%d/%m/%Y %H:%M",
    "dd/mm/yyyy": "%d/%m/%Y",
}
_EXCEL_EPOCH = "DATE '1899-12-30'"
_SERIAL_RANGE = (18264, 73050)  # 1950-01-01 .. 2099-12-31: anything else is not a date here


@dataclass
class Sql:
    """SQL text with its ``?`` parameters, built in order."""

    text: str = ""
    params: list[object] = field(default_factory=list)

    def add(self, text: str, *params: object) -> Sql:
        self.text += text
        self.params.extend(params)
        return self


def _parses(cell: str, name: DateFormat) -> bool:
    try:
        if name in _STRPTIME:
            datetime.strptime(cell, _STRPTIME[name])
        elif name == "iso":
            datetime.fromisoformat(cell)
        else:
            low, high = _SERIAL_RANGE
            return low <= float(cell) <= high
    except ValueError:
        return False
    return True


def rank_date_formats(cells: list[str], allowed: list[DateFormat]) -> list[DateFormat]:
    """``allowed``, the format that parses most of ``cells`` (a sample) first."""
    sample = [cell.strip() for cell in cells if cell.strip()][:500]
    hits = {name: sum(_parses(cell, name) for cell in sample) for name in allowed}
    return sorted(allowed, key=lambda name: -hits[name])


def other_form(cell: str, allowed: Sequence[DateFormat]) -> DateFormat | None:
    """A date format outside ``allowed`` that reads ``cell`` (to say why it was refused)."""
    if any(_parses(cell, name) for name in allowed):
        return None
    return next((name for name in DATE_FORMATS if _parses(cell, name)), None)


def check_date_forms(
    dataset: Dataset,
    sniffed: Sniffed,
    positions: Mapping[str, int],
    formats: Mapping[str, list[DateFormat]],
) -> None:
    """:class:`UserError` when a date column's sample is written in a form the dataset
    does not allow (ISO dates under ``date_formats: [dd/mm/yyyy]``): otherwise every row
    would be set aside as "not a date"."""
    for name, allowed in formats.items():
        cells = [cell.strip() for cell in sniffed.column(positions[name]) if cell.strip()][:200]
        others = [other_form(cell, allowed) for cell in cells]
        if not cells or not all(others):
            continue
        found = others[0]
        header = sniffed.header[positions[name]]
        raise UserError(
            _(
                "{where}: column '{column}' ({field}) holds dates in the form \"{form}\" "
                "(e.g. '{example}'), but dataset '{dataset}' accepts only {forms}"
            ).format(
                where=relative_path(sniffed.path),
                column=clip(header),
                field=name,
                form=found,
                example=clip(cells[0]),
                dataset=dataset.id,
                forms=", ".join(dataset.date_formats),
            ),
            hint=_("add \"{form}\" to date_formats of dataset '{dataset}'").format(
                form=found, dataset=dataset.id
            ),
        )


def _parse_one(cell: str, name: DateFormat) -> str:
    if name in _STRPTIME:
        return f"CAST(try_strptime({cell}, '{_STRPTIME[name]}') AS DATE)"
    if name == "iso":
        return f"CAST(try_cast({cell} AS TIMESTAMP) AS DATE)"
    low, high = _SERIAL_RANGE
    serial = f"floor(try_cast({cell} AS DOUBLE))"
    return (
        f"CASE WHEN {serial} BETWEEN {low} AND {high} "
        f"THEN {_EXCEL_EPOCH} + CAST({serial} AS INTEGER) END"
    )


def date_primary_sql(cell: str, formats: list[DateFormat]) -> str:
    """The date in ``cell`` read with the column's main format only: the fast path."""
    return _parse_one(cell, formats[0])


def date_form_sql(cell: str) -> str:
    """1 dd/mm/yyyy, 2 ISO, 3 Excel serial, 9 none of them (``cell`` trimmed, not empty)."""
    return (
        f"CASE WHEN contains({cell}, '/') THEN 1 WHEN {cell}[5] = '-' THEN 2 "
        f"WHEN try_cast({cell} AS DOUBLE) IS NOT NULL THEN 3 ELSE 9 END"
    )


def date_fallback_sql(cell: str, formats: list[DateFormat]) -> str:
    """The date in a (trimmed) ``cell`` that the main format did not read: every allowed
    format of the cell's form is tried. Runs on the few odd rows only."""
    branches = []
    dmy = [_STRPTIME[name] for name in formats if name in _STRPTIME]
    if dmy:
        patterns = ", ".join(f"'{pattern}'" for pattern in dmy)
        branches.append(
            f"WHEN contains({cell}, '/') THEN CAST(try_strptime({cell}, [{patterns}]) AS DATE)"
        )
    if "iso" in formats:
        branches.append(f"WHEN {cell}[5] = '-' THEN {_parse_one(cell, 'iso')}")
    if "excel" in formats:
        branches.append(
            f"WHEN try_cast({cell} AS DOUBLE) IS NOT NULL THEN {_parse_one(cell, 'excel')}"
        )
    return f"CASE {' '.join(branches)} END" if branches else "CAST(NULL AS DATE)"


def form_of(name: DateFormat) -> int:
    return 1 if name in _STRPTIME else 2 if name == "iso" else 3


def default_mapping(name: str) -> dict[str, object]:
    """What a field accepts without a mapping: its canonical values, in any letter case."""
    kind = DOSSIER_FIELDS[name]
    if kind == "bool":
        words: dict[str, object] = {
            "true": True,
            "false": False,
            "1": True,
            "0": False,
            "yes": True,
            "no": False,
        }
        words.update({"có": True, "không": False, "x": True})
        return words
    if kind == "rating":
        return {str(score): score for score in range(1, 6)}
    if kind == "channel":
        return {channel: channel for channel in CHANNELS}
    return {}


_SQL_TYPE = {"bool": "BOOLEAN", "rating": "TINYINT", "channel": "VARCHAR", "text": "VARCHAR"}


def mapping_sql(name: str, cell: str, declared: Mapping[str, object], *, fold: bool) -> Sql:
    """``cell`` translated through the dataset's mapping, then the built-in words.

    ``fold=False`` is the fast way, for every row: the cell exactly as written against
    the declared keys and the built-in words. ``fold=True`` is the slow way, for the few
    cells the fast way missed: declared keys in either Unicode form (composed or
    decomposed Vietnamese letters), built-in words in any letter case; the caller trims.
    Unknown values give NULL, and the importer keeps the raw text beside it to report them.
    """
    kind = DOSSIER_FIELDS[name]
    sql_type = _SQL_TYPE[kind]
    sql = Sql()
    if kind == "text" and not declared:
        return sql.add(f"NULLIF(trim({cell}), '')")
    pairs: dict[str, object] = {}
    for key, value in declared.items():
        forms = (key.strip(), nfc(key.strip()), _nfd(key.strip())) if fold else (key,)
        for form in forms:
            pairs.setdefault(form, value)
    defaults = default_mapping(name)
    if not fold:
        if not pairs:  # no mapping declared: the built-in words as written
            pairs = dict(defaults)
        defaults = {}
    if not pairs and not defaults:
        return sql.add(f"CAST(NULL AS {sql_type})")
    if pairs:
        sql.add(f"CASE {cell}")
        for key, value in pairs.items():
            sql.add(f" WHEN ? THEN CAST(? AS {sql_type})", key, value)
        sql.add(" ELSE ")
    if defaults:
        sql.add(f"CASE lower({cell})")
        for key, value in defaults.items():
            sql.add(f" WHEN ? THEN CAST(? AS {sql_type})", key, value)
        sql.add(" END")
    else:
        sql.add(f"CAST(NULL AS {sql_type})")
    return sql.add(" END") if pairs else sql


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)
