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
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.loading.write import partial_path

__all__ = ["DELIMITERS", "Sniffed", "decode_all", "nfc", "sniff_csv", "transcode"]

DELIMITERS = (";", ",", "\t", "|")
_BLOCK = 256 * 1024
_NAMES = {"\t": "tab", ";": "';'", ",": "','", "|": "'|'"}
_LABEL = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258",
}


def nfc(text: str) -> str:
    """Vietnamese letters in their composed form (Windows-1258 and macOS decompose them)."""
    return unicodedata.normalize("NFC", text)


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
    """The first rows (from the first block), to rank date formats."""

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


def _choose_delimiter(header: str, declared: str, where: str) -> str:
    counts = {candidate: header.count(candidate) for candidate in DELIMITERS}
    best = max(counts, key=lambda candidate: counts[candidate])
    if declared != "auto":
        if counts[declared] == 0 and counts[best] > 0:
            raise UserError(
                f"{where}: the dataset says the delimiter is {_NAMES[declared]}, but the header "
                f"has none; it is separated by {_NAMES[best]}",
                hint=f'set delimiter: "{best}" on the dataset (or delimiter: auto)'
                if best != "\t"
                else 'set delimiter: "\\t" on the dataset (or delimiter: auto)',
            )
        return declared
    if counts[best] == 0:
        raise UserError(
            f"{where}: cannot tell how columns are separated: the header line has no "
            "';', ',', tab or '|'",
            hint="an export has one header line naming its columns, separated by ';' or ','",
        )
    return best


def sniff_csv(path: Path, encoding: str = "auto", delimiter: str = "auto") -> Sniffed:
    """Encoding, delimiter and header of ``path``; :class:`UserError` when unusable."""
    where = relative_path(path)
    try:
        with path.open("rb") as handle:
            block = handle.read(_BLOCK)
            at_end = not handle.read(1)
    except FileNotFoundError:
        raise UserError(f"{where}: file not found") from None
    except OSError as exc:
        raise UserError(f"{where}: cannot read the file ({exc.strerror})") from None
    if not block.strip(
        b" \t\r\n\x00" + codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + codecs.BOM_UTF16_BE
    ):
        raise UserError(f"{where}: the file is empty", hint="export the dossier list again")
    detected = _detect_encoding(block)
    chosen = detected if encoding == "auto" else encoding
    try:
        text = _decode_block(block, chosen)
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{where}: the file is not valid {_LABEL.get(chosen, chosen)} (byte 0x"
            f"{block[exc.start]:02X} at offset {exc.start}); it looks like "
            f"{_LABEL.get(detected, detected)}",
            hint=f"set encoding: auto (or {detected}) on the dataset",
        ) from None
    text = nfc(text.removeprefix("\ufeff"))
    lines = [line for line in text.splitlines() if line.strip()]
    header_line = lines[0]
    chosen_delimiter = _choose_delimiter(header_line, delimiter, where)
    header = [
        nfc(cell.strip()) for cell in next(csv.reader([header_line], delimiter=chosen_delimiter))
    ]
    if len(lines) < 2 and at_end:
        raise UserError(
            f"{where}: the file has a header but no rows",
            hint="the export holds no dossiers for its dates; export a wider range",
        )
    body = lines[1:] if at_end else lines[1:-1]  # the block may cut its last line
    sample = list(csv.reader(body[:500], delimiter=chosen_delimiter))
    return Sniffed(path, chosen, chosen_delimiter, header, sample)


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
