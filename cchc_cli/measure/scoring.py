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
from fractions import Fraction
from typing import Any

from cchc_cli.measure.kpi import Measures, _time_buckets
from cchc_cli.model.plan import Plan
from cchc_cli.model.scorecard import Scorecard, ScoreIndicator
from cchc_cli.model.terms import Period
from cchc_cli.results.measures import Figure, Number
from cchc_cli.results.scores import GroupScore, IndicatorScore, Score, ScoreRow, ScoreStatus

__all__ = [
    "earned_points",
    "full_points_gap",
    "score_card",
    "score_rows",
]


def earned_points(points: float, target: float, value: Fraction | float) -> float:
    """Full ``points`` at or above ``target`` (percent), else ``points × value ÷ target``."""
    if value >= target:
        return points
    return round(float(Fraction(points) * Fraction(value) / Fraction(target)), 2)


def full_points_gap(numerator: Number, denominator: Number, target: float) -> int:
    """How many more good items among ``denominator`` would reach ``target`` (percent)."""
    needed = Fraction(denominator) * Fraction(target) / 100 - Fraction(numerator)
    return max(0, math.ceil(needed))


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
            ScoreRow(month.label, month.label, score_card(card, measures, month), month)
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
