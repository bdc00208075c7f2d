"""``cchc status``: where the plan stands on a day, as a rich dashboard or as JSON."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_cli.dates import WEEKDAYS, as_of_date, format_day
from cchc_cli.render.agenda_tables import STATE_LABEL, STATE_STYLE, items_table, send_by_note
from cchc_cli.render.targets_panel import TargetLine, targets_json, targets_panel
from cchc_cli.schedule.agenda import StatusReport, build_status
from cchc_cli.schedule.state import ItemState

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cchc_cli.model import Plan

__all__ = ["render_status", "status_json", "status_output"]


def status_json(
    report: StatusReport, targets: Sequence[TargetLine] | None = None, note: str | None = None
) -> str:
    data = report.as_dict()
    data["targets"] = targets_json(targets, note)
    return json.dumps(data, ensure_ascii=False, indent=2)


def _next_report(item: ItemState | None) -> RenderableType:
    from rich.text import Text

    text = Text()
    text.append("Next report: ", style="bold")
    if item is None or item.occurrence is None:
        text.append("none left this year", style="dim")
        return text
    occurrence = item.occurrence
    period = f" {occurrence.period}" if occurrence.period else ""
    text.append(f"{item.title}{period}", style="bold")
    text.append(f" — due {occurrence.text()}")
    if item.data_period is not None:
        text.append(f"\n  data period {item.data_period.text()}")
    note = send_by_note(item)
    if note is not None:
        text.append(f"\n  {note}")
    return text


def render_status(
    report: StatusReport, targets: Sequence[TargetLine] | None = None, note: str | None = None
) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    as_of = report.as_of
    header = Text()
    header.append(report.title, style="bold")
    header.append(f"\nAs of {format_day(as_of)} ({WEEKDAYS[as_of.weekday()]})", style="bold")
    if report.unit:
        header.append(f" · unit {report.unit}")
    header.append(f"\nPlan {report.plan_id} · due soon = within {report.horizon} days")
    counts = Text("Tasks: ", style="bold")
    shown = [state for state, count in report.counts.items() if count or state != "cancelled"]
    for index, state in enumerate(shown):
        if index:
            counts.append(" · ")
        counts.append(f"{report.counts[state]} {STATE_LABEL[state]}", style=STATE_STYLE[state])
    parts: list[RenderableType] = [Panel(header, title="cchc status", title_align="left"), counts]
    for title, items in (
        ("Overdue", report.overdue),
        (f"Due soon (within {report.horizon} days)", report.due_soon),
    ):
        parts.append(Text(f"\n{title}", style="bold"))
        parts.append(items_table(items) if items else Text("  none", style="dim"))
    parts += [Text(""), _next_report(report.next_report), Text(""), targets_panel(targets, note)]
    return Group(*parts)


def status_output(
    plan_dir: Path,
    *,
    as_of: date | None = None,
    unit: str | None = None,
    fmt: Literal["text", "json"] = "text",
    today: date | None = None,
    targets: Sequence[TargetLine] | None = None,
) -> str | RenderableType:
    """The dashboard of the plan in ``plan_dir`` (JSON text, or a rich renderable)."""
    from cchc_cli.schedule.cache import load_schedule

    view = load_schedule(plan_dir)
    day = as_of_date(as_of, view.timezone, today)
    report = build_status(view, day, unit=unit)
    note = None
    if targets is None and view.measured:
        targets, note = measured_targets(plan_dir, day)
    if fmt == "json":
        return status_json(report, targets, note)
    return render_status(report, targets, note)


def measured_targets(plan_dir: Path, as_of: date) -> tuple[list[TargetLine] | None, str | None]:
    """Every target of the plan measured over its year up to ``as_of``, or why not.

    Kept in the user cache, keyed by the plan's content, its exports' sizes and times
    and the day, so an unchanged plan and unchanged data cost no DuckDB at all. A
    problem with the data (a missing export, an unmapped value) does not stop the
    dashboard: the panel says what ``cchc kpi`` would say.
    """
    from cchc_cli.schedule.cache import data_fingerprint, plan_key, read_entry, write_entry

    key = plan_key(plan_dir)
    name = None
    if key is not None:
        digest = hashlib.sha256(f"{key}|{data_fingerprint(plan_dir)}|{as_of}".encode())
        name = f"targets-{digest.hexdigest()}.json"
        cached = read_entry(name)
        if cached is not None:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                data = json.loads(cached)
                lines = [TargetLine(**item) for item in data["lines"]] if data["lines"] else None
                return lines, data["note"]
    lines, note = _measure_targets(plan_dir, as_of)
    if name is not None:
        items = None if lines is None else [line.as_dict() for line in lines]
        write_entry(name, json.dumps({"lines": items, "note": note}, ensure_ascii=False))
    return lines, note


def _measure_targets(plan_dir: Path, as_of: date) -> tuple[list[TargetLine] | None, str | None]:
    from cchc_cli.errors import CchcError
    from cchc_cli.loading import require_plan
    from cchc_cli.measure.kpi import evaluate_targets
    from cchc_cli.measure.periods import Period, named_period

    plan, _ = require_plan(plan_dir)
    year = named_period(plan.calendar.period_rule, plan.year, "Y")
    if as_of < year.start:
        return None, f"the plan's year starts on {format_day(year.start)}"
    period = Period(f"{plan.year} to date", year.start, min(as_of, year.end))
    try:
        results = evaluate_targets(plan, plan_dir, period, as_of)
    except CchcError as exc:
        return None, f"cannot measure targets: {exc.message} (run `cchc kpi` for details)"
    lines = [
        TargetLine(r.ref, r.measure, r.value, _threshold(plan, r.target), r.status) for r in results
    ]
    return lines, f"measured {format_day(period.start)}–{format_day(period.end)}"


def _threshold(plan: Plan, target_id: str) -> str:
    return plan.targets_by_id[target_id].threshold_text
