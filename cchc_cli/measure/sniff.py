"""Looking at an export before reading it: encoding, delimiter, header, emptiness.

Exports come from Windows desktops and web systems alike: UTF-8 with or without a BOM,
UTF-16 (Excel's "Unicode text"), or Windows-1258 (Vietnamese ANSI). Only the first block
of the file is looked at, so this costs the same for ten rows or ten million. Files that
DuckDB cannot read as UTF-8 are transcoded once (:func:`transcode`), into the cache.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.i18n import N_, _
from cchc_cli.i18n.forms import number
from cchc_cli.loading.write import partial_path

__all__ = [
    "DELIMITERS",
    "HEADER_SCAN",
    "Sniffed",
    "clip",
    "decode_all",
    "nfc",
    "sniff_csv",
    "transcode",
]

DELIMITERS = (";", ",", "\t", "|")
_BLOCK = 256 * 1024
_NAMES = {"\t": N_("tab"), ";": "';'", ",": "','", "|": "'|'"}
_LABEL = {
    "utf-8": "UTF-8",
    "utf-8-sig": N_("UTF-8 with BOM"),
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258",
}


def _name(delimiter: str) -> str:
    return _(_NAMES[delimiter])


def _label(encoding: str) -> str:
    return _(_LABEL[encoding]) if encoding in _LABEL else encoding


def _plain_export_hint() -> str:
    return _("check that the file is a plain export (one header line, one row per dossier)")


def clip(text: str, limit: int = 60) -> str:
    """Text from an export, cut for a message (a 100 KB cell must not fill the screen)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def nfc(text: str) -> str:
    """Vietnamese letters in their composed form (Windows-1258 and macOS decompose them)."""
    return unicodedata.normalize("NFC", text)


HEADER_SCAN = 20
"""How many rows (from the top of the file) are looked at for the header row: exports of
the dossier system put a title, the office and the dates above it."""


@dataclass(frozen=True, slots=True)
class Sniffed:
    """How to read one delimited text file."""

    path: Path
    encoding: str
    """A Python codec: ``utf-8``, ``utf-8-sig``, ``utf-16`` or ``cp1258``."""
    delimiter: str
    header: list[str]
    """Column names as written (NFC, trimmed), in file order."""
    sample: list[list[str]]
    """The first rows after the header (from the first block), to rank date formats."""
    header_line: int = 1
    """The header's line in the file (1-based)."""
    skip: int = 0
    """Records before the header (title rows, blank lines): what DuckDB skips."""
    scanned: tuple[int, int] = (1, 1)
    """The lines looked at for the header, to say so when it is not found."""

    def column(self, index: int) -> list[str]:
        return [row[index] for row in self.sample if index < len(row)]

    @property
    def duckdb_ready(self) -> bool:
        """DuckDB reads UTF-8 itself (and skips a UTF-8 BOM); anything else is transcoded."""
        return self.encoding in ("utf-8", "utf-8-sig")


def _detect_encoding(block: bytes) -> str:
    if block.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if block.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if block[1:200:2].count(0) > 50:  # ASCII text in UTF-16-LE without a BOM
        return "utf-16-le"
    try:
        _decode_block(block, "utf-8")
    except UnicodeDecodeError:
        return "cp1258"
    return "utf-8"


def _decode_block(block: bytes, encoding: str) -> str:
    # The block may end inside a multi-byte character: an incremental decoder keeps it.
    return codecs.getincrementaldecoder(encoding)("strict").decode(block, final=False)


def _header_line(lines: list[str], wanted: Sequence[str]) -> tuple[str, str | None]:
    """The line that looks like the header, and the delimiter that makes it one: the
    first line that holds every ``wanted`` name once split; else the first line with
    any delimiter (a title row above has none), with no delimiter decided."""
    for line in lines:
        for candidate in DELIMITERS:
            if candidate in line and _is_header(line.split(candidate), wanted):
                return line, candidate
    return next((line for line in lines if any(c in line for c in DELIMITERS)), lines[0]), None


def _choose_delimiter(lines: list[str], declared: str, where: str, wanted: Sequence[str]) -> str:
    """The delimiter of the header line (cells of later rows may hold any of them)."""
    header, found = _header_line(lines, wanted)
    if declared == "auto" and found is not None:
        return found
    counts = {candidate: header.count(candidate) for candidate in DELIMITERS}
    best = max(counts, key=lambda candidate: counts[candidate])
    if declared != "auto":
        if counts[declared] == 0 and counts[best] > 0:
            raise UserError(
                _(
                    "{where}: the dataset says the delimiter is {declared}, but the header "
                    "has none; it is separated by {found}"
                ).format(where=where, declared=_name(declared), found=_name(best)),
                hint=_('set delimiter: "{delimiter}" on the dataset (or delimiter: auto)').format(
                    delimiter=best if best != "\t" else "\\t"
                ),
            )
        return declared
    if counts[best] == 0:
        raise UserError(
            _(
                "{where}: cannot tell how columns are separated: the header line has no "
                "';', ',', tab or '|'"
            ).format(where=where),
            hint=_("an export has one header line naming its columns, separated by ';' or ','"),
        )
    return best


def _records(text: str, delimiter: str, where: str) -> list[tuple[int, list[str]]]:
    """(first line, cells) of each record of ``text``, quotes respected."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for record in reader:
            found.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        if "field limit" in str(exc):
            message = _(
                "{where}:{line}: cannot read the row ({error}); a cell over {limit} "
                "characters is no export's"
            ).format(where=where, line=line, error=exc, limit=number(csv.field_size_limit()))
        else:
            message = _("{where}:{line}: cannot read the row ({error})").format(
                where=where, line=line, error=exc
            )
        raise UserError(
            message, hint=_("check that the file is a plain export (one row per dossier)")
        ) from None
    return found


def _is_header(cells: list[str], wanted: Sequence[str]) -> bool:
    names = {nfc(cell.strip()).casefold() for cell in cells}
    return bool(wanted) and all(nfc(name.strip()).casefold() in names for name in wanted)


def _header_at(
    records: list[tuple[int, list[str]]], wanted: Sequence[str], header_row: int | None, where: str
) -> tuple[int, tuple[int, int]]:
    """Index of the header record, and the lines looked at."""
    filled = [index for index, (_, cells) in enumerate(records) if any(c.strip() for c in cells)]
    if header_row is not None:
        for index, (line, _cells) in enumerate(records):
            if line == header_row:
                return index, (header_row, header_row)
        raise UserError(
            _("{where}: header_row {row}: no row starts on that line of the file").format(
                where=where, row=header_row
            ),
            hint=_("header_row is the line of the column names, 1 for the first line"),
        )
    scan = filled[:HEADER_SCAN] or [0]
    lines = (records[scan[0]][0], records[scan[-1]][0])
    for index in scan:
        if _is_header(records[index][1], wanted):
            return index, lines
    return scan[0], lines


def sniff_csv(
    path: Path,
    encoding: str = "auto",
    delimiter: str = "auto",
    *,
    wanted: Sequence[str] = (),
    header_row: int | None = None,
) -> Sniffed:
    """Encoding, delimiter and header of ``path``; :class:`UserError` when unusable.

    The header is the first of the top :data:`HEADER_SCAN` rows that holds every name in
    ``wanted`` (else the first row, for the message about the missing column), or the row
    on line ``header_row``.
    """
    where = relative_path(path)
    try:
        with path.open("rb") as handle:
            block = handle.read(_BLOCK)
            at_end = not handle.read(1)
    except FileNotFoundError:
        raise UserError(_("{where}: file not found").format(where=where)) from None
    except OSError as exc:
        raise UserError(
            _("{where}: cannot read the file ({error})").format(where=where, error=exc.strerror)
        ) from None
    if not block.strip(
        b" \t\r\n\x00" + codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + codecs.BOM_UTF16_BE
    ):
        raise UserError(
            _("{where}: the file is empty").format(where=where),
            hint=_("export the dossier list again"),
        )
    detected = _detect_encoding(block)
    chosen = detected if encoding == "auto" else encoding
    try:
        text = _decode_block(block, chosen)
    except UnicodeDecodeError as exc:
        raise UserError(
            _(
                "{where}: the file is not valid {encoding} (byte 0x{byte} at offset "
                "{offset}); it looks like {detected}"
            ).format(
                where=where,
                encoding=_label(chosen),
                byte=f"{block[exc.start]:02X}",
                offset=exc.start,
                detected=_label(detected),
            ),
            hint=_("set encoding: auto (or {encoding}) on the dataset").format(encoding=detected),
        ) from None
    text = nfc(text.removeprefix("\ufeff"))
    if not at_end:  # the block may cut its last line
        cut = max(text.rfind("\n"), text.rfind("\r"))
        if cut < 0:
            raise UserError(
                _(
                    "{where}: the first {size} KiB of the file hold no line break: "
                    "not an export with one row per line"
                ).format(where=where, size=_BLOCK >> 10),
                hint=_plain_export_hint(),
            )
        text = text[: cut + 1]
    top = [line for line in text.splitlines() if line.strip()][:HEADER_SCAN]
    if not top:
        raise UserError(
            _("{where}: the first {size} KiB of the file hold no complete line").format(
                where=where, size=_BLOCK >> 10
            ),
            hint=_plain_export_hint(),
        )
    chosen_delimiter = _choose_delimiter(top, delimiter, where, wanted)
    records = _records(text, chosen_delimiter, where)
    if not at_end and len(records) > 1:
        records.pop()  # may end inside a quoted cell that goes on in the next block
    index, scanned = _header_at(records, wanted, header_row, where)
    line, cells = records[index]
    header = [nfc(cell.strip()) for cell in cells]
    body = [cells for _, cells in records[index + 1 :] if any(c.strip() for c in cells)]
    if not body and at_end:
        raise UserError(
            _("{where}: the file has a header but no rows").format(where=where),
            hint=_("the export holds no dossiers for its dates; export a wider range"),
        )
    return Sniffed(path, chosen, chosen_delimiter, header, body[:500], line, index, scanned)


def transcode(sniffed: Sniffed, target: Path) -> Path:
    """Write ``sniffed.path`` as UTF-8 (NFC) at ``target``, streaming, and return it."""
    tmp = partial_path(target)
    with (
        sniffed.path.open("r", encoding=sniffed.encoding, newline="") as source,
        tmp.open("w", encoding="utf-8", newline="") as sink,
    ):
        while True:
            chunk = source.readlines(1 << 20)
            if not chunk:
                break
            sink.write(nfc("".join(chunk)).removeprefix("\ufeff"))
    tmp.replace(target)
    return target


def decode_all(path: Path, encoding: str) -> io.StringIO:
    """A small file, whole, as text (measurement sheets)."""
    return io.StringIO(nfc(path.read_bytes().decode(encoding)).removeprefix("\ufeff"))
