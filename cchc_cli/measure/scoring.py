"""A scorecard scored: each indicator's points from its value, per group and in total.

The rule (Decision 766/QĐ-TTg): an indicator at or above its target earns its full
points; below, ``points × value ÷ target``. An indicator with no data (nothing measures
it, or its denominator is zero) loses nothing and earns nothing: it is listed as *no
data*, and the total is stated "of N points measurable". The *gap* is how many more of
the counted items (dossiers on time, paid online…) among the same denominator would
have given the full points: the least ``k`` with ``(numerator + k) ÷ denominator ≥
target``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any, ClassVar, Literal

from cchc_cli.measure.attainment import Figure, Number
from cchc_cli.measure.kpi import DatasetSummary, Measures, _time_buckets
from cchc_cli.model.plan import Plan
from cchc_cli.model.scorecard import Scorecard, ScoreIndicator
from cchc_cli.model.terms import Period

__all__ = [
    "GroupScore",
    "IndicatorScore",
    "Score",
    "ScoreResult",
    "ScoreRow",
    "earned_points",
    "full_points_gap",
    "score_card",
    "score_rows",
]

ScoreStatus = Literal["full", "partial", "no_data"]


def earned_points(points: float, target: float, value: Fraction | float) -> float:
    """Full ``points`` at or above ``target`` (percent), else ``points × value ÷ target``."""
    if value >= target:
        return points
    return round(float(Fraction(points) * Fraction(value) / Fraction(target)), 2)


def full_points_gap(numerator: Number, denominator: Number, target: float) -> int:
    """How many more good items among ``denominator`` would reach ``target`` (percent)."""
    needed = Fraction(denominator) * Fraction(target) / 100 - Fraction(numerator)
    return max(0, math.ceil(needed))


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


def _indicator(group: str, indicator: ScoreIndicator, figure: Figure | None) -> IndicatorScore:
    numerator = denominator = value = earned = gap = None
    status: ScoreStatus = "no_data"
    source = None
    if figure is not None and figure.value is not None:
        numerator, denominator, value, source = (
            figure.numerator,
            figure.denominator,
            figure.value,
            figure.source,
        )
        exact: Fraction | float = figure.value
        if numerator is not None and denominator:
            exact = Fraction(numerator) * 100 / Fraction(denominator)
            gap = full_points_gap(numerator, denominator, indicator.target)
        earned = earned_points(indicator.points, indicator.target, exact)
        # Judged on the value, not the rounded points: 7.999 of 8 is still short of it.
        status = "full" if exact >= indicator.target else "partial"
    return IndicatorScore(
        group,
        indicator.id,
        indicator.title,
        indicator.measure_id,
        indicator.source,
        indicator.points,
        indicator.target,
        numerator,
        denominator,
        value,
        earned,
        gap,
        status,
        source,
    )


def score_card(
    card: Scorecard, measures: Measures, period: Period, group: tuple[Any, ...] | None = None
) -> Score:
    """``card`` scored on ``period`` (for one group of the cubes — a unit — if given)."""
    groups = []
    for score_group in card.groups:
        indicators = [
            _indicator(
                score_group.id,
                indicator,
                measures.figure(indicator.measure_id, period, group=group),
            )
            for indicator in score_group.indicators
        ]
        measured = [i for i in indicators if i.earned is not None]
        groups.append(
            GroupScore(
                score_group.id,
                score_group.title,
                score_group.points,
                round(sum(i.earned or 0 for i in measured), 2),
                sum(i.points for i in measured),
                indicators,
            )
        )
    return Score(
        card.total,
        round(sum(g.earned for g in groups), 2),
        sum(g.measurable for g in groups),
        groups,
    )


def score_rows(
    plan: Plan, card: Scorecard, measures: Measures, window: Period, by: str
) -> list[ScoreRow]:
    """``--by unit``: each unit's score, best first; ``--by month``: month by month."""
    if by == "month":
        return [
            ScoreRow(
                month.label, f"{month.label} {month.text()}", score_card(card, measures, month)
            )
            for month in _time_buckets(plan, window, "month")
        ]
    names = {unit.code: unit.name for unit in plan.units}
    units: Sequence[tuple[Any, ...]] = sorted(
        {g for _, cube in measures.cubes for g in cube.groups()}, key=str
    )
    rows = []
    for unit in units:
        code = "" if unit[0] is None else str(unit[0])
        label = names.get(code, code) or "(no unit)"
        rows.append(ScoreRow(code, label, score_card(card, measures, window, unit)))
    # Ranked on points per 100 measurable: a unit without rated or fee-bearing dossiers
    # is not ranked below one that has them merely for having fewer points in play.
    return sorted(rows, key=lambda row: (-(row.score.share or 0), row.key))
