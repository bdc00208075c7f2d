"""From a dataset's files to canonical Parquet in the cache, one file at a time.

For each file: find it (globs relative to the plan directory, never outside it), look
at it (:mod:`sniff`), match its header against the dataset's column mapping, then let
DuckDB parse it in one streaming pass into the canonical columns — dates parsed, words
mapped, each row's problem (if any) noted — and write Parquet. A file already imported
with the same content and settings is not parsed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.measure.cache import Cache, digest_of
from cchc_cli.measure.convert import (
    Sql,
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
from cchc_cli.measure.sniff import Sniffed, nfc, sniff_csv, transcode
from cchc_cli.measure.xlsx import XLSX_SUFFIXES, xlsx_to_csv
from cchc_cli.model.datasets import Dataset, DateFormat
from cchc_cli.suggest import did_you_mean

if TYPE_CHECKING:
    import duckdb

__all__ = ["ImportedFile", "PreparedFile", "import_file", "prepare_file", "resolve_files"]

_MAPPED = tuple(name for name in DOSSIER_FIELDS if name not in DATE_FIELDS)


def resolve_files(dataset: Dataset, plan_dir: Path, override: list[Path] | None) -> list[Path]:
    """The dataset's files in a stable order: ``--data`` paths, else its globs."""
    if override:
        for path in override:
            if not path.is_file():
                raise UserError(f"{relative_path(path)}: file not found (--data)")
        return list(override)
    root = plan_dir.resolve()
    found: list[Path] = []
    for pattern in dataset.files:
        if any(char in pattern for char in "*?["):
            matches = sorted(path for path in plan_dir.glob(pattern) if path.is_file())
            if not matches:
                raise UserError(
                    f"dataset '{dataset.id}': '{pattern}' matches no file in "
                    f"{relative_path(plan_dir)}",
                    hint="check the pattern, or put the exports where it points",
                )
        else:
            matches = [plan_dir / pattern]
            if not matches[0].is_file():
                raise UserError(
                    f"dataset '{dataset.id}': file not found: {relative_path(matches[0])}",
                    hint="check the path in the dataset's 'files' (relative to the plan directory)",
                )
        for path in matches:
            if not path.resolve().is_relative_to(root):
                raise UserError(
                    f"dataset '{dataset.id}': {relative_path(path)} leads outside the plan "
                    "directory (a link?); dataset files stay inside it"
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
    parquet: Path
    positions: dict[str, int]
    """Canonical field → 0-based column position in the file (absent fields left out)."""
    date_formats: dict[str, list[DateFormat]]
    """Per date field, the allowed formats, the one the file mostly uses first."""


def prepare_file(dataset: Dataset, source: Path, cache: Cache) -> PreparedFile:
    """Sniff, convert if needed, and check the header of one file of ``dataset``."""
    content = cache.content_hash(source) if source.is_file() else ""
    text = source
    if source.suffix.lower() in XLSX_SUFFIXES:
        if not source.is_file():
            raise UserError(f"{relative_path(source)}: file not found")
        text = cache.path(content, digest_of(["xlsx", dataset.sheet]), ".csv")
        if not text.exists():
            xlsx_to_csv(source, text, dataset.sheet)
        sniffed = sniff_csv(text, "utf-8", ",")
        sniffed = Sniffed(
            source, sniffed.encoding, sniffed.delimiter, sniffed.header, sniffed.sample
        )
    else:
        sniffed = sniff_csv(source, dataset.encoding, dataset.delimiter)
        if not sniffed.duckdb_ready:
            text = cache.path(content, digest_of(["utf8", sniffed.encoding]), ".csv")
            if not text.exists():
                transcode(sniffed, text)
    positions = match_columns(dataset, sniffed)
    formats = {
        field: rank_date_formats(sniffed.column(positions[field]), list(dataset.date_formats))
        for field in DATE_FIELDS
        if field in positions
    }
    settings = digest_of(
        [
            dataset.model_dump(mode="json", include={"values"}),
            formats,
            sniffed.delimiter,
            sorted(positions.items()),
            len(sniffed.header),
        ]
    )
    parquet = cache.path(content, settings, ".parquet")
    return PreparedFile(source, text, sniffed, parquet, positions, formats)


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
            what = f"'{wanted}' (for {field})" if declared else f"'{field}'"
            raise UserError(
                f"{where}: no column {what}{did_you_mean(wanted, header)}; "
                f"columns found: {', '.join(header)}",
                hint=f'map the export\'s header under columns: {field}: "…" in dataset '
                f"'{dataset.id}'",
            )
    return positions


STORED = (
    "dossier_key",
    "procedure_code",
    "procedure_name",
    "unit",
    *DATE_FIELDS,
    "channel",
    "fee_required",
    "paid_online",
    "digitized",
    "rating",
)
"""The canonical columns kept in Parquet. The dossier number is kept as a 64-bit hash
(``dossier_key``): it serves only to find duplicates, and a text column of ten million
unique numbers would cost as much to write as all the others together."""


def _raw(positions: dict[str, int], field: str) -> str:
    index = positions.get(field)
    return "CAST(NULL AS VARCHAR)" if index is None else f"c{index}"


def import_sql(dataset: Dataset, prepared: PreparedFile) -> Sql:
    """COPY (the canonical rows of one file) TO its Parquet file, as SQL and parameters.

    Four layers, innermost first: the file's cells as text; each date read with its
    column's main format (the fast path); then odd dates, value mappings and the
    dossier key; last, each row's problem and the raw text of unmapped values.
    """
    positions = prepared.positions
    mapped = [name for name in _MAPPED if name != "dossier_id"]
    raw_kept = [name for name in mapped if DOSSIER_FIELDS[name] != "text" or name in dataset.values]
    sql = Sql("COPY (SELECT " + ", ".join(STORED))
    sql.add(
        ", CASE WHEN dossier_key IS NULL THEN 1 WHEN received_at IS NULL THEN 2 "
        "WHEN due_at IS NULL THEN 3 WHEN resolved_at IS NULL AND resolved_at_t <> '' THEN 4 "
        "WHEN resolved_at < received_at THEN 5 ELSE 0 END::TINYINT AS problem"
        ", CASE WHEN dossier_key IS NULL THEN NULL WHEN received_at IS NULL THEN received_at_t "
        "WHEN due_at IS NULL THEN due_at_t WHEN resolved_at IS NULL OR resolved_at < received_at "
        "THEN resolved_at_t END AS problem_value"
    )
    for field in DATE_FIELDS:
        sql.add(f", {field}_odd")
    for field in raw_kept:
        sql.add(
            f", CASE WHEN {field} IS NULL AND {field}_t <> '' THEN {field}_t END AS {field}_raw"
        )
    # layer 3: odd dates, mappings, key
    sql.add(
        " FROM (SELECT *, "
        "CASE WHEN trim(c_id) = '' THEN NULL ELSE hash(trim(c_id)) END AS dossier_key"
    )
    for field in DATE_FIELDS:
        formats = prepared.date_formats.get(field, list(dataset.date_formats))
        odd = f"{field}_p IS NULL AND {field}_t <> ''"
        sql.add(
            f", CASE WHEN {field}_p IS NOT NULL THEN {field}_p WHEN {odd} "
            f"THEN {date_fallback_sql(f'{field}_t', formats)} END AS {field}"
            f", CASE WHEN {odd} THEN {date_form_sql(f'{field}_t')} END::TINYINT AS {field}_odd"
        )
    for field in mapped:
        expression = mapping_sql(field, f"{field}_t", dataset.values.get(field, {}))
        sql.add(", ").add(expression.text, *expression.params).add(f" AS {field}")
    # layer 2: the fast date path, trimmed cells
    sql.add(" FROM (SELECT " + _raw(positions, "dossier_id") + " AS c_id")
    for field in DATE_FIELDS:
        formats = prepared.date_formats.get(field, list(dataset.date_formats))
        cell = _raw(positions, field)
        sql.add(f", {date_primary_sql(cell, formats)} AS {field}_p")
        sql.add(f", COALESCE(trim({cell}), '') AS {field}_t")
    for field in mapped:
        sql.add(f", COALESCE(trim({_raw(positions, field)}), '') AS {field}_t")
    # layer 1: the file
    names = [f"c{index}" for index in range(len(prepared.sniffed.header))]
    columns = ", ".join(f"'{name}': 'VARCHAR'" for name in names)  # our own names
    sql.add(
        f" FROM read_csv(?, delim = ?, header = true, columns = {{{columns}}}, "
        "quote = '\"', escape = '\"', auto_detect = false)))) TO ",
        str(prepared.text.resolve()),
        prepared.sniffed.delimiter,
    )
    target = str(prepared.parquet.with_suffix(".part")).replace("'", "''")
    sql.add(f"'{target}' (FORMAT parquet, COMPRESSION snappy)")
    return sql


@dataclass(frozen=True, slots=True)
class ImportedFile:
    source: Path
    parquet: Path
    cached: bool


def import_file(
    con: duckdb.DuckDBPyConnection, dataset: Dataset, prepared: PreparedFile
) -> ImportedFile:
    """Parse ``prepared`` into its Parquet file unless the cache already holds it."""
    if prepared.parquet.exists():
        return ImportedFile(prepared.source, prepared.parquet, cached=True)
    sql = import_sql(dataset, prepared)
    run(con, sql.text, sql.params, label=f"importing {relative_path(prepared.source)}")
    prepared.parquet.with_suffix(".part").replace(prepared.parquet)
    return ImportedFile(prepared.source, prepared.parquet, cached=False)
