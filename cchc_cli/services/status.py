"""``cchc status``: where the plan stands on a day — tasks, deadlines, next report, targets."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal

from cchc_cli.dates import as_of_date, format_day
from cchc_cli.model.terms import TARGET_STATUSES, TargetStatus
from cchc_cli.results.revision import NO_STAMP, Stamp
from cchc_cli.schedule.agenda import StatusReport, build_status
from cchc_cli.services.workspace import Workspace

__all__ = [
    "NO_DATA",
    "ScoreLine",
    "StatusResult",
    "TargetLine",
    "TargetsSummary",
    "plan_status",
]

NO_DATA = "no data yet: targets are measured from the dossier system's exports"


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
    """The targets panel: measured lines with counts, or why there are none."""

    status: Literal["measured", "no_data"]
    note: str | None
    counts: dict[TargetStatus, int]
    items: list[TargetLine]

    @classmethod
    def of(cls, lines: list[TargetLine] | None, note: str | None) -> TargetsSummary:
        if not lines:
            return cls("no_data", note or NO_DATA, {}, [])
        counts = {
            status: sum(line.status == status for line in lines) for status in TARGET_STATUSES
        }
        return cls("measured", note, counts, list(lines))


@dataclass(frozen=True)
class StatusResult(StatusReport):
    """The whole dashboard."""

    kind: ClassVar[str] = "status"
    targets: TargetsSummary = TargetsSummary("no_data", NO_DATA, {}, [])
    score: ScoreLine | None = None
    """The plan's scorecard over the year so far, when the plan has one and data."""
    revision: Stamp = NO_STAMP
    """The plan's revision (cchc_cli.vcs.stamp)."""


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
    note = score = None
    if targets is None and view.measured:
        targets, note, score = measured_targets(workspace, day)
    fields = {name: getattr(report, name) for name in StatusReport.__dataclass_fields__}
    return StatusResult(
        **fields,
        targets=TargetsSummary.of(targets, note),
        score=score,
        revision=workspace.revision,
    )


Measured = tuple[list[TargetLine] | None, str | None, ScoreLine | None]


def measured_targets(workspace: Workspace, as_of: date) -> Measured:
    """Every target of the plan measured over its year up to ``as_of``, or why not; and
    the plan's scorecard over the same days, in one line.

    Kept in the user cache, keyed by the plan's content, its exports' sizes and times
    and the day, so an unchanged plan and unchanged data cost no DuckDB at all. A
    problem with the data (a missing export, an unmapped value) does not stop the
    dashboard: the panel says what ``cchc kpi`` would say.
    """
    import json

    from cchc_cli.schedule.cache import data_fingerprint, plan_key, read_entry, write_entry

    key = plan_key(workspace.directory)
    name = None
    if key is not None:
        fingerprint = data_fingerprint(workspace.directory)
        digest = hashlib.sha256(f"{key}|{fingerprint}|{as_of}".encode())
        name = f"targets-{digest.hexdigest()}.json"
        cached = read_entry(name)
        if cached is not None:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                data = json.loads(cached)
                lines = [TargetLine(**item) for item in data["lines"]] if data["lines"] else None
                score = ScoreLine(**data["score"]) if data["score"] else None
                return lines, data["note"], score
    lines, note, score = _measure_targets(workspace, as_of)
    if name is not None:
        from dataclasses import asdict

        items = None if lines is None else [asdict(line) for line in lines]
        entry = {"lines": items, "note": note, "score": None if score is None else asdict(score)}
        write_entry(name, json.dumps(entry, ensure_ascii=False))
    return lines, note, score


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
        return None, f"the plan's year starts on {format_day(year.start)}", None
    period = Period(year.start, min(as_of, year.end), f"{plan.year} to date")
    try:
        check_period_has_targets(plan, period)
        # One read of the data for the targets and the scorecard alike.
        measures = load_measures(plan, workspace.directory, [], [])
        results = judge_all(plan, measures, period, as_of)
    except CchcError as exc:
        note = f"cannot measure targets: {exc.message} (run `cchc kpi` for details)"
        return None, note, None
    lines = [
        TargetLine(r.ref, r.measure, r.value, plan.targets_by_id[r.target].threshold_text, r.status)
        for r in results
    ]
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
    return lines, f"measured {format_day(period.start)}–{format_day(period.end)}", score
