"""A scorecard scored: ``cchc score``'s result and its parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from cchc_cli.model.terms import Period
from cchc_cli.results.measures import DatasetSummary, Number

__all__ = ["GroupScore", "IndicatorScore", "Score", "ScoreResult", "ScoreRow", "ScoreStatus"]

ScoreStatus = Literal["full", "partial", "no_data"]


@dataclass
class IndicatorScore:
    """One indicator's value, points earned and gap to full points."""

    group: str
    id: str
    title: str
    measure: str
    source: str
    """Where the indicator is defined (the scheme's ``source``)."""
    points: float
    target: float
    numerator: Number | None
    denominator: Number | None
    value: float | None
    """Percent, rounded to 2 decimals; None: no data."""
    earned: float | None
    """None: no data (neither earned nor lost)."""
    gap: int | None
    """More good items needed for the full points (None: no counts, or no data)."""
    status: ScoreStatus
    data: str | None = None
    """Where the figure came from: ``formula``, ``custom:<dataset>``, ``measurements``…"""


@dataclass
class GroupScore:
    id: str
    title: str
    points: float
    earned: float
    measurable: float
    """The points of the group's indicators that have data."""
    indicators: list[IndicatorScore]


@dataclass
class Score:
    """A scheme scored for one period (and one unit, in ``--by unit``)."""

    total: float
    earned: float
    measurable: float
    """Points of the indicators with data: the total is "earned of measurable"."""
    groups: list[GroupScore]

    @property
    def indicators(self) -> list[IndicatorScore]:
        return [indicator for group in self.groups for indicator in group.indicators]

    @property
    def no_data(self) -> list[str]:
        return [i.id for i in self.indicators if i.status == "no_data"]

    @property
    def share(self) -> float | None:
        """Points earned per 100 measurable (what ``--by unit`` ranks on), or None."""
        return None if not self.measurable else round(100 * self.earned / self.measurable, 2)

    def weakest(self) -> IndicatorScore | None:
        """The indicator that loses the most points (None when none loses any)."""
        losing = [i for i in self.indicators if i.earned is not None and i.earned < i.points]
        return max(losing, key=lambda i: i.points - (i.earned or 0), default=None)


@dataclass
class ScoreRow:
    """One unit or one month of ``--by``."""

    key: str
    label: str
    score: Score
    period: Period | None = None
    """``--by month``: the month's days (the view writes them as the language does)."""


@dataclass
class ScoreResult:
    """``cchc score``: the scheme scored for a period, and its breakdown."""

    kind: ClassVar[str] = "score"
    plan: str
    scheme: str
    title: str
    source: str
    period: Period
    as_of: date
    score: Score
    by: str | None = None
    rows: list[ScoreRow] = field(default_factory=list)
    datasets: list[DatasetSummary] = field(default_factory=list)
    """What each dataset held and set aside (as ``cchc kpi`` reports it)."""
