"""``cchc status``: where the plan stands on a day — tasks, deadlines, next report, targets."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from cchc_cli.dates import as_of_date
from cchc_cli.model.terms import TARGET_STATUSES, TargetStatus
from cchc_cli.results.revision import NO_STAMP, Stamp
from cchc_cli.schedule.agenda import StatusReport, build_status
from cchc_cli.services.workspace import Workspace

__all__ = [
    "ScoreLine",
    "StatusResult",
    "TargetLine",
    "TargetsSummary",
    "plan_status",
]

NoTargets = Literal["no_datasets", "year_not_started", "cannot_measure"]
"""Why the targets panel has no lines: the plan declares no data, its year has not
begun, or the data cannot be read (``problem`` says why)."""


@dataclass(frozen=True, slots=True)
class TargetLine:
    """One target as the dashboard shows it."""

    ref: str
    """Where the plan sets it: ``II.6``, ``PL.10``…"""
    measure: str
    """The measure id, e.g. ``on_time_rate``."""
    value: float | None
    """The measured value (a percentage for rates); None when there is no data."""
    threshold: str
    """The commitment in short form, e.g. ``> 95%``."""
    status: TargetStatus
    op: str | None = None
    """The comparison (``>``, ``>=``, ``=``…) of ``threshold``; None: qualitative."""
    goal: float | None = None
    """The number of ``threshold``."""
    goal_unit: str | None = None
    """``percent`` or the unit of ``goal``."""
    error_budget: int | None = None
    """How many more late dossiers the target can take and still be met (rates)."""
    projection: float | None = None
    """The year-end value the monthly trend points to (percent)."""


@dataclass(frozen=True, slots=True)
class ScoreLine:
    """The scorecard (``cchc score``) in one line: the total and the weakest indicator."""

    scheme: str
    earned: float
    total: float
    measurable: float
    weakest: str | None = None
    """The indicator that loses the most points (None: none loses any)."""
    weakest_earned: float | None = None
    weakest_points: float | None = None


@dataclass(frozen=True)
class TargetsSummary:
    """The targets panel: measured lines with counts and the days measured, or why there
    are none. Data only: the views say it in the reader's language."""

    status: Literal["measured", "no_data"]
    counts: dict[TargetStatus, int]
    items: list[TargetLine]
    measured_from: date | None = None
    measured_to: date | None = None
    reason: NoTargets | None = None
    """Why there are no lines (``status`` ``no_data``)."""
    problem: str | None = None
    """With ``cannot_measure``: what is wrong with the data (as ``cchc kpi`` says it)."""
    year_start: date | None = None
    """With ``year_not_started``: the first day of the plan's year."""

    @classmethod
    def of(cls, lines: list[TargetLine] | None, why: Why) -> TargetsSummary:
        if not lines:
            return cls(
                "no_data",
                {},
                [],
                reason=why.reason or "no_datasets",
                problem=why.problem,
                year_start=why.year_start,
            )
        counts = {
            status: sum(line.status == status for line in lines) for status in TARGET_STATUSES
        }
        return cls("measured", counts, list(lines), why.measured_from, why.measured_to)


@dataclass(frozen=True, slots=True)
class Why:
    """What the measuring of the targets says beside its lines."""

    reason: NoTargets | None = None
    problem: str | None = None
    year_start: date | None = None
    measured_from: date | None = None
    measured_to: date | None = None


@dataclass(frozen=True)
class StatusResult(StatusReport):
    """The whole dashboard."""

    kind: ClassVar[str] = "status"
    targets: TargetsSummary = TargetsSummary("no_data", {}, [], reason="no_datasets")
    score: ScoreLine | None = None
    """The plan's scorecard over the year so far, when the plan has one and data."""
    revision: Stamp = NO_STAMP
    """The plan's revision (cchc_cli.vcs.stamp)."""
    year_end: date | None = None
    """The last day of the plan's year."""
    year_over: bool = False
    """``as_of`` is after :attr:`year_end`: the views point to the year-end view."""
    units: dict[str, str] = field(default_factory=dict)
    """Code → name of the plan's units (the tables name them where there is room)."""


def plan_status(
    workspace: Workspace,
    *,
    as_of: date | None = None,
    unit: str | None = None,
    targets: list[TargetLine] | None = None,
) -> StatusResult:
    """The dashboard of the plan as of ``as_of`` (default: today where the office is)."""
    view = workspace.schedule
    day = as_of_date(as_of, view.timezone)
    report = build_status(view, day, unit=unit)
    why, score = Why(), None
    if targets is None and view.measured:
        targets, why, score = measured_targets(workspace, day)
    fields = {name: getattr(report, name) for name in StatusReport.__dataclass_fields__}
    return StatusResult(
        **fields,
        targets=TargetsSummary.of(targets, why),
        score=score,
        revision=workspace.revision,
        year_end=date(view.year, 12, 31),
        year_over=day > date(view.year, 12, 31),
        units=dict(view.units),
    )


Measured = tuple[list[TargetLine] | None, Why, ScoreLine | None]


def measured_targets(workspace: Workspace, as_of: date) -> Measured:
    """Every target of the plan measured over its year up to ``as_of``, or why not; and
    the plan's scorecard over the same days, in one line.

    Kept in the user cache, keyed by the plan's content, its exports' sizes and times
    and the day, so an unchanged plan and unchanged data cost no DuckDB at all. A
    problem with the data (a missing export, an unmapped value) does not stop the
    dashboard: the panel says what ``cchc kpi`` would say.
    """
    import json

    from cchc_cli.schedule.cache import read_entry, write_entry

    names = _entry_names(workspace, as_of)
    for index, name in enumerate(names):
        cached = read_entry(name)
        if cached is None:
            continue
        with contextlib.suppress(ValueError, KeyError, TypeError):
            data = json.loads(cached)
            lines = [TargetLine(**item) for item in data["lines"]] if data["lines"] else None
            score = ScoreLine(**data["score"]) if data["score"] else None
            found = lines, _why_from(data["why"]), score
            for other in names[:index]:  # the file key of an edited but equivalent plan
                write_entry(other, cached)
            return found
    lines, why, score = _measure_targets(workspace, as_of)
    if names:
        from dataclasses import asdict

        items = None if lines is None else [asdict(line) for line in lines]
        entry = {
            "lines": items,
            "why": {key: _plain(value) for key, value in asdict(why).items()},
            "score": None if score is None else asdict(score),
        }
        text = json.dumps(entry, ensure_ascii=False)
        for name in names:
            write_entry(name, text)
    return lines, why, score


def _entry_names(workspace: Workspace, as_of: date) -> list[str]:
    """Where the measured targets of this plan, data, day and language are kept.

    First by the plan's files (known without loading the plan); then, when the plan is
    loaded anyway (it changed since the last run), by what it says — every section but
    the report narratives — so that an edit that changes nothing measured (a comment, a
    narrative, a reformatted file) finds the targets without opening the exports. A
    task's status is part of it: the plan's own measure ``plan_tasks_done_share``
    counts tasks done.
    """
    from cchc_cli.cache import code_fingerprint
    from cchc_cli.i18n import language
    from cchc_cli.schedule.cache import data_fingerprint, plan_key

    keys = []
    key = plan_key(workspace.directory)
    if key is not None:
        keys.append(f"files:{key}")
    plan = workspace.loaded_plan
    if plan is not None:
        said = plan.model_dump_json(exclude={"reports"})
        keys.append(f"plan:{code_fingerprint()}:{said}")
    if not keys:
        return []
    # The reasons shown when targets cannot be measured are in the language in use.
    tail = f"|{data_fingerprint(workspace.directory)}|{as_of}|{language()}"
    return [f"targets3-{hashlib.sha256((key + tail).encode()).hexdigest()}.json" for key in keys]


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _why_from(data: dict[str, str | None]) -> Why:
    def day(key: str) -> date | None:
        value = data.get(key)
        return None if value is None else date.fromisoformat(value)

    reason = data.get("reason")
    if reason not in (None, "no_datasets", "year_not_started", "cannot_measure"):
        raise ValueError(reason)
    return Why(
        reason,  # type: ignore[arg-type]
        data.get("problem"),
        day("year_start"),
        day("measured_from"),
        day("measured_to"),
    )


def _measure_targets(workspace: Workspace, as_of: date) -> Measured:
    from cchc_cli.errors import CchcError
    from cchc_cli.measure.kpi import check_period_has_targets, judge_all, measured_window
    from cchc_cli.measure.load import load_measures
    from cchc_cli.measure.periods import named_period
    from cchc_cli.measure.scoring import score_card
    from cchc_cli.model.terms import Period

    plan = workspace.plan
    year = named_period(plan.calendar.period_rule, plan.year, "Y")
    if as_of < year.start:
        return None, Why("year_not_started", year_start=year.start), None
    period = Period(year.start, min(as_of, year.end), f"{plan.year} to date")
    try:
        check_period_has_targets(plan, period)
        # One read of the data for the targets and the scorecard alike.
        measures = load_measures(plan, workspace.directory, [], [])
        results = judge_all(plan, measures, period, as_of)
    except CchcError as exc:
        return None, Why("cannot_measure", problem=exc.message), None
    lines = []
    for r in results:
        target = plan.targets_by_id[r.target]
        lines.append(
            TargetLine(
                r.ref,
                r.measure,
                r.value,
                target.threshold_text,
                r.status,
                target.op,
                target.value,
                target.unit,
                r.error_budget,
                r.projection,
            )
        )
    score = None
    if plan.scorecards:
        card = plan.scorecards[0]
        scored = score_card(card, measures, measured_window(period, as_of))
        weakest = scored.weakest()
        score = ScoreLine(
            card.id,
            scored.earned,
            scored.total,
            scored.measurable,
            None if weakest is None else weakest.id,
            None if weakest is None else weakest.earned,
            None if weakest is None else weakest.points,
        )
    return lines, Why(measured_from=period.start, measured_to=period.end), score
