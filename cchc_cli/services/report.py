"""``cchc report``: the periodic CCHC report — its facts, gathered in one pass.

The report follows the outline long used for CCHC reports (Ministry of Home Affairs
guidance): I. direction (area III.1 of the plan); II. results per reform area
(III.2–III.7); III. assessment (strengths; weaknesses and causes); IV. the next
period; V. proposals; then the annex of targets. This module gathers every fact the
outline needs — as data, in the plan's own words; the wording and layout of the
document live in the templates (:mod:`cchc_cli.render.report_context`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.measure.report_measures import DataFile
from cchc_cli.model.meta import PlanMeta
from cchc_cli.model.narrative import ReportNarrative
from cchc_cli.model.plan import Plan
from cchc_cli.model.tasks import ProgressUpdate, Task
from cchc_cli.model.terms import Period, TaskState
from cchc_cli.quoting import shorten
from cchc_cli.results.measures import BreakdownRow, DatasetSummary, TargetResult
from cchc_cli.results.scores import Score
from cchc_cli.schedule.state import ItemState
from cchc_cli.services.report_period import ReportPeriod, choose_report_period
from cchc_cli.services.report_upcoming import Upcoming, upcoming
from cchc_cli.services.workspace import Workspace

__all__ = [
    "AreaResult",
    "Provenance",
    "ReportRequest",
    "ReportResult",
    "TargetRow",
    "TaskProgress",
    "build_report",
]

RECENT_UPDATES = 3
"""Progress notes shown per task: the latest ones, up to the report's day."""


@dataclass(frozen=True)
class ReportRequest:
    """What ``cchc report`` was asked for."""

    quarter: str | None = None
    half: str | None = None
    year: int | None = None
    as_of: date | None = None
    unit: str | None = None
    number: str | None = None
    """The document number ("45" in "Số: 45/BC-SGDĐT"); blank to fill by hand."""
    signed_on: date | None = None
    """The signing date; blank ("ngày … tháng … năm") for a draft."""
    data: Sequence[Path] = ()


@dataclass(frozen=True)
class TaskProgress:
    """One task as the report tells it."""

    id: str
    content: str
    lead: list[str]
    """Names of the lead units."""
    coordinators: list[str]
    deadline: str
    """As the plan writes it ("Trước ngày 25/1/2024", "Cả năm 2024")."""
    state: TaskState
    percent: float | None
    working_days_late: int | None
    updates: list[ProgressUpdate]
    """The latest progress updates dated on or before the report's day."""
    evidence: list[str]
    problems: list[str]
    proposals: list[str]


@dataclass(frozen=True)
class TargetRow:
    """A target's standing, with the plan's words for it."""

    result: TargetResult
    text: str
    """The sentence of the plan that sets it."""
    measure_title: str
    """The measure's Vietnamese name, e.g. "Tỷ lệ hồ sơ giải quyết trước và đúng hạn"."""
    unit: str | None
    """The target's unit: ``percent``, ``count``, ``days`` or ``rank``."""


@dataclass(frozen=True)
class AreaResult:
    """A reform area of section III: its tasks and the targets they serve."""

    id: str
    title: str
    paragraphs: list[str]
    """The office's text for this area (``plan/reports/``)."""
    tasks: list[TaskProgress]
    targets: list[TargetRow]


@dataclass(frozen=True)
class Provenance:
    """What a signed report was made from: the plan's content and every data file."""

    plan_id: str
    plan_sha256: str
    files: list[DataFile]
    revision: str | None = None
    """The plan's revision stamp (short commit, tag, "modified"), or "unversioned"."""


@dataclass(frozen=True)
class Document:
    """The report as an administrative document: who issues it, its number and date."""

    parent_body: str
    issuing_body: str
    symbol: str
    """``BC-SGDĐT``."""
    number: str | None
    signed_on: date | None
    place: str
    recipients: list[str]
    signer_authority: str
    signer_title: str
    signer_name: str


@dataclass(frozen=True)
class ReportResult:
    kind: ClassVar[str] = "report"
    plan_id: str
    plan_meta: PlanMeta = field(repr=False)
    document: Document
    period: ReportPeriod
    as_of: date
    unit: str | None
    unit_name: str | None
    direction: AreaResult
    areas: list[AreaResult]
    targets: list[TargetRow]
    overdue: list[TaskProgress]
    done: list[TaskProgress]
    upcoming: list[Upcoming]
    narrative: ReportNarrative | None
    by_unit: list[BreakdownRow]
    unit_names: dict[str, str]
    monthly: list[BreakdownRow]
    datasets: list[DatasetSummary]
    provenance: Provenance
    scorecard: Score | None = None
    """The scorecard (QĐ 766) scored on the report's data period, if the plan has one."""
    scorecard_source: str | None = None
    """What the scheme follows (its ``source``: the decision and its appendix)."""


def build_report(workspace: Workspace, request: ReportRequest) -> ReportResult:
    """Every fact of the report that ``request`` names, as of its day."""
    from cchc_cli.dates import as_of_date
    from cchc_cli.measure.formulas import FORMULAS, PLAN_FORMULAS
    from cchc_cli.measure.report_measures import measure_report

    plan = workspace.plan
    view = workspace.schedule
    as_of = as_of_date(request.as_of, plan.calendar.timezone)
    if request.unit is not None and request.unit not in plan.units_by_code:
        from cchc_cli.schedule.agenda import check_unit

        check_unit(view, request.unit)
    period = choose_report_period(workspace, request, as_of)
    measured = measure_report(
        plan,
        workspace.directory,
        period.data,
        as_of=as_of,
        unit=request.unit,
        data=request.data,
    )
    titles = {
        **{k: f.title for k, f in FORMULAS.items()},
        **{k: f.title for k, f in PLAN_FORMULAS.items()},
    }
    rows = [
        TargetRow(
            r,
            plan.targets_by_id[r.target].text,
            titles.get(r.measure) or shorten(plan.targets_by_id[r.target].text, 80, at_word=True),
            plan.targets_by_id[r.target].unit,
        )
        for r in measured.targets
    ]
    tasks = _task_progress(workspace, as_of, period.data, request.unit)
    narrative = _narrative(plan, period) if request.unit is None else None
    areas = _areas(plan, tasks, rows, narrative)
    return ReportResult(
        plan_id=plan.meta.id,
        plan_meta=plan.meta,
        document=_document(plan, request),
        period=period,
        as_of=as_of,
        unit=request.unit,
        unit_name=plan.units_by_code[request.unit].name if request.unit else None,
        direction=areas[0],
        areas=areas[1:],
        targets=rows,
        overdue=[task for task in tasks.values() if task.state == "overdue"],
        done=[task for task in tasks.values() if task.state == "done"],
        upcoming=upcoming(workspace, period, as_of, request.unit),
        narrative=narrative,
        by_unit=measured.by_unit,
        unit_names={unit.code: unit.name for unit in plan.units},
        monthly=measured.monthly,
        datasets=measured.datasets,
        provenance=Provenance(
            plan.meta.id, _plan_digest(workspace), measured.files, workspace.revision.text
        ),
        scorecard=measured.scorecard,
        scorecard_source=plan.scorecards[0].source if plan.scorecards else None,
    )


def _document(plan: Plan, request: ReportRequest) -> Document:
    meta = plan.meta
    issuer = meta.document.symbol.split("-", 1)[-1]  # "KH-SGDĐT" → "SGDĐT"
    if request.unit is None:
        return Document(
            parent_body=(meta.parent_body.short_name or meta.parent_body.name).upper(),
            issuing_body=meta.issuing_body.name.upper(),
            symbol=f"BC-{issuer}",
            number=request.number,
            signed_on=request.signed_on,
            place=meta.document.place,
            recipients=list(meta.recipients),
            signer_authority=meta.signer.authority,
            signer_title=meta.signer.title,
            signer_name=meta.signer.name,
        )
    # A unit's report goes to the office that compiles the department's.
    unit = plan.units_by_code[request.unit]
    office = next((u.name for u in plan.units if u.code == "VP"), "Văn phòng Sở")
    return Document(
        parent_body=meta.issuing_body.name.upper(),
        issuing_body=unit.name.upper(),
        symbol=f"BC-{unit.code}",
        number=request.number,
        signed_on=request.signed_on,
        place=meta.document.place,
        recipients=[f"{office} (để tổng hợp);", f"Lưu: {unit.code}."],
        signer_authority="",
        signer_title="THỦ TRƯỞNG ĐƠN VỊ",
        signer_name="",
    )


def _narrative(plan: Plan, period: ReportPeriod) -> ReportNarrative | None:
    return next((n for n in plan.reports if n.period == period.key), None)


def _task_progress(
    workspace: Workspace, as_of: date, period: Period, unit: str | None
) -> dict[str, TaskProgress]:
    from cchc_cli.schedule.state import task_state

    plan, view = workspace.plan, workspace.schedule
    states = {
        item.id: task_state(item, view.calendar, as_of, view.due_soon_days, view.year)
        for item in view.tasks
    }
    found = {}
    for task in plan.tasks:
        if unit is not None and unit not in task.lead and unit not in task.coordinators:
            continue
        found[task.id] = _progress(plan, task, states[task.id], as_of, period)
    return found


def _progress(plan: Plan, task: Task, item: ItemState, as_of: date, period: Period) -> TaskProgress:
    names = plan.units_by_code
    known = [update for update in task.updates if update.date <= as_of]
    current = [update for update in known if update.date >= period.start]
    return TaskProgress(
        id=task.id,
        content=task.content,
        lead=[names[code].name if code in names else code for code in task.lead],
        coordinators=[names[code].name if code in names else code for code in task.coordinators],
        deadline=task.deadline.text or (item.occurrence.text() if item.occurrence else ""),
        state=item.state,
        percent=item.percent,
        working_days_late=item.working_days_late,
        updates=known[-RECENT_UPDATES:],
        evidence=[entry for update in known for entry in update.evidence],
        problems=[update.problem for update in current if update.problem],
        proposals=[update.proposal for update in current if update.proposal],
    )


def _shown(row: TargetRow) -> bool:
    return row.result.value is not None


def _area_of(plan: Plan) -> dict[str, str]:
    """Every area and area item id → the id of its area (``III.3.b`` → ``III.3``)."""
    owner = {}
    for area in plan.areas:
        owner[area.id] = area.id
        for item in area.items:
            owner[item.id] = area.id
    return owner


def _areas(
    plan: Plan,
    tasks: dict[str, TaskProgress],
    targets: list[TargetRow],
    narrative: ReportNarrative | None,
) -> list[AreaResult]:
    """Each area with the tasks it leads (a task's first area) and the targets they serve."""
    owner = _area_of(plan)
    tasks_of: dict[str, list[TaskProgress]] = {area.id: [] for area in plan.areas}
    targets_of: dict[str, list[str]] = {area.id: [] for area in plan.areas}
    for task in plan.tasks:
        areas = [owner[a] for a in task.areas if a in owner]
        if not areas:
            continue
        if task.id in tasks:
            tasks_of[areas[0]].append(tasks[task.id])
        for area_id in dict.fromkeys(areas):
            served = targets_of[area_id]
            served += [t for t in task.targets if t not in served]
    by_id = {row.result.target: row for row in targets}
    written = narrative.areas if narrative is not None else {}
    results = []
    for area in plan.areas:
        paragraphs = list(narrative.direction) if narrative and area is plan.areas[0] else []
        results.append(
            AreaResult(
                area.id,
                area.title,
                paragraphs + list(written.get(area.id, [])),
                tasks_of[area.id],
                # Measured ones only: every target, measured or not, is in the annex.
                [by_id[t] for t in targets_of[area.id] if t in by_id and _shown(by_id[t])],
            )
        )
    if not results:
        raise UserError(_("the plan has no areas (section III): a report is written per area"))
    return results


def _plan_digest(workspace: Workspace) -> str:
    """SHA-256 over every plan file's path and bytes: the plan's identity."""
    digest = hashlib.sha256()
    for path in workspace.loaded.files:
        digest.update(f"{path.relative_to(workspace.directory).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
