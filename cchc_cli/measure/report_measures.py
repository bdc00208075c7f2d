"""The numbers of a periodic report, measured in one pass over the plan's data.

A report needs more than ``cchc kpi`` prints, from the same data: every target for
the report's period (for the department, or for one unit), the figures of each unit,
the month-by-month trend of the dossier measures over the year so far, and the
content hash of every data file it read. The datasets are read once for all of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_cli.measure.formulas import FORMULAS
from cchc_cli.measure.kpi import _breakdown, judge_all, measured_window
from cchc_cli.measure.periods import month_periods
from cchc_cli.measure.scoring import score_card
from cchc_cli.model.plan import Plan
from cchc_cli.model.terms import Period
from cchc_cli.results.measures import BreakdownRow, DatasetSummary, Figure, TargetResult
from cchc_cli.results.scores import Score

__all__ = ["DataFile", "ReportMeasures", "measure_report"]


@dataclass(frozen=True, slots=True)
class DataFile:
    """A file a report's numbers come from, and its content hash (SHA-256)."""

    path: str
    sha256: str


@dataclass(frozen=True)
class ReportMeasures:
    targets: list[TargetResult]
    by_unit: list[BreakdownRow]
    """The dossier measures of each unit for the period (empty for a unit's report)."""
    monthly: list[BreakdownRow]
    """The dossier measures month by month, from the year's start to the period's end."""
    datasets: list[DatasetSummary]
    files: list[DataFile]
    scorecard: Score | None = None
    """The plan's first scorecard scheme scored on the period (None: the plan has none)."""


def measure_report(
    plan: Plan,
    plan_dir: Path,
    period: Period,
    *,
    as_of: date,
    unit: str | None = None,
    data: Sequence[Path] = (),
) -> ReportMeasures:
    """Every number of the report on ``period`` as of ``as_of`` (for ``unit`` if given)."""
    from cchc_cli.findings import relative_path
    from cchc_cli.measure.cache import Cache
    from cchc_cli.measure.load import load_measures

    measures = load_measures(plan, plan_dir, ["unit"], list(data))
    group = None if unit is None else (unit,)
    targets = judge_all(plan, measures, period, as_of, group)
    by_unit = [] if unit is not None else _breakdown(plan, measures, period, ["unit"])
    dossier = [measure for measure in measures.measure_ids() if measure in FORMULAS]
    cutoff = min(period.end, as_of)
    monthly = []
    for month in month_periods(plan.calendar.period_rule, period.end.year):
        if month.start > cutoff:
            break
        span = Period(month.start, min(month.end, cutoff), month.label)
        figures: dict[str, Figure] = {}
        for measure in dossier:
            figure = measures.figure(measure, span, group=group)
            if figure is not None:
                figures[measure] = figure
        monthly.append(BreakdownRow({"month": month.label}, figures))
    scorecard = None
    if plan.scorecards:
        window = measured_window(period, as_of)
        scorecard = score_card(plan.scorecards[0], measures, window, group)
    cache = Cache.for_plan(plan_dir)
    sources = [Path(name) for report in measures.reports for name in report.files]
    # Named from the plan repository's root ("plan/data/…"), wherever cchc runs.
    root = plan_dir.resolve().parent
    files = [
        DataFile(relative_path(path, root), cache.content_hash(path))
        for path in [*sources, *measures.row_files]
        if path.is_file()
    ]
    return ReportMeasures(
        targets,
        by_unit,
        monthly,
        [report.summary() for report in measures.reports],
        files,
        scorecard,
    )
