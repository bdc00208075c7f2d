"""``cchc rollup``: unit plans aggregated into the department's view.

Ratio measures add numerators and denominators across units (a total is never an
average of percentages); tasks are counted by status per unit; a qualitative target
lists each unit's evidence; a unit without data for the period is listed as missing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.model.terms import Period

if TYPE_CHECKING:
    from cchc_cli.model.plan import Plan
    from cchc_cli.model.targets import Target
    from cchc_cli.results.measures import TargetResult
    from cchc_cli.services.kpi import PeriodChoice

__all__ = ["RollupResult", "RollupTarget", "UnitFigure", "UnitProgress", "rollup_plans"]


@dataclass(frozen=True)
class UnitFigure:
    """One unit's (or the total's) figure for a target."""

    unit: str
    numerator: float | None
    denominator: float | None
    value: float | None
    """Percent; the total's is its summed numerator over its summed denominator."""
    evidence: str | None = None


@dataclass(frozen=True)
class RollupTarget:
    """A target across units: keyed by its ``parent`` (the department's id) if any."""

    target: str
    measure: str
    threshold: str
    unit: str | None
    """percent, count, days…: percentages given without their counts do not add up."""
    qualitative: bool
    units: list[UnitFigure]
    total: UnitFigure | None


@dataclass(frozen=True)
class UnitProgress:
    unit: str
    plan: str
    tasks: dict[str, int]
    """Tasks by status."""


@dataclass(frozen=True)
class RollupResult:
    kind: ClassVar[str] = "rollup"
    year: int
    period: Period
    units: list[str]
    targets: list[RollupTarget]
    progress: list[UnitProgress]
    missing: list[str]
    """Units with no data for the period."""


def _unit_code(plan: Plan) -> str:
    return plan.meta.issuing_body.short_name or plan.meta.id


def _checked(plans: list[tuple[Path, Plan]]) -> None:
    years = {plan.year for _, plan in plans}
    if len(years) > 1:
        shown = ", ".join(f"{path} ({plan.year})" for path, plan in plans)
        raise UserError(
            _("the plans are for different years: {plans}").format(plans=shown),
            hint=_("roll up the unit plans of one year; pass the directories of that year only"),
        )
    seen: dict[str, Path] = {}
    for path, plan in plans:
        code = _unit_code(plan)
        if code in seen:
            raise UserError(
                _("unit {unit} is given twice: {first} and {second}").format(
                    unit=code, first=seen[code], second=path
                ),
                hint=_("pass each unit's plan once"),
            )
        seen[code] = path


def rollup_plans(
    directories: list[Path], choice: PeriodChoice, *, as_of: date | None = None
) -> RollupResult:
    """Measure every unit plan for the chosen period and add them up."""
    from cchc_cli.services.kpi import choose_period, measure_plan
    from cchc_cli.services.workspace import Workspace

    if not directories:
        raise UserError(
            _("name the unit plans to roll up: {command}").format(command="cchc rollup DIR DIR…")
        )
    workspaces = [Workspace(directory) for directory in directories]
    _checked([(ws.directory, ws.plan) for ws in workspaces])
    period = choose_period(workspaces[0], choice)
    rows: dict[str, list[tuple[str, TargetResult, Target]]] = {}
    progress, missing, order = [], [], []
    for workspace in workspaces:
        plan, code = workspace.plan, _unit_code(workspace.plan)
        order.append(code)
        result = measure_plan(workspace, choice, as_of=as_of)
        reported = False
        for item in result.targets:
            target = plan.targets_by_id[item.target]
            key = target.parent or target.id
            rows.setdefault(key, []).append((code, item, target))
            reported = reported or bool(item.denominator)
        if not reported:
            missing.append(code)
        counts = Counter(task.status for task in plan.tasks)
        progress.append(UnitProgress(code, plan.meta.id, dict(sorted(counts.items()))))
    targets = [_target(key, items) for key, items in rows.items()]
    return RollupResult(workspaces[0].plan.year, period, order, targets, progress, missing)


def _target(key: str, items: list[tuple[str, TargetResult, Target]]) -> RollupTarget:
    first, target = items[0][1], items[0][2]
    qualitative = first.op is None
    units = [
        UnitFigure(code, item.numerator, item.denominator, item.value, of.evidence)
        for code, item, of in items
    ]
    total = None
    if not qualitative:
        counted = [item for _, item, _ in items if item.denominator is not None]
        numerator = sum(item.numerator or 0 for item in counted) if counted else None
        denominator = sum(item.denominator or 0 for item in counted) if counted else None
        value = None
        if numerator is not None and denominator:
            value = round(100 * numerator / denominator, 2)
        given = [item.value for _, item, _ in items if item.denominator is None]
        if given and target.unit != "percent" and all(v is not None for v in given):
            value = sum(v for v in given if v is not None)  # counts add up
        elif given:
            value = None  # percentages without their counts cannot be added
        total = UnitFigure("total", numerator, denominator, value)
    return RollupTarget(
        key, first.measure, first.threshold_text, target.unit, qualitative, units, total
    )
