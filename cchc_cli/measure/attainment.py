"""Whether each target is met: value, threshold, status, error budget and projection.

Statuses: ``no_data`` when nothing measures the target or the denominator is zero
(never a division error). A rate (on-time, satisfaction…) is ``missed`` once its period
has ended below the threshold, or earlier when the threshold is out of reach ("= 100%"
with one dossier already late); below the threshold before that it is ``at_risk``.
Meeting it, it is ``met``, or ``at_risk`` while the year is not over and either the
year-end projection (the monthly trend of the year so far, extended to December) falls
short or the error budget is spent — one more late dossier (one more item in the
denominator only) would break the threshold. A cumulative figure (hand-kept report
figures, the plan's own tasks done) is judged at the year's end; before that against
the threshold's pro-rata share of the year elapsed: ``met`` when on course, ``at_risk``
when behind, with a note saying so.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from fractions import Fraction

from cchc_cli.measure.periods import month_periods, named_period
from cchc_cli.model.targets import Target
from cchc_cli.model.terms import Period, PeriodRule
from cchc_cli.results.measures import Figure, TargetNote, TargetResult

CUMULATIVE_SOURCES = ("measurements", "plan")
"""Figures that accumulate over the year (report figures are *lũy kế*: units inspected so
far, tasks done so far): below the threshold in April they are not missed but compared
with the threshold's share of the year elapsed."""

__all__ = [
    "CUMULATIVE_SOURCES",
    "error_budget",
    "judge",
    "project_year_end",
]


def _exact(number: float) -> Fraction:
    return Fraction(number).limit_denominator(10**6)


def compare(numerator: Fraction, denominator: Fraction, op: str, threshold: Fraction) -> bool:
    """``numerator/denominator`` (as percent) ``op`` ``threshold``, in exact arithmetic."""
    left, right = 100 * numerator, threshold * denominator
    return {
        ">": left > right,
        ">=": left >= right,
        "=": left == right,
        "<=": left <= right,
        "<": left < right,
    }[op]


def error_budget(numerator: float, denominator: float, op: str, threshold: float) -> int | None:
    """The largest k such that numerator/(denominator + k) still meets the threshold."""
    n, d, t = _exact(numerator), _exact(denominator), _exact(threshold)
    if op not in (">", ">=", "=") or t <= 0 or not compare(n, d, op, t):
        return None
    if op == "=":
        return 0
    room = (100 * n - t * d) / t  # k < room for ">", k <= room for ">="
    return max(0, math.ceil(room) - 1) if op == ">" else max(0, math.floor(room))


def project_year_end(monthly: list[Figure], so_far: Figure, months_left: int) -> float | None:
    """Extend the monthly rates' linear trend over the months left; the year's ratio."""
    points = [
        (index, f.numerator / f.denominator)
        for index, f in enumerate(monthly)
        if f.denominator and f.numerator is not None
    ]
    if len(points) < 3 or so_far.numerator is None or not so_far.denominator or months_left <= 0:
        return None
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0
    per_month = sum(f.denominator or 0 for f in monthly) / len(monthly)
    numerator, denominator = so_far.numerator, so_far.denominator
    last = len(monthly) - 1
    for step in range(1, months_left + 1):
        rate = min(1.0, max(0.0, mean_y + slope * (last + step - mean_x)))
        numerator += rate * per_month
        denominator += per_month
    return round(100 * numerator / denominator, 2)


def judge(
    target: Target,
    figure: Figure | None,
    *,
    period: Period,
    as_of: date,
    rule: PeriodRule,
    monthly: Callable[[], tuple[list[Figure], Figure, int]] | None = None,
) -> TargetResult:
    """The standing of ``target`` given what was measured for ``period``."""
    result = TargetResult(
        target.ref,
        target.id,
        target.measure,
        None,
        None,
        None,
        target.op,
        target.value,
        None,
        "no_data",
        threshold_text=target.threshold_text,
    )
    if target.kind == "qualitative":
        result.note = TargetNote("qualitative", evidence=target.evidence or None)
        return result
    if figure is None:
        result.note = TargetNote("no_source")
        return result
    result.source = figure.source
    result.numerator, result.denominator = figure.numerator, figure.denominator
    if figure.value is None:
        result.note = TargetNote("zero_denominator")
        return result
    result.value = round(figure.value, 2)
    if target.op is None or target.value is None:
        return result
    threshold = _exact(target.value)
    if figure.numerator is not None and figure.denominator:
        met = compare(_exact(figure.numerator), _exact(figure.denominator), target.op, threshold)
        result.error_budget = error_budget(
            figure.numerator, figure.denominator, target.op, target.value
        )
    else:
        met = compare(_exact(figure.value), Fraction(100), target.op, threshold)
    result.met = met
    year = named_period(rule, target.period, "Y")
    if figure.source in CUMULATIVE_SOURCES:
        return _judge_cumulative(
            result, target, met, year, cutoff=min(as_of, period.end), as_of=as_of
        )
    if not met:
        result.status = "missed"
        if as_of > period.end:
            return result
        why = _out_of_reach(figure, target)
        if why is None:
            result.status = "at_risk"
            result.note = TargetNote("below_so_far", period_end=period.end)
        else:
            result.note = why
        return result
    result.status = "met"
    partial = period.end < year.end or as_of < period.end
    if not partial:
        return result
    if monthly is not None:
        months, so_far, left = monthly()
        result.projection = project_year_end(months, so_far, left)
    projected_short = result.projection is not None and not compare(
        _exact(result.projection), Fraction(100), target.op, threshold
    )
    if projected_short:
        result.status = "at_risk"
        result.note = TargetNote("projected_short")
    elif result.error_budget == 0:
        result.status = "at_risk"
        result.note = TargetNote("no_budget")
    return result


def _out_of_reach(figure: Figure, target: Target) -> TargetNote | None:
    """Why a rate below its threshold cannot meet it by the period's end, or None.

    Items still to come can only be added: good ones (on time, satisfied…) raise a rate
    toward 100%, items counted in the denominator only lower it toward 0%. So only the
    extremes are out of reach: "= 100%" (or ">= 100%") once one item is bad, "<= 0%"
    once one counts."""
    numerator, denominator = figure.numerator, figure.denominator
    if numerator is None or not denominator or target.value is None:
        return None
    bad = denominator - numerator
    if target.op in ("=", ">=") and target.value >= 100 and bad > 0:
        return TargetNote("out_of_reach", short=bad, of=denominator)
    if target.op == "<=" and target.value <= 0 and numerator > 0:
        return TargetNote("counted_against", short=numerator)
    return None


def _judge_cumulative(
    result: TargetResult, target: Target, met: bool, year: Period, *, cutoff: date, as_of: date
) -> TargetResult:
    """A figure that only grows over the year (units inspected, tasks done…): judged at
    the year's end, before that against the threshold's pro-rata share of the year."""
    year_over = as_of > year.end and cutoff >= year.end
    lower_is_better = target.op in ("<", "<=")
    if met or year_over or lower_is_better or target.value is None or result.value is None:
        result.status = "met" if met else "missed"
        return result
    elapsed = min(1.0, max(0.0, ((cutoff - year.start).days + 1) / year.days))
    expected = target.value * elapsed
    on_course = result.value >= expected
    result.status = "met" if on_course else "at_risk"
    result.note = TargetNote(
        "on_course" if on_course else "behind",
        elapsed=round(100 * elapsed, 1),
        expected=round(expected, 2),
    )
    return result


def elapsed_months(rule: PeriodRule, year: int, cutoff: date) -> tuple[list[Period], int]:
    """The months of ``year`` (under ``rule``) over by ``cutoff``, and how many remain."""
    months = month_periods(rule, year)
    done = [month for month in months if month.end <= cutoff]
    return done, len(months) - len(done)
