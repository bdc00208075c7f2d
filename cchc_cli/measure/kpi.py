"""``cchc kpi`` as a library: import the datasets, measure, judge every target.

:func:`run_kpi` is what the command calls; :func:`evaluate_targets` is the short form
for other views (the targets panel of ``cchc status``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.i18n.forms import day
from cchc_cli.i18n.forms import span as day_span
from cchc_cli.measure.attainment import elapsed_months, judge
from cchc_cli.measure.cube import GROUP_COLUMNS, Cube
from cchc_cli.measure.formulas import BALANCES, FORMULAS, PLAN_FORMULAS, plan_tasks_done
from cchc_cli.measure.hygiene import DatasetReport
from cchc_cli.measure.measurements import Measurement, pick
from cchc_cli.measure.periods import month_periods, named_period
from cchc_cli.model.datasets import CustomMeasure, Dataset
from cchc_cli.model.plan import Plan
from cchc_cli.model.tasks import Task
from cchc_cli.model.terms import Period
from cchc_cli.results.measures import BreakdownRow, Figure, KpiResult, TargetResult

__all__ = [
    "BY_KEYS",
    "Measures",
    "check_period_has_targets",
    "evaluate_targets",
    "run_kpi",
]

BY_KEYS = ("unit", "procedure", "month", "quarter")


@dataclass
class Measures:
    """Everything measurable in this run: dossier cubes, custom measures, hand-kept rows."""

    cubes: list[tuple[Dataset, Cube]] = field(default_factory=list)
    rows: list[Measurement] = field(default_factory=list)
    row_files: list[Path] = field(default_factory=list)
    """The files the hand-kept measurement rows were read from."""
    reports: list[DatasetReport] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    """The plan's tasks, for the measures of its own progress (``PLAN_FORMULAS``)."""

    @property
    def customs(self) -> dict[str, tuple[Dataset, CustomMeasure]]:
        return {m.id: (dataset, m) for dataset, _ in self.cubes for m in dataset.measures}

    def measure_ids(self) -> list[str]:
        ids = list(FORMULAS) if self.cubes else []
        return ids + list(self.customs) + (list(PLAN_FORMULAS) if self.tasks else [])

    def _cube_figure(
        self, measure: str, period: Period, group: tuple[Any, ...] | None
    ) -> Figure | None:
        if measure in FORMULAS and self.cubes:
            formula = FORMULAS[measure]
            parts = [
                sum(
                    self._term(cube, term, period, group)
                    for _, cube in self.cubes
                    for term in terms
                )
                for terms in (formula.numerator, formula.denominator)
            ]
            return Figure.ratio(parts[0], parts[1], "formula")
        if measure in self.customs:
            dataset, _ = self.customs[measure]
            cube = next(cube for owner, cube in self.cubes if owner is dataset)
            good = cube.total(f"{measure}:good", period.start, period.end, group)
            total = cube.total(f"{measure}:total", period.start, period.end, group)
            return Figure.ratio(good, total, f"custom:{dataset.id}")
        return None

    @staticmethod
    def _term(cube: Cube, term: str, period: Period, group: tuple[Any, ...] | None) -> int:
        if term in BALANCES:
            return sum(
                sign * cube.balance(opened, closed, period.end, group)
                for sign, opened, closed in BALANCES[term]
            )
        return cube.total(term, period.start, period.end, group)

    def figure(
        self,
        measure: str,
        period: Period,
        target: str | None = None,
        group: tuple[Any, ...] | None = None,
    ) -> Figure | None:
        """Target-id rows first, then the exports, then measure-id rows."""
        if target is not None and group is None:
            chosen = pick(self.rows, (target,), period)
            if chosen:
                return _from_rows(chosen)
        from_cube = self._cube_figure(measure, period, group)
        if from_cube is not None and from_cube.denominator:
            return from_cube
        if measure in PLAN_FORMULAS and self.tasks and group is None:
            done, counted = plan_tasks_done(self.tasks, period.end)
            return Figure.ratio(done, counted, "plan")
        if group is None:
            chosen = pick(self.rows, (measure,), period)
            if chosen:
                return _from_rows(chosen)
        return from_cube


def _from_rows(rows: list[Measurement]) -> Figure:
    if all(row.numerator is not None and row.denominator is not None for row in rows):
        numerator = sum(row.numerator or 0 for row in rows)
        denominator = sum(row.denominator or 0 for row in rows)
        return Figure.ratio(numerator, denominator, "measurements")
    value = rows[0].value if len(rows) == 1 else None
    return Figure(None, None, value, "measurements")


def _time_buckets(plan: Plan, period: Period, key: str) -> list[Period]:
    rule = plan.calendar.period_rule
    years = range(period.start.year, period.end.year + 2)
    if key == "month":
        candidates = [month for year in years for month in month_periods(rule, year)]
    else:
        candidates = [named_period(rule, year, f"Q{q}") for year in years for q in range(1, 5)]
    buckets = []
    for bucket in candidates:
        start, end = max(bucket.start, period.start), min(bucket.end, period.end)
        if start <= end:
            buckets.append(Period(start, end, bucket.label))
    return buckets


def _breakdown(
    plan: Plan, measures: Measures, period: Period, by: Sequence[str]
) -> list[BreakdownRow]:
    group_keys = [key for key in by if key in GROUP_COLUMNS]
    time_keys = [key for key in by if key not in GROUP_COLUMNS]
    groups: list[tuple[Any, ...] | None] = [None]
    if group_keys and measures.cubes:
        groups = sorted({g for _, cube in measures.cubes for g in cube.groups()}, key=str)
    spans: list[tuple[dict[str, str | None], Period]] = [({}, period)]
    for key in time_keys:
        spans = [
            ({**labels, key: bucket.label}, bucket)
            for labels, outer in spans
            for bucket in _time_buckets(plan, outer, key)
        ]
    rows = []
    for group in groups:
        keys: dict[str, str | None] = {}
        if group is not None:
            keys = {key: group[index] for index, key in enumerate(group_keys)}
        for labels, span in spans:
            figures = {}
            for measure in measures.measure_ids():
                figure = measures.figure(measure, span, group=group)
                if figure is not None:
                    figures[measure] = figure
            rows.append(BreakdownRow({**keys, **labels}, figures))
    return rows


def measured_window(period: Period, as_of: date) -> Period:
    """The days of ``period`` counted as of ``as_of``: none after it (the world as it was
    that day), so that ``kpi --as-of`` and ``status --as-of`` give one figure."""
    if as_of >= period.end:
        return period
    if as_of < period.start:
        raise UserError(
            _(
                "--as-of {as_of} is before the period {period} starts ({start}): nothing of "
                "it can be measured yet"
            ).format(as_of=day(as_of), period=period.label, start=day(period.start)),
            hint=_("give a later --as-of, or an earlier period"),
        )
    return Period(period.start, as_of, period.label)


def judge_all(
    plan: Plan,
    measures: Measures,
    period: Period,
    as_of: date,
    group: tuple[Any, ...] | None = None,
) -> list[TargetResult]:
    """Every target's standing for ``period`` (for one group of the cubes, e.g. a unit)."""
    rule = plan.calendar.period_rule
    window = measured_window(period, as_of)
    results = []
    for target in plan.targets:
        figure = measures.figure(target.measure, window, target.id, group)

        def monthly(target_: Any = target) -> tuple[list[Figure], Figure, int]:
            year = named_period(rule, target_.period, "Y")
            cutoff = min(period.end, as_of)
            done, left = elapsed_months(rule, target_.period, cutoff)
            figures = [measures.figure(target_.measure, m, target_.id, group) for m in done]
            ytd = measures.figure(
                target_.measure, Period(year.start, cutoff, "ytd"), target_.id, group
            )
            return [f for f in figures if f is not None], ytd or Figure(None, None, None, ""), left

        uses_exports = target.measure in measures.measure_ids()
        results.append(
            judge(
                target,
                figure,
                period=period,
                as_of=as_of,
                rule=rule,
                monthly=monthly if uses_exports else None,
            )
        )
    return results


def check_period_has_targets(plan: Plan, period: Period) -> None:
    """:class:`UserError` when ``period`` lies outside the years every target is set for
    (``--year 2023`` on a 2024 plan): each target would be judged on the wrong year."""
    rule = plan.calendar.period_rule
    years = sorted({target.period for target in plan.targets})
    spans = [named_period(rule, year, "Y") for year in years]
    if not spans or any(s.start <= period.end and period.start <= s.end for s in spans):
        return
    listed = ", ".join(str(year) for year in years)
    raise UserError(
        _(
            "the plan's targets are set for {years}; the period {period} ({span}) lies "
            "outside them, so no target can be judged on it"
        ).format(years=listed, period=period.label, span=day_span(period.start, period.end)),
        hint=_("measure the plan's year: cchc kpi --year {year} (or --from/--to inside it)").format(
            year=years[-1]
        ),
    )


def run_kpi(
    plan: Plan,
    plan_dir: Path,
    period: Period,
    *,
    as_of: date,
    by: Sequence[str] = (),
    data: Sequence[Path] = (),
    rejects: Path | None = None,
) -> KpiResult:
    """Measure every target of ``plan`` for ``period`` (and the ``by`` breakdown);
    ``rejects``: write every row set aside there (CSV)."""
    from cchc_cli.measure.hygiene import write_rejects
    from cchc_cli.measure.load import load_measures

    check_period_has_targets(plan, period)
    group_keys = [key for key in by if key in GROUP_COLUMNS]
    measures = load_measures(
        plan, plan_dir, group_keys, list(data), every_reject=rejects is not None
    )
    if rejects is not None:
        write_rejects(rejects, measures.reports)
    window = measured_window(period, as_of)
    overall = {}
    for measure in measures.measure_ids():
        figure = measures.figure(measure, window)
        if figure is not None:
            overall[measure] = figure
    labels = {k: v for _, cube in measures.cubes for k, v in cube.labels.items()}
    labels["unit"] = {unit.code: unit.name for unit in plan.units}
    return KpiResult(
        plan.meta.id,
        period,
        plan.calendar.period_rule,
        as_of,
        judge_all(plan, measures, period, as_of),
        overall,
        _breakdown(plan, measures, window, by) if by else [],
        [report.summary() for report in measures.reports],
        tuple(by),
        labels,
        None if rejects is None else str(rejects),
    )


def evaluate_targets(plan: Plan, plan_dir: Path, period: Period, today: date) -> list[TargetResult]:
    """Every target's standing for ``period`` as of ``today`` (for ``cchc status``)."""
    return run_kpi(plan, plan_dir, period, as_of=today).targets
