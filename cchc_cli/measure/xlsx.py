"""XLSX exports, read with python-calamine (a Rust reader: fast, no formulas executed),
written once as a UTF-8 CSV into the cache so that the one import path serves both.

The CSV keeps the sheet's geometry: line N is row N of the sheet (an empty row is an
empty line, a line break inside a cell becomes a space), so a problem is reported at
the row Excel shows. Date cells (real dates, whatever their display format) are written
as ISO dates, which the importer always accepts from a workbook; numbers stay numbers,
so a date kept as a serial number (45292) is read only when ``date_formats`` allows
``excel``. The workbook is checked first (:mod:`xlsx_guard`): sizes, ratios, extent."""

from __future__ import annotations

import csv
import math
from datetime import date, datetime, time, timedelta
from pathlib import Path

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.i18n import _
from cchc_cli.loading.write import partial_path

__all__ = ["XLSX_SUFFIXES", "xlsx_to_csv"]

XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, time | timedelta):
        return str(value)
    return " ".join(str(value).splitlines())


def xlsx_to_csv(source: Path, target: Path, sheet: str | None) -> Path:
    """Write the sheet (by name, else the first) of ``source`` as CSV at ``target``."""
    from python_calamine import CalamineWorkbook

    from cchc_cli.measure.xlsx_guard import check_workbook

    where = relative_path(source)
    check_workbook(source)
    try:
        workbook = CalamineWorkbook.from_path(str(source))
    except FileNotFoundError:
        raise UserError(_("{where}: file not found").format(where=where)) from None
    except Exception as exc:  # calamine raises its own error types
        raise UserError(
            _("{where}: not a readable spreadsheet ({error})").format(where=where, error=exc)
        ) from None
    names = workbook.sheet_names
    if sheet is not None and sheet not in names:
        from cchc_cli.suggest import did_you_mean

        raise UserError(
            _("{where}: no sheet '{sheet}'{suggestion}; sheets: {sheets}").format(
                where=where,
                sheet=sheet,
                suggestion=did_you_mean(sheet, names),
                sheets=", ".join(names),
            )
        )
    data = workbook.get_sheet_by_name(sheet or names[0])
    tmp = partial_path(target)
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=",", lineterminator="\n")
        for row in data.iter_rows():
            cells = [_cell(value) for value in row]
            if any(cells):
                writer.writerow(cells)
            else:
                handle.write("\n")
    tmp.replace(target)
    return target
