"""Measured figures and targets: ``cchc kpi``'s result and its parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from cchc_cli.i18n import N_, _
from cchc_cli.model.terms import Period, PeriodRule, TargetStatus

__all__ = [
    "ROW_REASONS",
    "BreakdownRow",
    "DatasetSummary",
    "Figure",
    "KpiResult",
    "NoteCode",
    "Number",
    "RowCode",
    "RowNote",
    "TargetNote",
    "TargetResult",
    "row_reason",
]

Number = int | float
"""A count stays an ``int`` (so JSON says 628, not 628.0); a share may be a float."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A measured ratio (or a value given as such) for one period."""

    numerator: Number | None
    denominator: Number | None
    value: float | None
    """Percent; None when the denominator is zero."""
    source: str
    """``formula``, ``custom:<dataset>``, ``measurements`` …"""

    @classmethod
    def ratio(cls, numerator: float, denominator: float, source: str) -> Figure:
        value = None if denominator == 0 else round(100 * numerator / denominator, 2)
        return cls(numerator, denominator, value, source)


NoteCode = Literal[
    "qualitative",
    "no_source",
    "zero_denominator",
    "below_so_far",
    "out_of_reach",
    "counted_against",
    "projected_short",
    "no_budget",
    "on_course",
    "behind",
]


@dataclass(frozen=True)
class TargetNote:
    """Why a target stands where it does, as data: a stable ``code`` and its figures
    (JSON keeps them so; the text view says it in the language in use).

    ``qualitative``: judged on evidence (``evidence``); ``no_source``: nothing measures
    it; ``zero_denominator``: nothing to measure in the period; ``below_so_far``: below
    the threshold, the period runs to ``period_end``; ``out_of_reach``: ``short`` of
    ``of`` items already fall short of a 100% threshold; ``counted_against``: ``short``
    items already count against a 0% ceiling; ``projected_short``: the year-end
    projection misses the threshold; ``no_budget``: one more late item misses it;
    ``on_course``/``behind``: a cumulative figure against ``expected`` percent, the
    threshold's share of the ``elapsed`` percent of the year."""

    code: NoteCode
    period_end: date | None = None
    evidence: str | None = None
    short: Number | None = None
    of: Number | None = None
    elapsed: float | None = None
    expected: float | None = None


@dataclass
class TargetResult:
    """One target's standing for a period (what ``cchc kpi`` and ``cchc status`` show)."""

    ref: str
    target: str
    measure: str
    numerator: Number | None
    denominator: Number | None
    value: float | None
    """Percent, rounded to 2 decimals."""
    op: str | None
    threshold: Number | None
    met: bool | None
    status: TargetStatus
    source: str | None = None
    error_budget: int | None = None
    """How many more bad items (late dossiers…) before the value drops below the threshold."""
    projection: float | None = None
    """Year-end value projected from the monthly trend of the year so far (percent)."""
    note: TargetNote | None = None
    threshold_text: str = ""
    """The commitment in short form, in the target's unit: ``> 95%``, ``>= 1 count``."""


RowCode = Literal[
    "no_dossier_id",
    "bad_received_at",
    "bad_due_at",
    "bad_resolved_at",
    "resolved_before_received",
    "duplicate",
]
"""Why a row was set aside: stable across languages (JSON, ``--rejects``)."""

ROW_REASONS: dict[str, str] = {
    "no_dossier_id": N_("no dossier id"),
    "bad_received_at": N_("the receipt date is empty or not a date"),
    "bad_due_at": N_("the due date is empty or not a date"),
    "bad_resolved_at": N_("the result date is not a date"),
    "resolved_before_received": N_("the result date is before the receipt date"),
}
"""The English of each invalid-row code."""


def _same(text: str) -> str:
    return text


def row_reason(
    code: RowCode, args: dict[str, str | int], translate: Callable[[str], str] = _same
) -> str:
    """Why a row was set aside, in the language of ``translate`` (default: English)."""
    if code == "duplicate":
        if "kept_file" in args:
            return translate(N_("same dossier number as line {line} of {file} (kept)")).format(
                line=args["kept_line"], file=args["kept_file"]
            )
        return translate(N_("same dossier number as line {line} (kept)")).format(
            line=args["kept_line"]
        )
    reason = translate(ROW_REASONS[code])
    if "value" not in args:
        return reason
    if "form" in args:
        return translate(
            N_(
                "{reason} ('{value}'): written \"{form}\", a form the dataset's "
                "date_formats leaves out"
            )
        ).format(reason=reason, value=args["value"], form=args["form"])
    return translate(N_("{reason} ('{value}')")).format(reason=reason, value=args["value"])


@dataclass(frozen=True, slots=True)
class RowNote:
    """One row set aside: where (file, line) and why.

    ``reason`` is the English sentence (machine output: JSON, ``--rejects``); ``code``
    and ``args`` say the same as data, and :meth:`text` says it in a language."""

    file: str
    line: int
    reason: str
    code: RowCode
    args: dict[str, str | int] = field(default_factory=dict)

    @classmethod
    def of(cls, file: str, line: int, code: RowCode, **args: str | int) -> RowNote:
        """A note whose ``reason`` is the English of ``code`` and ``args``."""
        return cls(file, line, row_reason(code, args), code, dict(args))

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        """``file:line: reason``, the reason in the language of ``translate`` (default:
        the language in use)."""
        return f"{self.file}:{self.line}: {row_reason(self.code, self.args, translate or _)}"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class BreakdownRow:
    """One group of ``--by``: its keys and every measure's figure."""

    keys: dict[str, str | None]
    measures: dict[str, Figure]


@dataclass(frozen=True)
class DatasetSummary:
    """What one dataset held in this run, and the rows set aside (with examples)."""

    dataset: str
    files: list[str]
    rows: int
    used: int
    invalid: int
    duplicates: int
    invalid_examples: list[RowNote]
    duplicate_examples: list[RowNote]
    imported: int
    """How many files were parsed in this run (the others came from the cache)."""
    unshown: int = 0
    """Rows set aside beyond the examples kept ("… and N more")."""
    verdict: str | None = None
    """Why the figures cannot be trusted (too many rows invalid), or None."""

    @property
    def clean(self) -> bool:
        return self.invalid == 0 and self.duplicates == 0


@dataclass
class KpiResult:
    """Every target measured for a period, the measures behind them and their data."""

    kind: ClassVar[str] = "kpi"
    plan: str
    period: Period
    period_rule: PeriodRule
    as_of: date
    targets: list[TargetResult]
    measures: dict[str, Figure]
    breakdown: list[BreakdownRow]
    datasets: list[DatasetSummary]
    by: tuple[str, ...] = ()
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """Display names by breakdown key: unit code → name, procedure code → name."""
    rejects: str | None = None
    """Where every row set aside was written (``--rejects``), if asked."""
    revision: str | None = None
    """The plan's revision stamp, set by the kpi service."""
