"""A report result as the context its templates read: every string in Vietnamese.

Templates hold the outline and the layout; this module turns the facts of
:class:`~cchc_cli.services.report.ReportResult` into the strings they print (dates,
numbers with Vietnamese separators, states and statuses by their Vietnamese names),
and the raw numbers the charts need. The shape is pinned by
``tests/render/data/report_context.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cchc_cli.i18n import vi
from cchc_cli.quoting import shorten
from cchc_cli.render.report_scorecard import scorecard_chart_rows, scorecard_context
from cchc_cli.render.styles import clean
from cchc_cli.results.measures import BreakdownRow
from cchc_cli.results.revision import UNVERSIONED
from cchc_cli.services.report import AreaResult, ReportResult, TargetRow, TaskProgress
from cchc_cli.services.report_upcoming import Upcoming

__all__ = ["TREND_MEASURES", "map_text", "report_context"]

TREND_MEASURES = (
    "on_time_rate",
    "online_full_share",
    "online_payment_share",
    "digitized_share",
    "satisfaction_rate",
)
"""The dossier measures drawn month by month, in this order."""

_OPS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}
_UNITS = {"percent": "%", "count": "", "days": " ngày", "rank": ""}


def _threshold(row: TargetRow) -> str:
    result = row.result
    if result.op is None or result.threshold is None:
        return str(vi.LABELS["qualitative"])
    suffix = _UNITS.get(row.unit or "percent", "")
    return f"{_OPS[result.op]} {vi.number(result.threshold)}{suffix}"


def _target_note(row: TargetRow) -> str | None:
    result = row.result
    notes = []
    if result.status == "at_risk" and result.projection is not None:
        notes.append(f"dự báo cuối kỳ {vi.percent(result.projection)}, không đạt ngưỡng")
    if result.error_budget == 0 and result.status != "missed":
        notes.append("không còn được phép trễ thêm hồ sơ nào")
    elif result.error_budget:
        notes.append(f"còn được phép trễ {vi.number(result.error_budget)} hồ sơ")
    elif result.projection is not None and result.status != "at_risk":
        notes.append(f"dự báo cuối năm {vi.percent(result.projection)}")
    return "; ".join(notes) or None


def _target(row: TargetRow) -> dict[str, Any]:
    result = row.result
    return {
        "ref": result.ref,
        "text": " ".join(row.text.split()),
        "measure": result.measure,
        "measure_label": row.measure_title,
        "numerator": vi.number(result.numerator),
        "denominator": vi.number(result.denominator),
        "value": vi.percent(result.value),
        "threshold": _threshold(row),
        "status": result.status,
        "status_label": vi.TARGET_STATUS[result.status],
        "note": _target_note(row),
    }


def _task(task: TaskProgress) -> dict[str, Any]:
    late = task.working_days_late
    return {
        "id": task.id,
        "content": " ".join(task.content.split()),
        "lead": ", ".join(task.lead),
        "coordinators": ", ".join(task.coordinators),
        "deadline": task.deadline,
        "state": task.state,
        "state_label": vi.TASK_STATE[task.state],
        "percent": None if task.percent is None else f"{vi.number(task.percent)}%",
        "progress": [
            f"{vi.day(update.date)}: {update.note or vi.TASK_STATUS[update.status]}"
            for update in task.updates
        ],
        "evidence": task.evidence,
        "problems": task.problems,
        "proposals": task.proposals,
        "late": None if not late else f"{late} ngày làm việc",
    }


def _area(area: AreaResult, number: str) -> dict[str, Any]:
    return {
        "number": number,
        "id": area.id,
        "title": area.title,
        "paragraphs": area.paragraphs,
        "tasks": [_task(task) for task in area.tasks],
        "targets": [_target(row) for row in area.targets],
        "placeholder": not (area.paragraphs or area.tasks or area.targets),
    }


def _assessment(result: ReportResult) -> tuple[list[str], list[str], list[str]]:
    """Strengths, weaknesses and proposals that the data and the tasks yield."""
    strengths, weaknesses, proposals = [], [], []
    for row in result.targets:
        target = _target(row)
        line = (
            f"Chỉ tiêu {target['ref']} ({row.measure_title}): {target['value']}, "
            f"{target['status_label']} (chỉ tiêu {target['threshold']})"
        )
        if row.result.status == "met":
            strengths.append(line + ".")
        elif row.result.status in ("missed", "at_risk"):
            weaknesses.append(line + (f"; {target['note']}." if target["note"] else "."))
    strengths += [f"Nhiệm vụ {t.id} đã hoàn thành: {shorten(t.content, 90)}" for t in result.done]
    for task in result.overdue:
        weaknesses.append(
            f"Nhiệm vụ {task.id} ({', '.join(task.lead)}) quá hạn "
            f"{task.working_days_late or 0} ngày làm việc: {shorten(task.content, 90)}"
        )
    tasks = [t for area in (result.direction, *result.areas) for t in area.tasks]
    weaknesses += [f"{task.id}: {problem}" for task in tasks for problem in task.problems]
    proposals += [f"{task.id}: {proposal}" for task in tasks for proposal in task.proposals]
    for data in result.datasets:
        if data.invalid or data.duplicates:
            weaknesses.append(
                f"Dữ liệu {data.dataset}: {vi.number(data.invalid + data.duplicates)} dòng bị "
                f"loại ({vi.number(data.invalid)} không hợp lệ, "
                f"{vi.number(data.duplicates)} trùng lặp)."
            )
    return strengths, weaknesses, proposals


def _titles(result: ReportResult) -> dict[str, str]:
    """Measure id → its Vietnamese name, as the report's targets carry them."""
    return {row.result.measure: row.measure_title for row in result.targets}


def _breakdown(result: ReportResult) -> dict[str, Any]:
    rows: list[BreakdownRow] = result.by_unit
    measures = [m for m in TREND_MEASURES if any(m in row.measures for row in rows)]
    titles = _titles(result)
    return {
        "title": vi.LABELS["breakdown_title"],
        "columns": [vi.LABELS["unit_column"], *(titles.get(m, m) for m in measures)],
        "rows": [
            [
                result.unit_names.get(row.keys.get("unit") or "", row.keys.get("unit") or "–"),
                *(
                    vi.percent(row.measures[m].value) if m in row.measures else "–"
                    for m in measures
                ),
            ]
            for row in rows
        ],
    }


def _charts(result: ReportResult) -> dict[str, Any]:
    attainment = [
        {
            "ref": row.result.ref,
            "label": shorten(f"{row.result.ref} {row.measure_title}", 60),
            "value": row.result.value,
            "threshold": row.result.threshold,
            "status": row.result.status,
        }
        for row in result.targets
        if row.result.value is not None
        and row.result.threshold is not None
        and row.unit == "percent"
    ]
    titles = _titles(result)
    months = [row.keys.get("month") or "" for row in result.monthly]
    series = {
        titles.get(measure, measure): [
            row.measures[measure].value if measure in row.measures else None
            for row in result.monthly
        ]
        for measure in TREND_MEASURES
        if any(measure in row.measures for row in result.monthly)
    }
    return {
        "attainment": attainment,
        "trend": {"months": [_month(label) for label in months], "series": series},
        "scorecard": scorecard_chart_rows(result),
    }


def _month(label: str) -> str:
    """``2024-M6`` → ``06/2024``."""
    year, _, month = label.partition("-M")
    return f"{int(month):02d}/{year}" if month.isdigit() else label


def _provenance(result: ReportResult) -> str:
    source = result.provenance
    parts = [f"Kế hoạch {source.plan_id} · nội dung sha256:{source.plan_sha256[:16]}"]
    if source.revision == UNVERSIONED:
        parts.append("chưa quản lý phiên bản (git)")
    elif source.revision == "uncommitted":
        parts.append("chưa có commit nào")
    elif source.revision:
        # The stamp says "modified" in English (it is data, also in JSON): said in words.
        stamp = source.revision.removesuffix(" modified")
        changed = ", có thay đổi chưa commit" if stamp != source.revision else ""
        parts.append(f"phiên bản {stamp}{changed}")
    files = ", ".join(f"{item.path} sha256:{item.sha256[:16]}" for item in source.files)
    parts.append(f"dữ liệu: {files or 'không có'}")
    return " · ".join(parts)


def report_context(
    result: ReportResult,
    outline: Mapping[str, Mapping[str, str]],
    images: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything the report templates print, formatted in Vietnamese.

    ``outline`` is the report's outline (``templates/report-outline.yaml``): the number
    and title of each section, merged into its part of ``sections``.
    """
    document, period = result.document, result.period
    phrase = vi.period_phrase(period.name, period.year)
    data_from, data_to = vi.day(period.data.start), vi.day(period.data.end)
    strengths, weaknesses, proposals = _assessment(result)
    narrative = result.narrative
    written = {
        key: list(getattr(narrative, key)) if narrative is not None else []
        for key in ("strengths", "weaknesses", "next_period", "proposals")
    }
    following = vi.period_phrase(*_name_year(period.following.label))
    upcoming = [_upcoming_line(item) for item in result.upcoming]
    return _scrub_context(
        {
            "labels": vi.LABELS,
            "header": {
                "parent_body": document.parent_body,
                "issuing_body": document.issuing_body,
                "number_line": vi.number_line(document.number, document.symbol),
                "motto": vi.MOTTO,
                "slogan": vi.SLOGAN,
                "place_date": vi.date_line(document.place, document.signed_on, period.year),
            },
            "title": "BÁO CÁO",
            "summary": f"Kết quả thực hiện công tác cải cách hành chính {phrase}",
            "unit": None
            if result.unit is None
            else {"code": result.unit, "name": result.unit_name},
            "opening": _opening(result, phrase),
            "period": {
                "name": period.name,
                "kind": period.frequency,
                "year": period.year,
                "label": phrase,
                "data_from": data_from,
                "data_to": data_to,
                "as_of": vi.day(result.as_of),
            },
            "outline": outline,
            "sections": {
                "direction": {**_area(result.direction, ""), **outline["direction"]},
                "areas": [_area(area, str(n)) for n, area in enumerate(result.areas, start=1)],
                "strengths": {
                    **outline["strengths"],
                    "paragraphs": written["strengths"],
                    "items": strengths,
                },
                "weaknesses": {
                    **outline["weaknesses"],
                    "paragraphs": written["weaknesses"],
                    "items": weaknesses,
                },
                "next_period": {
                    **outline["next_period"],
                    "label": following,
                    "paragraphs": written["next_period"],
                    "items": upcoming,
                },
                "proposals": {
                    **outline["proposals"],
                    "paragraphs": written["proposals"],
                    "items": proposals,
                },
            },
            "targets": [_target(row) for row in result.targets],
            "breakdown": _breakdown(result),
            "scorecard": scorecard_context(result),
            "data": {
                "period": f"{data_from}–{data_to}",
                "datasets": [
                    f"{d.dataset}: {vi.number(d.rows)} dòng, {vi.number(d.used)} dòng được dùng, "
                    f"{vi.number(d.invalid)} dòng không hợp lệ, "
                    f"{vi.number(d.duplicates)} dòng trùng lặp"
                    for d in result.datasets
                ],
                "set_aside": [
                    note.text(vi.translate)
                    for d in result.datasets
                    for note in [*d.invalid_examples, *d.duplicate_examples]
                ],
            },
            "charts": _charts(result),
            "images": dict(images or {}),
            "recipients": document.recipients,
            "signer": {
                "authority": document.signer_authority,
                "title": document.signer_title,
                "name": document.signer_name,
            },
            "provenance": _provenance(result),
        }
    )


def map_text(value: Any, change: Callable[[str], str]) -> Any:
    """``value`` (a context: dicts and lists of strings and numbers) with ``change``
    applied to every string in it."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: map_text(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [map_text(item, change) for item in value]
    return value


def _scrub_context(context: dict[str, Any]) -> dict[str, Any]:
    """Every string of the context without control characters: an escape sequence in a
    plan must not reach a terminal through Markdown, nor break the Word file's XML."""
    return {key: map_text(value, clean) for key, value in context.items()}


def _upcoming_line(item: Upcoming) -> str:
    if item.overdue and item.due is not None:
        when = f"quá hạn từ {vi.day(item.due)}, cần hoàn thành ngay"
    else:
        when = f"hạn {vi.day(item.due)}" if item.due else item.deadline
    return f"{item.id} — {shorten(item.title, 90)} ({', '.join(item.who)}; {when})"


def _opening(result: ReportResult, phrase: str) -> str:
    """ "Thực hiện Kế hoạch số …/KH-SGDĐT ngày … của … về …, … báo cáo … như sau:"."""
    meta, period = result.plan_meta, result.period
    plan_doc = meta.document
    issued = plan_doc.issued_as_written or ""
    if plan_doc.issued_on is not None:
        issued = f"ngày {vi.day(plan_doc.issued_on)}"
    subject = meta.title
    if subject.startswith(plan_doc.type + " "):  # "Kế hoạch triển khai…" → "triển khai…"
        subject = subject[len(plan_doc.type) + 1 :]
    who = result.unit_name or meta.issuing_body.name
    text = (
        f"Thực hiện {plan_doc.type} số {plan_doc.number or ''}/{plan_doc.symbol} {issued} "
        f"của {meta.issuing_body.name} về {subject}, {who} báo cáo kết quả thực hiện công tác "
        f"cải cách hành chính {phrase} (số liệu từ ngày {vi.day(period.data.start)} đến ngày "
        f"{vi.day(period.data.end)}) như sau:"
    )
    return " ".join(text.split())


def _name_year(label: str) -> tuple[str, int]:
    """``2024-Q3`` → (``Q3``, 2024); ``2025-Y``/``2025`` → (``Y``, 2025)."""
    year, _, name = label.partition("-")
    return name or "Y", int(year)
