"""Looking inside a workbook before a reader builds it in memory.

A spreadsheet reader allocates the whole used area of a sheet: a 1.6 KB file with one
cell at XFD1048576 asks for 17 billion cells, and a zip bomb inflates a few kilobytes
into gigabytes. Both abort the process (the allocation fails) instead of raising an
error. So before python-calamine sees a zipped workbook (XLSX, XLSM, XLSB, ODS), every
member is inflated here, as a stream and without keeping it, against fixed budgets:

* :data:`MAX_UNCOMPRESSED` bytes in all, whatever the sizes the archive declares;
* a member over 1 MiB may not inflate more than :data:`MAX_RATIO` times;
* a worksheet's declared dimension and its cell references may not span more than
  :data:`MAX_CELLS` cells (rows × columns), nor more rows or columns than Excel has.

Real exports stay far below: 100,000 dossiers in 14 columns are about 60 MB of XML that
compress ten times. An old binary ``.xls`` (not a zip) may not exceed
:data:`MAX_XLS_BYTES` on disk.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.i18n import _
from cchc_cli.i18n.forms import number

__all__ = ["MAX_CELLS", "MAX_RATIO", "MAX_UNCOMPRESSED", "check_workbook"]

MAX_UNCOMPRESSED = 1 << 30
"""1 GiB of inflated XML in all."""
MAX_RATIO = 200
MAX_CELLS = 30_000_000
"""About 2 million dossiers of 14 columns."""
MAX_XLS_BYTES = 200 << 20
_EXCEL_ROWS, _EXCEL_COLUMNS = 1_048_576, 16_384
_CHUNK = 1 << 20
_SMALL = 1 << 20
_REF = re.compile(rb'<(?:\w+:)?(?:c|row)\b[^>]*?\sr="\$?([A-Z]{0,3})\$?(\d{1,9})"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\sref="([^"]*)"')
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,9})$")


def _column_number(letters: bytes | str) -> int:
    number = 0
    for char in letters if isinstance(letters, str) else letters.decode("ascii"):
        number = number * 26 + ord(char) - 64
    return number


class _Extent:
    """The largest row and column a sheet mentions."""

    def __init__(self, where: str, member: str) -> None:
        self.where, self.member = where, member
        self.rows = self.columns = 0

    def see(self, column: int, row: int) -> None:
        self.rows, self.columns = max(self.rows, row), max(self.columns, column)
        if (
            self.rows > _EXCEL_ROWS
            or self.columns > _EXCEL_COLUMNS
            or self.rows * max(self.columns, 1) > MAX_CELLS
        ):
            raise UserError(
                _(
                    "{where}: sheet {member} spans {rows} rows × {columns} columns (a cell "
                    "far from the data, or a forged size); cchc reads sheets of at most "
                    "{cells} cells"
                ).format(
                    where=self.where,
                    member=self.member,
                    rows=number(self.rows),
                    columns=number(max(self.columns, 1)),
                    cells=number(MAX_CELLS),
                ),
                hint=_(
                    "copy the table alone into a new workbook (or save it as CSV) and export again"
                ),
            )

    def scan(self, data: bytes) -> None:
        for match in _DIMENSION.finditer(data):
            for corner in match.group(1).decode("ascii", "replace").split(":"):
                cell = _CELL.match(corner.strip())
                if cell is not None:
                    self.see(_column_number(cell.group(1)), int(cell.group(2)))
        for match in _REF.finditer(data):
            self.see(_column_number(match.group(1)) if match.group(1) else 0, int(match.group(2)))


def _refuse(where: str, why: str) -> UserError:
    return UserError(
        _("{where}: refused: {why}; the file looks like a zip bomb or a damaged workbook").format(
            where=where, why=why
        ),
        hint=_("export the workbook again, or save the sheet as CSV"),
    )


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, where: str) -> int:
    """Inflate one member as a stream; its real size (at most ``budget`` bytes)."""
    extent = _Extent(where, info.filename) if info.filename.endswith(".xml") else None
    size, tail = 0, b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > budget:
                raise _refuse(
                    where,
                    _("it inflates to more than {size} MiB").format(
                        size=number(MAX_UNCOMPRESSED >> 20)
                    ),
                )
            if size > _SMALL and size > MAX_RATIO * max(info.compress_size, 1):
                raise _refuse(
                    where,
                    _(
                        "member {member} inflates more than {ratio} times ({size} bytes packed)"
                    ).format(
                        member=info.filename, ratio=MAX_RATIO, size=number(info.compress_size)
                    ),
                )
            if extent is not None and "sheet" in info.filename.lower():
                extent.scan(tail + chunk)
                tail = chunk[-256:]
    return size


def check_workbook(source: Path) -> None:
    """:class:`UserError` (exit 2, naming the file) when reading ``source`` is unsafe."""
    where = relative_path(source)
    try:
        if not zipfile.is_zipfile(source):
            if source.stat().st_size > MAX_XLS_BYTES:
                raise UserError(
                    _("{where}: the workbook is larger than {size} MB").format(
                        where=where, size=MAX_XLS_BYTES >> 20
                    ),
                    hint=_("save the sheet as CSV (cchc reads CSV of any size)"),
                )
            return
        with zipfile.ZipFile(source) as archive:
            budget = MAX_UNCOMPRESSED
            for info in archive.infolist():
                if info.is_dir():
                    continue
                budget -= _inflate(archive, info, budget, where)
    except UserError:
        raise
    except FileNotFoundError:
        raise UserError(_("{where}: file not found").format(where=where)) from None
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise UserError(
            _("{where}: not a readable spreadsheet ({error})").format(where=where, error=exc)
        ) from None
