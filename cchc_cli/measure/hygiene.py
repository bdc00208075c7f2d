"""Row hygiene of an imported dataset: what is refused outright, what is set aside.

Refused (:class:`UserError`, exit 2): values a mapping does not cover (listed with their
counts) and a date column that mixes forms (dd/mm/yyyy here, ISO there), because a
guess could silently swap days and months.

Set aside, reported, and excluded from every measure: *invalid* rows (an unparseable
required date, a result dated before the receipt, no dossier number) and *duplicates*
(a dossier number seen before: the first row is kept, later ones skipped).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_cli.errors import UserError
from cchc_cli.findings import relative_path
from cchc_cli.i18n import _
from cchc_cli.i18n.forms import number, percent
from cchc_cli.loading.write import write_text_atomic
from cchc_cli.measure.cache import Cache, digest_of
from cchc_cli.measure.convert import DATE_FORM_NAMES, PROBLEMS, form_of, other_form
from cchc_cli.measure.engine import run
from cchc_cli.measure.fields import DATE_FIELDS, DOSSIER_FIELDS
from cchc_cli.measure.importer import (
    STORED,
    UNMAPPED_SEP,
    ImportedFile,
    PreparedFile,
    odd_form_of,
)
from cchc_cli.measure.lines import line_numbers
from cchc_cli.measure.sniff import clip
from cchc_cli.results.measures import DatasetSummary, RowNote

if TYPE_CHECKING:
    import duckdb

__all__ = ["DatasetReport", "RowNote", "inspect_dataset", "report_entry", "write_rejects"]

EXAMPLES = 5
"""Rows set aside that the report names; ``--rejects FILE`` writes all of them."""
MAX_INVALID_SHARE = 0.10
"""More invalid rows than this share of a dataset (or all of them) fails ``cchc kpi``
(exit 1): its figures would describe what is left, not the office's work."""
_DATE_OF_PROBLEM = {2: "received_at", 3: "due_at", 4: "resolved_at"}


@dataclass
class DatasetReport:
    """What one dataset held, and what was set aside."""

    dataset: str
    files: list[str]
    rows: int = 0
    invalid: int = 0
    duplicates: int = 0
    invalid_examples: list[RowNote] = field(default_factory=list)
    duplicate_examples: list[RowNote] = field(default_factory=list)
    skipped: list[tuple[str, int]] = field(default_factory=list, repr=False)
    """(Parquet file, row) of every duplicate, excluded from the measures."""
    imported: int = 0
    """How many files were parsed in this run (the others came from the cache)."""
    rejected: list[RowNote] = field(default_factory=list, repr=False)
    """Every row set aside, when asked for (``--rejects``)."""

    @property
    def used(self) -> int:
        return self.rows - self.invalid - self.duplicates

    @property
    def clean(self) -> bool:
        return self.invalid == 0 and self.duplicates == 0

    @property
    def unshown(self) -> int:
        """Rows set aside beyond the examples."""
        examples = len(self.invalid_examples) + len(self.duplicate_examples)
        return self.invalid + self.duplicates - examples

    @property
    def mostly_invalid(self) -> bool:
        return self.rows > 0 and self.invalid > MAX_INVALID_SHARE * self.rows

    def verdict(self) -> str | None:
        """What to say when too much of the dataset was set aside (None: nothing)."""
        if not self.mostly_invalid:
            return None
        share = percent(100 * self.invalid / self.rows, 0)
        what = (
            _("every row")
            if self.invalid == self.rows
            else _("{invalid} of {rows}").format(
                invalid=number(self.invalid), rows=number(self.rows)
            )
        )
        return _(
            "dataset '{dataset}': {what} ({share}) set aside as invalid, more than "
            "the {limit} cchc accepts: the figures above do not describe "
            "the export; fix the rows or the dataset's settings (date_formats, columns)"
        ).format(
            dataset=self.dataset,
            what=what,
            share=share,
            limit=percent(100 * MAX_INVALID_SHARE, 0),
        )

    def summary(self) -> DatasetSummary:
        """What a result reports of this dataset (counts, examples, verdict)."""
        return DatasetSummary(
            self.dataset,
            list(self.files),
            self.rows,
            self.used,
            self.invalid,
            self.duplicates,
            list(self.invalid_examples),
            list(self.duplicate_examples),
            self.imported,
            self.unshown,
            self.verdict(),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "files": self.files,
            "rows": self.rows,
            "used": self.used,
            "invalid": self.invalid,
            "duplicates": self.duplicates,
            "invalid_examples": [asdict(note) for note in self.invalid_examples],
            "duplicate_examples": [asdict(note) for note in self.duplicate_examples],
            "imported": self.imported,
            "not_shown": self.unshown,
        }


def _source(files: list[ImportedFile]) -> dict[str, str]:
    return {str(item.parquet): relative_path(item.source) for item in files}


def _check_mixed(
    con: duckdb.DuckDBPyConnection,
    prepared: list[PreparedFile],
    columns: dict[str, str],
) -> None:
    for item in prepared:
        parquet = str(item.parquet)
        for name in DATE_FIELDS:
            formats = item.date_formats.get(name)
            if not formats:
                continue
            main = form_of(formats[0])
            rows = run(
                con,
                f"SELECT {odd_form_of(name)} AS form, count(*), min(file_row_number) FROM "
                f"read_parquet(?, file_row_number = true) WHERE odd_forms IS NOT NULL AND "
                f"{odd_form_of(name)} IN (1, 2, 3) AND {odd_form_of(name)} <> ? "
                f"AND {name} IS NOT NULL GROUP BY ALL ORDER BY 1",
                [parquet, main],
            )
            if rows:
                where = relative_path(item.source)
                others = "; ".join(
                    _("{count} in {form} form (first at line {line})").format(
                        count=number(count),
                        form=_(DATE_FORM_NAMES[form]),
                        line=line_numbers(item.text, item.sniffed, [first], -1)[first],
                    )
                    for form, count, first in rows
                )
                raise UserError(
                    _(
                        "{where}: column '{column}' mixes date formats: most dates "
                        "are {form}, but {others}"
                    ).format(
                        where=where,
                        column=columns.get(name, name),
                        form=_(DATE_FORM_NAMES[main]),
                        others=others,
                    ),
                    hint=_(
                        "one column must use one format (05/03/2024 and 2024-03-05 cannot be "
                        "told apart from 03/05/2024); export the file again or fix those rows"
                    ),
                )


def _check_unmapped(
    con: duckdb.DuckDBPyConnection, paths: list[str], columns: dict[str, str], dataset_id: str
) -> None:
    between, inside = UNMAPPED_SEP
    rows = run(
        con,
        "WITH cells AS (SELECT unnest(string_split(unmapped, ?)) AS cell FROM read_parquet(?) "
        "WHERE unmapped IS NOT NULL), pairs AS (SELECT split_part(cell, ?, 1) AS field, "
        "substr(cell, strpos(cell, ?) + 1) AS value FROM cells), ranked AS (SELECT field, "
        "value, count(*) AS n FROM pairs GROUP BY ALL) SELECT field, value, n FROM ranked "
        "QUALIFY row_number() OVER (PARTITION BY field ORDER BY n DESC, value) <= 11 "
        "ORDER BY field, n DESC, value",
        [between, paths, inside, inside],
    )
    found: dict[str, list[tuple[str, int]]] = {}
    for name, value, count in rows:
        found.setdefault(str(name), []).append((str(value), int(count)))
    order = [name for name in DOSSIER_FIELDS if name in found]
    problems = []
    for name in order:
        listed_rows = found[name]
        listed = ", ".join(f"'{value}' ({number(count)})" for value, count in listed_rows[:10])
        more = ", …" if len(listed_rows) > 10 else ""
        problems.append(
            _("{field} (column '{column}'): {values}").format(
                field=name, column=columns.get(name, name), values=listed + more
            )
        )
    if problems:
        raise UserError(
            _("dataset '{dataset}': values not covered by the value mapping — {problems}").format(
                dataset=dataset_id, problems="; ".join(problems)
            ),
            hint=_(
                "add them under values: in dataset '{dataset}' (e.g. channel: "
                "{example}), or correct the export"
            ).format(dataset=dataset_id, example='{"Trực tuyến toàn trình": online_full}'),
        )


def _note(file: str, line: int, problem: int, value: str | None, prepared: PreparedFile) -> RowNote:
    if not value:
        return RowNote.of(file, line, PROBLEMS[problem])
    field_name = _DATE_OF_PROBLEM.get(problem)
    if field_name is not None:
        form = other_form(value.strip(), prepared.date_formats.get(field_name, []))
        if form is not None:
            return RowNote.of(file, line, PROBLEMS[problem], value=clip(value), form=form)
    return RowNote.of(file, line, PROBLEMS[problem], value=clip(value))


def report_entry(cache: Cache, imported: list[ImportedFile]) -> Path:
    """The cache entry that keeps the report of a dataset imported as ``imported``."""
    paths = [str(item.parquet) for item in imported]
    return cache.root / f"report-{digest_of([paths, STORED, 'lines', 'codes'])}.json"


def inspect_dataset(
    con: duckdb.DuckDBPyConnection,
    dataset_id: str,
    *,
    prepared: list[PreparedFile],
    imported: list[ImportedFile],
    cache: Cache,
    columns: dict[str, str],
    every: bool = False,
) -> DatasetReport:
    """Refuse unmapped values and mixed dates; count and locate invalid and duplicate rows.

    ``every``: note every row set aside in :attr:`DatasetReport.rejected` (``--rejects``),
    not only the first few examples."""
    paths = [str(item.parquet) for item in imported]
    sources = _source(imported)
    report_path = report_entry(cache, imported)
    report = DatasetReport(dataset_id, [relative_path(item.source) for item in imported])
    report.imported = sum(not item.cached for item in imported)
    if report.imported == 0 and report_path.exists() and not every:
        return _load(report_path, report)
    _check_unmapped(con, paths, columns, dataset_id)
    _check_mixed(con, prepared, columns)
    base = "read_parquet(?, filename = true, file_row_number = true)"
    per_file = run(
        con,
        f"SELECT filename, count(*), count(*) FILTER (problem <> 0) FROM {base} GROUP BY ALL",
        [paths],
    )
    totals = {filename: int(count) for filename, count, _ in per_file}
    report.rows = sum(totals.values())
    report.invalid = sum(int(bad) for _, _, bad in per_file)
    order = {path: index for index, path in enumerate(paths)}
    limit = "" if every else f"LIMIT {EXAMPLES}"
    notes = run(
        con,
        f"SELECT filename, file_row_number, problem, problem_value FROM {base} WHERE problem <> 0 "
        f"ORDER BY list_position(?, filename), file_row_number {limit}",
        [paths, paths],
    )
    # Two scans of the narrow key column, not one CTE used twice: DuckDB would keep every
    # (file, row, key) of the CTE to read it again, which costs twice the CPU.
    run(
        con,
        "CREATE OR REPLACE TEMP TABLE twin_keys AS SELECT dossier_key AS k FROM read_parquet(?) "
        "WHERE problem = 0 GROUP BY k HAVING count(*) > 1",
        [paths],
        label=_("finding duplicates"),
    )
    twins = run(
        con,
        f"SELECT filename, file_row_number, dossier_key FROM {base} "
        "SEMI JOIN twin_keys ON dossier_key = twin_keys.k WHERE problem = 0",
        [paths],
        label=_("finding duplicates"),
    )
    first: dict[int, tuple[str, int]] = {}
    doubles: list[tuple[str, int, str, int]] = []
    for filename, row, key in sorted(twins, key=lambda item: (order[item[0]], item[1])):
        if key not in first:
            first[key] = (filename, row)
            continue
        report.skipped.append((filename, row))
        doubles.append((filename, row, *first[key]))
    report.duplicates = len(report.skipped)
    shown = doubles if every else doubles[:EXAMPLES]
    files = {str(item.parquet): item for item in prepared}
    wanted: dict[str, set[int]] = {}
    for filename, row, *_rest in notes:
        wanted.setdefault(filename, set()).add(row)
    for filename, row, kept_file, kept_row in shown:
        wanted.setdefault(filename, set()).add(row)
        wanted.setdefault(kept_file, set()).add(kept_row)
    lines = {
        name: line_numbers(files[name].text, files[name].sniffed, rows, totals.get(name, 0))
        for name, rows in wanted.items()
    }
    invalid_notes = [
        _note(sources[name], lines[name][row], problem, value, files[name])
        for name, row, problem, value in notes
    ]
    double_notes = []
    for name, row, kept_file, kept_row in shown:
        kept: dict[str, str | int] = {"kept_line": lines[kept_file][kept_row]}
        if kept_file != name:
            kept["kept_file"] = sources[kept_file]
        double_notes.append(RowNote.of(sources[name], lines[name][row], "duplicate", **kept))
    report.invalid_examples = invalid_notes[:EXAMPLES]
    report.duplicate_examples = double_notes[:EXAMPLES]
    if every:
        report.rejected = invalid_notes + double_notes
    _save(report_path, report)
    return report


def _save(path: Path, report: DatasetReport) -> None:
    data = report.as_dict() | {"skipped": report.skipped}
    write_text_atomic(path, json.dumps(data, ensure_ascii=False))


def _moved(note: RowNote, here: dict[str, str]) -> RowNote:
    """``note`` naming the files of this run (``here``: cached name → this run's)."""
    args = dict(note.args)
    if isinstance(kept := args.get("kept_file"), str):
        args["kept_file"] = here.get(kept, kept)
    return RowNote.of(here.get(note.file, note.file), note.line, note.code, **args)


def _load(path: Path, report: DatasetReport) -> DatasetReport:
    data = json.loads(path.read_text(encoding="utf-8"))
    report.rows, report.invalid, report.duplicates = (
        data["rows"],
        data["invalid"],
        data["duplicates"],
    )
    # The entry is shared by every copy of the same exports: name this run's files.
    here = dict(zip(data["files"], report.files, strict=False))
    report.invalid_examples = [_moved(RowNote(**note), here) for note in data["invalid_examples"]]
    report.duplicate_examples = [
        _moved(RowNote(**note), here) for note in data["duplicate_examples"]
    ]
    report.skipped = [(str(file), int(row)) for file, row in data["skipped"]]
    return report


def write_rejects(path: Path, reports: list[DatasetReport]) -> int:
    """Every row set aside, as CSV for Excel (UTF-8 with BOM): dataset, file, line, kind,
    reason. Written atomically; returns how many rows it lists."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["dataset", "file", "line", "kind", "reason"])
    count = 0
    for report in reports:
        for note in report.rejected:
            kind = "duplicate" if note.code == "duplicate" else "invalid"
            writer.writerow([report.dataset, note.file, note.line, kind, note.reason])
            count += 1
    write_text_atomic(path, "\ufeff" + buffer.getvalue())
    return count
