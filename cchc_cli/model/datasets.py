"""Datasets: the exports (and hand-kept figures) that targets are measured from.

A ``dossiers`` dataset points at the files the city's dossier system exports (CSV or
XLSX, globs allowed) and says how to read them: encoding, delimiter, date formats, which
column holds which canonical field, and how the export's words translate into canonical
values. It may declare custom ratio measures as two filters (``good`` over ``total``).
A ``measurements`` dataset holds figures that no export yields (inspection coverage,
procedures cut, e-identity share…), one row per target or measure and period.

Reading and measuring happen in :mod:`cchc_cli.measure`; the model only holds the
declaration, and refuses a filter that does not parse, at its line and column.
"""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator

from cchc_cli.i18n import _
from cchc_cli.model.base import Id, NonEmptyStr, StrictModel, Text
from cchc_cli.model.ids import IdKind
from cchc_cli.model.targets import MeasureId
from cchc_cli.quoting import quote

__all__ = [
    "DATE_FORMATS",
    "CustomMeasure",
    "Dataset",
    "DatasetColumns",
    "DatasetKind",
    "DateFormat",
]

DatasetKind = Literal["dossiers", "measurements"]
DateFormat = Literal["dd/mm/yyyy", "dd/mm/yyyy HH:MM", "dd/mm/yyyy HH:MM:SS", "iso", "excel"]
DATE_FORMATS: tuple[DateFormat, ...] = (
    "dd/mm/yyyy HH:MM:SS",
    "dd/mm/yyyy HH:MM",
    "dd/mm/yyyy",
    "iso",
    "excel",
)
"""Every date format a dataset may accept; ``iso`` is ``yyyy-mm-dd`` with an optional time,
``excel`` an Excel serial day number (45292 = 2024-01-01)."""

MappedValue = str | int | bool
Header = Annotated[str, Field(min_length=1)]


class DatasetColumns(StrictModel):
    """Which column of the export holds each canonical field (its header, verbatim).

    A field left out is looked for under its canonical name; an optional field absent
    from the file is empty in every row.
    """

    # dossiers
    dossier_id: Header | None = None
    """Mã hồ sơ: the dossier's number; a number seen twice is a duplicate."""
    procedure_code: Header | None = None
    procedure_name: Header | None = None
    unit: Header | None = None
    """The unit that handles the dossier (map its names to unit codes under ``values``)."""
    received_at: Header | None = None
    due_at: Header | None = None
    resolved_at: Header | None = None
    """Empty = not resolved yet."""
    channel: Header | None = None
    """direct, online_partial, online_full or postal (after value mapping)."""
    fee_required: Header | None = None
    paid_online: Header | None = None
    digitized: Header | None = None
    rating: Header | None = None
    """1-5 after value mapping; empty = not rated."""
    # measurements
    target: Header | None = None
    period: Header | None = None
    numerator: Header | None = None
    denominator: Header | None = None
    value: Header | None = None
    source: Header | None = None
    note: Header | None = None


class CustomMeasure(StrictModel):
    """A ratio measure of dossiers: rows matching ``good`` ÷ rows matching ``total``.

    Both are filters in cchc's own grammar (see the README, "Filters"); a dossier counts
    for a period when its ``period_field`` date falls in it.
    """

    id: MeasureId
    title: Text
    period_field: Literal["received_at", "resolved_at", "due_at"] = "received_at"
    """The date that places a dossier in a period."""
    good: NonEmptyStr
    """Filter of the numerator's dossiers (always within ``total``)."""
    total: NonEmptyStr | None = None
    """Filter of the denominator's dossiers; every dossier of the period when unset."""
    reference: str | None = None
    """Where the indicator is defined, e.g. "QĐ 766/QĐ-TTg, Phụ lục, chỉ số 3.1"."""

    @field_validator("good", "total")
    @classmethod
    def _parses(cls, text: str | None) -> str | None:
        if text is not None:
            from cchc_cli.measure.filters import parse_filter

            parse_filter(text)  # a FilterError is a ValueError: a located finding
        return text


class Dataset(StrictModel):
    """One source of data: a set of files read the same way."""

    id_kind: ClassVar[IdKind] = "dataset"
    id_field: ClassVar[str] = "id"

    id: Id
    kind: DatasetKind
    title: str | None = None
    files: Annotated[list[NonEmptyStr], Field(min_length=1)]
    """Paths or globs (``data/ho-so-*.csv``) relative to the plan directory, inside it."""
    sheet: str | None = None
    """For XLSX files: the sheet to read, by its name (default: the first)."""
    header_row: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    """The line (CSV) or sheet row (XLSX) of the column names, 1 for the first. When unset
    the header is the first of the top 20 rows holding every mapped required column, so a
    title above the table (as the dossier system writes) needs no setting."""
    encoding: Literal["auto", "utf-8", "utf-8-sig", "utf-16", "cp1258"] = "auto"
    """``auto`` recognises UTF-8 (with or without BOM), UTF-16 and Windows-1258."""
    delimiter: Literal["auto", ",", ";", "\t", "|"] = "auto"
    date_formats: Annotated[list[DateFormat], Field(min_length=1)] = list(DATE_FORMATS)
    """Formats accepted in date columns; one column may not mix dd/mm/yyyy, ISO and serials."""
    columns: DatasetColumns = DatasetColumns()
    values: dict[str, dict[str, MappedValue]] = {}
    """Per canonical field, the export's words → canonical values, e.g.
    ``channel: {"Trực tuyến toàn trình": online_full}``. Once a field has a mapping, every
    non-empty value in the file must be covered."""
    measures: list[CustomMeasure] = []
    """Custom ratio measures over this dataset's dossiers."""
    source: str | None = None
    """Where the files come from, e.g. "Hệ thống thông tin giải quyết TTHC thành phố"."""

    @field_validator("files")
    @classmethod
    def _inside_plan(cls, files: list[str]) -> list[str]:
        for pattern in files:
            posix, windows = PurePosixPath(pattern), PureWindowsPath(pattern)
            if posix.is_absolute() or windows.is_absolute() or windows.drive:
                raise ValueError(
                    _(
                        "{pattern} is an absolute path; dataset files are relative to the plan "
                        "directory (pass other files on the command line: cchc kpi --data PATH)"
                    ).format(pattern=quote(pattern))
                )
            if ".." in posix.parts or ".." in windows.parts:
                raise ValueError(
                    _("{pattern} leaves the plan directory; dataset files stay inside it").format(
                        pattern=quote(pattern)
                    )
                )
            for part in posix.parts:
                if "**" in part and part != "**":
                    raise ValueError(
                        _(
                            "'{pattern}' is not a valid pattern: '**' stands alone between "
                            "slashes (data/**/ho-so-*.csv), not inside '{part}'"
                        ).format(pattern=pattern, part=part)
                    )
        return files
