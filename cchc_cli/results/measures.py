"""Measured figures and targets: ``cchc kpi``'s result and its parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from cchc_cli.model.terms import Period, PeriodRule, TargetStatus

__all__ = [
    "BreakdownRow",
    "DatasetSummary",
    "Figure",
    "KpiResult",
    "NoteCode",
    "Number",
    "RowNote",
    "TargetNote",
    "TargetResult",
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


@dataclass(frozen=True, slots=True)
class RowNote:
    """One row set aside: where (file, line) and why."""

    file: str
    line: int
    reason: str

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
