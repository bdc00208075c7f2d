"""From a dataset's files to canonical Parquet in the cache, one file at a time.

For each file: find it (globs relative to the plan directory, never outside it), look
at it (:mod:`sniff`), match its header against the dataset's column mapping, then let
DuckDB parse it in one streaming pass into the canonical columns — dates parsed, words
mapped, each row's problem (if any) noted — and write Parquet. A file already imported
with the same content and settings is not parsed again.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.i18n import _
from cchc_cli.loading.write import partial_path, write_text_atomic
from cchc_cli.measure.cache import Cache, digest_of
from cchc_cli.measure.convert import (
    Sql,
    check_date_forms,
    date_fallback_sql,
    date_form_sql,
    date_primary_sql,
    mapping_sql,
    rank_date_formats,
)
from cchc_cli.measure.engine import run
from cchc_cli.measure.fields import (
    DATE_FIELDS,
    DOSSIER_FIELDS,
    MEASUREMENT_FIELDS,
    REQUIRED_DOSSIER_FIELDS,
    REQUIRED_MEASUREMENT_FIELDS,
)
from cchc_cli.measure.sniff import Sniffed, clip, nfc, sniff_csv, transcode
from cchc_cli.measure.xlsx import XLSX_SUFFIXES, xlsx_to_csv
from cchc_cli.model.datasets import Dataset, DateFormat
from cchc_cli.suggest import did_you_mean

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "STORED",
    "UNMAPPED_SEP",
    "ImportedFile",
    "PreparedFile",
    "import_file",
    "odd_form_of",
    "prepare_file",
    "resolve_files",
    "sniff_dataset_file",
    "wanted_headers",
]

_MAPPED = tuple(name for name in DOSSIER_FIELDS if name not in DATE_FIELDS)


def resolve_files(dataset: Dataset, plan_dir: Path, override: list[Path] | None) -> list[Path]:
    """The dataset's files in a stable order: ``--data`` paths, else its globs."""
    if override:
        for path in override:
            if not path.is_file():
                raise UserError(
                    _("{where}: file not found (--data)").format(where=relative_path(path))
                )
        return list(override)
    root = plan_dir.resolve()
    found: list[Path] = []
    for pattern in dataset.files:
        if any(char in pattern for char in "*?["):
            matches = sorted(path for path in plan_dir.glob(pattern) if path.is_file())
            if not matches:
                raise UserError(
                    _("dataset '{dataset}': '{pattern}' matches no file in {directory}").format(
                        dataset=dataset.id, pattern=pattern, directory=relative_path(plan_dir)
                    ),
                    hint=_("check the pattern, or put the exports where it points"),
                )
        else:
            matches = [plan_dir / pattern]
            if not matches[0].is_file():
                raise UserError(
                    _("dataset '{dataset}': file not found: {path}").format(
                        dataset=dataset.id, path=relative_path(matches[0])
                    ),
                    hint=_(
                        "check the path in the dataset's 'files' (relative to the plan directory)"
                    ),
                )
        for path in matches:
            if not path.resolve().is_relative_to(root):
                raise UserError(
                    _(
                        "dataset '{dataset}': {path} leads outside the plan directory (a "
                        "link?); dataset files stay inside it"
                    ).format(dataset=dataset.id, path=relative_path(path))
                )
            if path not in found:
                found.append(path)
    return found


@dataclass(frozen=True, slots=True)
class PreparedFile:
    """A source file made ready for DuckDB: UTF-8 text, its layout, its cache name."""

    source: Path
    text: Path
    """What DuckDB reads: the source itself, or a UTF-8 copy in the cache."""
    sniffed: Sniffed
    parquet: Path | None
    """The cached Parquet file; None while the export's content hash is not known yet (a
    new export: :func:`import_file` hashes it while DuckDB parses it)."""
    positions: dict[str, int]
    """Canonical field → 0-based column position in the file (absent fields left out)."""
    date_formats: dict[str, list[DateFormat]]
    """Per date field, the allowed formats, the one the file mostly uses first."""
    settings: str = ""
    """Digest of how the file is read (mappings, formats, layout): half of the cache name."""


def wanted_headers(dataset: Dataset) -> list[str]:
    """The headers of the required columns, as the dataset maps them: what makes a row
    the header row."""
    required = (
        REQUIRED_DOSSIER_FIELDS if dataset.kind == "dossiers" else REQUIRED_MEASUREMENT_FIELDS
    )
    return [getattr(dataset.columns, field) or field for field in required]


def sniff_dataset_file(dataset: Dataset, source: Path, cache: Cache | None) -> tuple[Sniffed, Path]:
    """Sniff one file of ``dataset`` (an XLSX one through its CSV copy in ``cache``)."""
    wanted = wanted_headers(dataset)
    if source.suffix.lower() in XLSX_SUFFIXES:
        if cache is None:
            raise UserError(
                _("{where}: a workbook is read by cchc kpi only").format(
                    where=relative_path(source)
                )
            )
        if not source.is_file():
            raise UserError(_("{where}: file not found").format(where=relative_path(source)))
        text = cache.path(cache.content_hash(source), digest_of(["xlsx", dataset.sheet]), ".csv")
        if not text.exists():
            xlsx_to_csv(source, text, dataset.sheet)
        sniffed = sniff_csv(text, "utf-8", ",", wanted=wanted, header_row=dataset.header_row)
        return replace(sniffed, path=source), text
    sniffed = sniff_csv(
        source, dataset.encoding, dataset.delimiter, wanted=wanted, header_row=dataset.header_row
    )
    return sniffed, source


def prepare_file(dataset: Dataset, source: Path, cache: Cache) -> PreparedFile:
    """Sniff, convert if needed, and check the header of one file of ``dataset``."""
    sniffed, text = sniff_dataset_file(dataset, source, cache)
    if text == source and not sniffed.duckdb_ready:
        text = cache.path(cache.content_hash(source), digest_of(["utf8", sniffed.encoding]), ".csv")
        if not text.exists():
            transcode(sniffed, text)
    positions = match_columns(dataset, sniffed)
    allowed = list(dataset.date_formats)
    if text != source and source.suffix.lower() in XLSX_SUFFIXES and "iso" not in allowed:
        allowed.append("iso")  # the workbook's date cells, written as ISO dates by xlsx.py
    formats = {
        field: rank_date_formats(sniffed.column(positions[field]), allowed)
        for field in DATE_FIELDS
        if field in positions
    }
    check_date_forms(dataset, sniffed, positions, formats)
    settings = digest_of(
        [
            dataset.model_dump(mode="json", include={"values"}),
            formats,
            sniffed.delimiter,
            sorted(positions.items()),
            len(sniffed.header),
            sniffed.skip,
        ]
    )
    content = cache.known_hash(source)
    parquet = None if content is None else cache.path(content, settings, ".parquet")
    return PreparedFile(source, text, sniffed, parquet, positions, formats, settings)


def match_columns(dataset: Dataset, sniffed: Sniffed) -> dict[str, int]:
    """Where each canonical field is in the header; a missing required one is an error."""
    fields = DOSSIER_FIELDS if dataset.kind == "dossiers" else MEASUREMENT_FIELDS
    required = (
        REQUIRED_DOSSIER_FIELDS if dataset.kind == "dossiers" else REQUIRED_MEASUREMENT_FIELDS
    )
    header = sniffed.header
    exact = {name: index for index, name in reversed(list(enumerate(header)))}
    folded = {name.casefold(): index for name, index in exact.items()}
    positions: dict[str, int] = {}
    for field in fields:
        declared = getattr(dataset.columns, field)
        wanted = nfc(declared.strip()) if declared else field
        index = exact.get(wanted, folded.get(wanted.casefold()))
        if index is not None:
            positions[field] = index
        elif declared is not None or field in required:
            where = relative_path(sniffed.path)
            what = (
                _("'{column}' (for {field})").format(column=wanted, field=field)
                if declared
                else f"'{field}'"
            )
            first, last = sniffed.scanned
            looked = (
                _(
                    "the header row was looked for in lines {first}-{last}, and line "
                    "{line} was taken"
                ).format(first=first, last=last, line=sniffed.header_line)
                if first != last
                else _("header on line {line}").format(line=sniffed.header_line)
            )
            raise UserError(
                _(
                    "{where}: no column {what}{suggestion}; columns found: {columns} "
                    "({looked}; set header_row: N on the dataset if the names are on "
                    "another line)"
                ).format(
                    where=where,
                    what=what,
                    suggestion=did_you_mean(wanted, header),
                    columns=clip(", ".join(header), 300),
                    looked=looked,
                ),
                hint=_(
                    "map the export's header under columns: {field}: \"…\" in dataset '{dataset}'"
                ).format(field=field, dataset=dataset.id),
            )
    return positions


STORED = (
    "dossier_key",
    "procedure_code",
    "unit",
    *DATE_FIELDS,
    "channel",
    "fee_required",
    "paid_online",
    "digitized",
    "rating",
    "problem",
    "problem_value",
    "odd_forms",
    "unmapped",
)
"""The columns kept in Parquet, all of them short: few columns keep DuckDB's ordered
write within its memory budget, and on both cores. The dossier number is kept as a
64-bit hash (``dossier_key``): it serves only to find duplicates, and a text column of
ten million unique numbers would cost as much to write as all the others together. The
procedure *name* is not kept per row either (a long text repeated ten million times):
:func:`procedure_names` reads code → name from the export when a view asks for it. What
hygiene needs of the rare odd cells is folded into two columns, empty on a clean row:
``odd_forms`` (the form of each date the main format did not read, 4 bits per date
field, see :func:`odd_form_of`) and ``unmapped`` (field and raw text of every value no
mapping covers, see :data:`UNMAPPED_SEP`)."""

UNMAPPED_SEP = ("\x1e", "\x1f")
"""Separators in ``unmapped``: between fields, and between a field's name and its text."""


def odd_form_of(field: str) -> str:
    """SQL: the form (1-3, 9; 0 = read by the main format) of ``field``'s odd date cell."""
    shift = 4 * DATE_FIELDS.index(field)
    return f"((odd_forms >> {shift}) & 15)"


def _raw(positions: dict[str, int], field: str) -> str:
    index = positions.get(field)
    return "CAST(NULL AS VARCHAR)" if index is None else f"c{index}"


def _read_csv(prepared: PreparedFile) -> Sql:
    """``read_csv`` of the prepared file, every column as text under our own names."""
    names = [f"c{index}" for index in range(len(prepared.sniffed.header))]
    columns = ", ".join(f"'{name}': 'VARCHAR'" for name in names)  # our own names
    return Sql(
        f"read_csv(?, delim = ?, header = true, skip = ?, columns = {{{columns}}}, "
        "quote = '\"', escape = '\"', auto_detect = false)",
        [str(prepared.text.resolve()), prepared.sniffed.delimiter, prepared.sniffed.skip],
    )


def _filled(cell: str) -> str:
    """SQL: the cell holds more than blanks (the cheap NULL test first: empty cells are NULL)."""
    return f"{cell} IS NOT NULL AND trim({cell}) <> ''"


def import_sql(dataset: Dataset, prepared: PreparedFile, target: Path) -> Sql:
    """COPY (the canonical rows of one file) TO its Parquet file, as SQL and parameters.

    Two layers. The inner one reads every cell the fast way — a date with its column's
    main format, a word through the mapping as written — and keeps the raw cells. The
    outer one takes the slow way (trimming, other formats, letter case) only for the few
    cells the fast way left empty, then notes each row's problem and the raw text of
    values no mapping covers. Rows keep the file's order, so a Parquet row number is a
    line of the export.
    """
    positions = prepared.positions
    mapped = [name for name in _MAPPED if name not in ("dossier_id", "procedure_name")]
    raw_kept = [name for name in mapped if DOSSIER_FIELDS[name] != "text" or name in dataset.values]
    formats = {
        field: prepared.date_formats.get(field, list(dataset.date_formats)) for field in DATE_FIELDS
    }
    sql = Sql("COPY (SELECT CASE WHEN c_id <> '' THEN hash(c_id) END AS dossier_key")
    for field in DATE_FIELDS:
        cell = f"{field}_c"
        odd = f"{field}_f IS NULL AND {_filled(cell)}"
        sql.add(
            f", CASE WHEN {odd} THEN {date_fallback_sql(f'trim({cell})', formats[field])} "
            f"ELSE {field}_f END AS {field}"
        )
    for field in mapped:
        cell = f"{field}_c"
        slow = mapping_sql(field, f"trim({cell})", dataset.values.get(field, {}), fold=True)
        sql.add(f", CASE WHEN {field}_f IS NULL AND {_filled(cell)} THEN ")
        sql.add(slow.text, *slow.params).add(f" ELSE {field}_f END AS {field}")
    sql.add(
        ", CASE WHEN dossier_key IS NULL THEN 1 WHEN received_at IS NULL THEN 2 "
        "WHEN due_at IS NULL THEN 3 WHEN resolved_at IS NULL AND resolved_at_c IS NOT NULL "
        "AND trim(resolved_at_c) <> '' "
        "THEN 4 WHEN resolved_at < received_at THEN 5 ELSE 0 END::UTINYINT AS problem"
        ", CASE WHEN dossier_key IS NULL THEN NULL WHEN received_at IS NULL THEN received_at_c "
        "WHEN due_at IS NULL THEN due_at_c WHEN resolved_at IS NULL OR resolved_at < received_at "
        "THEN resolved_at_c END AS problem_value"
    )
    forms = [
        f"((CASE WHEN {field}_f IS NULL AND {_filled(f'{field}_c')} "
        f"THEN {date_form_sql(f'trim({field}_c)')} ELSE 0 END) << {4 * index})"
        for index, field in enumerate(DATE_FIELDS)
    ]
    sql.add(f", NULLIF({' | '.join(forms)}, 0)::USMALLINT AS odd_forms")
    between, inside = UNMAPPED_SEP
    unmapped = [
        f"CASE WHEN {field} IS NULL AND {_filled(f'{field}_c')} "
        f"THEN '{field}{inside}' || trim({field}_c) END"
        for field in raw_kept
    ]
    if unmapped:
        sql.add(f", NULLIF(concat_ws('{between}', {', '.join(unmapped)}), '') AS unmapped")
    else:
        sql.add(", CAST(NULL AS VARCHAR) AS unmapped")
    # inner layer: the fast way
    sql.add(" FROM (SELECT trim(" + _raw(positions, "dossier_id") + ") AS c_id")
    for field in DATE_FIELDS:
        cell = _raw(positions, field)
        sql.add(f", {cell} AS {field}_c, {date_primary_sql(cell, formats[field])} AS {field}_f")
    for field in mapped:
        cell = _raw(positions, field)
        fast = mapping_sql(field, cell, dataset.values.get(field, {}), fold=False)
        sql.add(f", {cell} AS {field}_c, ").add(fast.text, *fast.params).add(f" AS {field}_f")
    source = _read_csv(prepared)
    sql.add(" FROM ").add(source.text, *source.params).add(")) TO ")
    quoted = str(target).replace("'", "''")
    return sql.add(f"'{quoted}' (FORMAT parquet, COMPRESSION snappy)")


def procedure_names(con: duckdb.DuckDBPyConnection, prepared: PreparedFile) -> dict[str, str]:
    """Procedure code → name, read from the export once and then kept beside its Parquet."""
    if "procedure_code" not in prepared.positions or "procedure_name" not in prepared.positions:
        return {}
    if prepared.parquet is None:
        raise ValueError("procedure_names() of a file not imported yet")
    kept = prepared.parquet.with_suffix(".names.json")
    if kept.exists():
        names: dict[str, str] = json.loads(kept.read_text(encoding="utf-8"))
        return names
    source = _read_csv(prepared)
    code = _raw(prepared.positions, "procedure_code")
    name = _raw(prepared.positions, "procedure_name")
    rows = run(
        con,
        f"SELECT trim({code}), any_value(trim({name})) FROM {source.text} "
        f"WHERE trim({code}) <> '' GROUP BY ALL",
        source.params,
        label=_("reading procedure names of {file}").format(file=relative_path(prepared.source)),
    )
    names = {str(code_): str(name_) for code_, name_ in rows if name_}
    write_text_atomic(kept, json.dumps(names, ensure_ascii=False))
    return names


@dataclass(frozen=True, slots=True)
class ImportedFile:
    source: Path
    parquet: Path
    cached: bool


def import_file(
    con: duckdb.DuckDBPyConnection, dataset: Dataset, prepared: PreparedFile, cache: Cache
) -> tuple[PreparedFile, ImportedFile]:
    """Parse ``prepared`` into its Parquet file unless the cache already holds it.

    A file whose content hash is not known yet is hashed in a second thread while DuckDB
    parses it into a temporary file, which then takes its name (or is dropped, when the
    same content was imported before under another path). Returns ``prepared`` with its
    Parquet file named."""
    if prepared.parquet is not None and prepared.parquet.exists():
        with contextlib.suppress(OSError):
            # Used from now on: another run's eviction (least recently used first, or
            # unused for a month) must not take it while this run reads it.
            os.utime(prepared.parquet)
        return prepared, ImportedFile(prepared.source, prepared.parquet, cached=True)
    label = _("importing {file}").format(file=relative_path(prepared.source))
    if prepared.parquet is not None:
        sql = import_sql(dataset, prepared, partial_path(prepared.parquet))
        run(con, sql.text, sql.params, label=label)
        partial_path(prepared.parquet).replace(prepared.parquet)
        return prepared, ImportedFile(prepared.source, prepared.parquet, cached=False)
    digest: dict[str, str | BaseException] = {}

    def hash_source() -> None:
        try:
            digest["content"] = cache.content_hash(prepared.source)
        except BaseException as exc:  # re-raised in the caller's thread
            digest["error"] = exc

    hasher = threading.Thread(target=hash_source, daemon=True)
    hasher.start()
    temporary = cache.temp_dir / f"import-{uuid.uuid4().hex}.parquet"
    try:
        sql = import_sql(dataset, prepared, temporary)
        run(con, sql.text, sql.params, label=label)
        hasher.join()
        error = digest.get("error")
        if isinstance(error, BaseException):
            raise error
        parquet = cache.path(str(digest["content"]), prepared.settings, ".parquet")
        if parquet.exists():
            temporary.unlink()
        else:
            temporary.replace(parquet)
    finally:
        hasher.join()
        temporary.unlink(missing_ok=True)
    named = replace(prepared, parquet=parquet)
    return named, ImportedFile(prepared.source, parquet, cached=False)
