"""``cchc kpi``: every target measured for a period, from the plan's datasets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.measure.kpi import BY_KEYS
from cchc_cli.model.terms import Period
from cchc_cli.results.measures import KpiResult
from cchc_cli.services.workspace import Workspace

if TYPE_CHECKING:
    from cchc_cli.results.scores import ScoreResult

__all__ = [
    "PeriodChoice",
    "check_breakdown",
    "choose_period",
    "data_failure",
    "measure_plan",
]


@dataclass(frozen=True)
class PeriodChoice:
    """The period options of ``kpi``, ``report`` and friends, as given."""

    quarter: str | None = None
    half: str | None = None
    year: int | None = None
    start: date | None = None
    end: date | None = None
    ytd: bool = False


def choose_period(workspace: Workspace, choice: PeriodChoice) -> Period:
    """The period the options name, under the plan's period rule (default: its year)."""
    from cchc_cli.measure.periods import select_period

    plan = workspace.plan
    return select_period(
        plan.calendar.period_rule,
        plan.year,
        quarter=choice.quarter,
        half=choice.half,
        year=choice.year,
        start=choice.start,
        end=choice.end,
        ytd=choice.ytd,
    )


def check_breakdown(by: Sequence[str]) -> list[str]:
    """The ``--by`` keys without repeats, or :class:`UserError` for an unknown one."""
    from cchc_cli.suggest import did_you_mean

    keys = list(dict.fromkeys(by))
    for key in keys:
        if key not in BY_KEYS:
            raise UserError(
                _("--by {key} is not one of: {keys}").format(key=repr(key), keys=", ".join(BY_KEYS))
                + did_you_mean(key, BY_KEYS)
            )
    return keys


def measure_plan(
    workspace: Workspace,
    choice: PeriodChoice,
    *,
    as_of: date | None = None,
    by: Sequence[str] = (),
    data: Sequence[Path] = (),
    rejects: Path | None = None,
) -> KpiResult:
    """Measure every target of the plan for the chosen period (and the ``by`` breakdown)."""
    from cchc_cli.dates import as_of_date
    from cchc_cli.measure.kpi import run_kpi

    keys = check_breakdown(by)
    plan = workspace.plan
    period = choose_period(workspace, choice)
    today = as_of_date(as_of, plan.calendar.timezone)
    result = run_kpi(
        plan, workspace.directory, period, as_of=today, by=keys, data=data, rejects=rejects
    )
    return replace(result, revision=workspace.revision.text)


def data_failure(result: KpiResult | ScoreResult, *, strict: bool = False) -> str | None:
    """Why the run fails (exit 1): too much of a dataset set aside as invalid, or under
    ``--strict`` any row set aside; None when it does not."""
    verdicts = [report.verdict for report in result.datasets if report.verdict]
    if verdicts:
        return "; ".join(verdicts)
    if not strict:
        return None
    unclean = [report for report in result.datasets if not report.clean]
    if not unclean:
        return None
    from cchc_cli.i18n.forms import number

    detail = "; ".join(
        _("{dataset}: {invalid} invalid, {duplicates} duplicate row(s)").format(
            dataset=r.dataset, invalid=number(r.invalid), duplicates=number(r.duplicates)
        )
        for r in unclean
    )
    return _("rows were set aside ({detail}); --strict fails on them").format(detail=detail)
