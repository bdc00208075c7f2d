"""From a row of an imported export back to its line in the file.

DuckDB numbers the rows it reads (``file_row_number``, from 0 after the header). A row
is one line unless a quoted cell spans lines, and DuckDB skips empty lines; title rows
above the header shift everything down. When the file's line count says every row is
one line (the usual case, checked by counting line breaks, which costs a read of the
file) the line is plain arithmetic; otherwise the file is read again with Python's CSV
reader up to the last row asked for. Only rows that are reported go through here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from cchc_cli.measure.sniff import Sniffed

__all__ = ["line_numbers"]

_CHUNK = 1 << 20


def _physical_lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def line_numbers(
    text: Path, sniffed: Sniffed, rows: Iterable[int], total_rows: int
) -> dict[int, int]:
    """Row number (0-based, as DuckDB counts) → first line of that row in ``text``."""
    wanted = sorted(set(rows))
    if not wanted:
        return {}
    first = sniffed.header_line + 1
    if _physical_lines(text) == sniffed.header_line + total_rows:
        return {row: first + row for row in wanted}
    found: dict[int, int] = {}
    with text.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=sniffed.delimiter)
        line, index, row = 1, 0, -1
        try:
            for record in reader:
                if index > sniffed.skip and record:
                    row += 1
                    if row == wanted[len(found)]:
                        found[row] = line
                        if len(found) == len(wanted):
                            break
                index += 1
                line = reader.line_num + 1
        except csv.Error:  # a cell DuckDB read but Python's reader will not: best effort
            pass
    return found | {row: first + row for row in wanted if row not in found}
